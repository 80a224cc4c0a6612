"""PDF-text layout, step 1: lines → tokens, with the page furniture taken out.

A PDF text extraction flattens each table row into a line; the cells of one
line are separated by runs of spaces.  A *token* is one such run of printed
characters, with its 1-based line and column.  Before the tables are read,
lines that are not table content are marked removed:

* page numbers ("-26-") and the running header printed right after them;
* the form title ("…项目支出绩效目标申报表") and its "（2023年度）" line;
* the vertical label "绩效指标" of the indicator block, printed one character
  per line ("绩", "效", "指", "标");
* *overlays*: a title line that the extraction merged with a cell printed at
  the same height ("…绩效目标申报离干表、伤残军人、…") — the characters left
  over once the title is taken out are that cell's text (recorded, since it
  can be the only printing of a project's name), and short lines repeating
  pieces of it elsewhere ("新中国" / "成立") are ghosts of the same cell.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from kpi_lint.lazy_re import lazy_compile
from kpi_lint.model import Located
from kpi_lint.parse.common import squash, undouble
from kpi_lint.read.source import SourceText

FORM_TITLE = "绩效目标申报表"
_PAGE_NUMBER = lazy_compile(r"^\s*-\s*\d+\s*-\s*$")
_YEAR_LINE = lazy_compile(r"^[（(]\d{4}年度?[)）]$")
_VERTICAL_LABEL = "绩效指标"
_TOKEN = lazy_compile(r"\S+")


def display_width(text: str) -> int:
    """Columns a text takes in the PDF's monospaced grid: CJK and full-width count 2."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


@dataclass(frozen=True)
class Tok:
    """One printed token (a run without spaces) and where it sits on its line."""

    text: str  # as printed
    norm: str  # full-width folded, for matching
    line: int  # 1-based
    col: int  # 1-based
    first: bool  # the first token on its line
    last: bool  # the last token on its line

    @property
    def alone(self) -> bool:
        return self.first and self.last

    @property
    def width(self) -> int:
        return display_width(self.norm)

    @property
    def located(self) -> Located:
        return Located(self.text, self.line, self.col)

    def cut(self, start: int, end: int | None = None) -> Tok:
        """The part [start:end) of this token (a glued cell split in two)."""
        stop = len(self.text) if end is None else end
        return Tok(
            self.text[start:stop],
            self.norm[start:stop],
            self.line,
            self.col + start,
            self.first and start == 0,
            self.last and stop == len(self.text),
        )


@dataclass(frozen=True)
class Overlay:
    """Text the extraction printed into a title line (see the module docstring)."""

    text: str
    line: int
    column: int


@dataclass
class PdfText:
    """The source lines, their tokens, and which lines are furniture."""

    src: SourceText
    removed: set[int] = field(default_factory=set)  # 0-based line indexes
    title: str | None = None  # the form title as printed most often (squashed)
    title_lines: list[int] = field(default_factory=list)  # 0-based, clean and garbled titles
    overlays: list[Overlay] = field(default_factory=list)

    def tokens(self, index: int) -> list[Tok]:
        """The tokens of line `index` (0-based); none for a removed line."""
        if index in self.removed:
            return []
        norm = self.src.norm[index]
        printed = self.src.lines[index]
        spans = [(m.start(), m.end()) for m in _TOKEN.finditer(norm)]
        return [
            Tok(printed[s:e], norm[s:e], index + 1, s + 1, k == 0, k == len(spans) - 1)
            for k, (s, e) in enumerate(spans)
        ]


def read_pdf_text(src: SourceText) -> PdfText:
    text = PdfText(src)
    _remove_page_furniture(text)
    _remove_titles(text)
    _remove_vertical_labels(text)
    _remove_ghosts(text)
    return text


def _remove_page_furniture(text: PdfText) -> None:
    norm = text.src.norm
    headers: Counter[str] = Counter()
    for i, line in enumerate(norm):
        if not _PAGE_NUMBER.match(line):
            continue
        text.removed.add(i)
        j = _next_nonblank(norm, i + 1)
        if j is not None:
            headers[norm[j].strip()] += 1
    # The running header follows a page number; keep a line that merely happens to
    # follow one unless it recurs there or names the report.
    running = {h for h, n in headers.items() if n > 1 or h.endswith(("报告", "公开"))}
    for i, line in enumerate(norm):
        if line.strip() in running:
            text.removed.add(i)


def _remove_titles(text: PdfText) -> None:
    keys = [squash(line) for line in text.src.norm]
    titles = Counter(k for k in keys if k.endswith(FORM_TITLE))
    if not titles:
        return
    title = titles.most_common(1)[0][0]
    text.title = title
    prefix = title[: min(8, len(title))]
    for i, key in enumerate(keys):
        if FORM_TITLE in key:
            text.removed.add(i)
            text.title_lines.append(i)
        elif key.startswith(prefix):
            extra = _leftover(title, text.src.norm[i])
            if extra is None:
                continue
            text.removed.add(i)
            text.title_lines.append(i)
            if len(extra) >= 2:
                printed = "".join(text.src.lines[i][k] for k in extra)
                text.overlays.append(Overlay(printed, i + 1, extra[0] + 1))
    for i, key in enumerate(keys):
        if _YEAR_LINE.match(key):
            prev = _prev_nonblank(text.src.norm, i - 1)
            if prev is not None and prev in text.title_lines:
                text.removed.add(i)
    text.title_lines.sort()


def _leftover(title: str, line: str) -> list[int] | None:
    """Match `title` as a subsequence of `line`; return the indexes of the extra characters."""
    k = 0
    extra: list[int] = []
    for idx, ch in enumerate(line):
        if ch.isspace():
            continue
        if k < len(title) and ch == title[k]:
            k += 1
        else:
            extra.append(idx)
    return extra if k == len(title) and extra else None


def _remove_vertical_labels(text: PdfText) -> None:
    keys = [squash(line) for line in text.src.norm]
    i = 0
    while i < len(keys):
        if keys[i] != _VERTICAL_LABEL[0]:
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < len(keys) and len(run) < len(_VERTICAL_LABEL):
            if keys[j] == "":
                j += 1
                continue
            if keys[j] != _VERTICAL_LABEL[len(run)]:
                break
            run.append(j)
            j += 1
        if len(run) >= 2:  # "绩" alone could be a wrapped cell's last character
            text.removed.update(run)
        i = run[-1] + 1


def _remove_ghosts(text: PdfText) -> None:
    if not text.overlays:
        return
    sources = [squash(o.text) for o in text.overlays]
    start = text.title_lines[0] if text.title_lines else 0
    for i in range(start, len(text.src.norm)):
        if i in text.removed:
            continue
        parts = [undouble(t) for t in text.src.norm[i].split()]
        if parts and all(len(p) >= 2 and any(p in s for s in sources) for p in parts):
            text.removed.add(i)


def _next_nonblank(lines: list[str], start: int) -> int | None:
    for j in range(start, len(lines)):
        if lines[j].strip():
            return j
    return None


def _prev_nonblank(lines: list[str], start: int) -> int | None:
    for j in range(start, -1, -1):
        if lines[j].strip():
            return j
    return None
