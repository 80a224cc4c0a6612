"""Text helpers shared by the text-quality rules (not a rule module: no ``kpi`` prefix)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from kpi_lint.model import Indicator, Located, Project
from kpi_lint.read.source import fold

# Punctuation a cell may start or end with without changing what it says.
_EDGE = " \t\r\n。.,，;；:：、!！?？\"'“”‘’"
# OCR noise: a stray digit glued to a cut Chinese cell ("城乡居民县级财2", "贫困人口参保县4").
_STRAY_DIGIT = re.compile(r"(?<=[\u4e00-\u9fff])\d$")

# Indicator cells worth reading as text, with the Chinese column name used in messages.
INDICATOR_TEXT_FIELDS: tuple[tuple[str, str], ...] = (
    ("level3", "三级指标"),
    ("value", "指标值"),
    ("description", "绩效指标描述"),
    ("basis", "指标值确定依据"),
    ("adjusted_value", "调整后指标值"),
    ("actual", "实际完成值"),
    ("deviation", "偏差原因分析"),
)
PROJECT_TEXT_FIELDS: tuple[tuple[str, str], ...] = (
    ("overview", "项目概况"),
    ("legal_basis", "立项依据"),
    ("necessity", "项目设立必要性"),
    ("measures", "保证项目实施的制度、措施"),
    ("plan", "项目实施计划"),
    ("target_text", "绩效目标"),
    ("actual_summary", "实际完成情况"),
)


_SPACE = re.compile(r"\s+")


# Every text rule reads the same cells: each is folded once per run, not once per rule.
@lru_cache(maxsize=1 << 16)
def squashed(text: str | None) -> str:
    """Full-width folded, white space (PDF wrapping, DOCX padding) dropped."""
    return _SPACE.sub("", fold(text)) if text else ""


@lru_cache(maxsize=1 << 16)
def clean(text: str | None) -> str:
    """The text as compared: `squashed`, without edge punctuation."""
    return squashed(text).strip(_EDGE)


# A bracket closing a name ("完成率(%)", "按期完成率(≥**%)"): the unit or the template's prompt, not the measure.
_CLOSING_BRACKET = re.compile(r"[（(][^（）()]*[)）]$")


def name_ends_with(name: str | None, words: tuple[str, ...]) -> bool:
    """The name, its closing bracket ("(%)", "(≥**%)") left aside, ends with one of `words` (a word list of
    lexicons/: completion_words.txt's 完成率, ceiling_rates.txt's 控制率 …)."""
    bare = clean(_CLOSING_BRACKET.sub("", (name or "").strip()))
    return any(word and bare.endswith(word) for word in words)


def holds_any(text: str, words: tuple[str, ...]) -> bool:
    """`any(w and w in text for w in words)`: one regex scan, the list compiled once (`_any_of`)."""
    return _any_of(words).search(text) is not None


@lru_cache(maxsize=256)
def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """Matches wherever a non-empty word of `words` is; nothing for a list without one."""
    present = [re.escape(w) for w in words if w]
    return re.compile("|".join(present) if present else "(?!)")


@lru_cache(maxsize=64)
def cleaned_words(words: tuple[str, ...]) -> tuple[str, ...]:
    """`clean` of each word of a lexicon list, worked out once per list instead of once per row."""
    return tuple(clean(w) for w in words)


@lru_cache(maxsize=1 << 16)
def clean_cut(text: str | None) -> str:
    """`clean`, also dropping a stray OCR digit glued to the end of a Chinese cell."""
    return _STRAY_DIGIT.sub("", clean(text))


def forget_folded() -> None:
    """Empty the memos of `squashed`, `clean` and `clean_cut` (the file tasks' cells, before the peer phase)."""
    squashed.cache_clear()
    clean.cache_clear()
    clean_cut.cache_clear()


def period_label(period: str | None) -> str:
    return f"{period}" if period else ""


@dataclass(frozen=True)
class TextCell:
    """One printed piece of text of a project, with where it is and what it is called."""

    label: str  # Chinese column / field name for messages
    text: str
    line: int
    column: int
    indicator: Indicator | None = None
    period: str | None = None
    anchor: str | None = None  # where the cell is in an office file


def indicator_cells(ind: Indicator) -> Iterator[TextCell]:
    for attr, label in INDICATOR_TEXT_FIELDS:
        text = getattr(ind, attr)
        if isinstance(text, str) and text.strip():
            line, column = ind.span(attr)
            yield TextCell(label, text, line, column, ind, ind.period, ind.anchor(attr))


def project_cells(project: Project) -> Iterator[TextCell]:
    """Every text cell of a project: name, narrative fields, 总体目标, indicator cells."""
    yield TextCell("项目名称", project.name, project.line, project.column, anchor=project.anchor)
    for attr, label in PROJECT_TEXT_FIELDS:
        loc: Located | None = getattr(project, attr)
        if loc is not None and loc.text.strip():
            yield TextCell(label, loc.text, loc.line, loc.column, anchor=loc.anchor)
    for period, loc in project.goals.items():
        if loc.text.strip():
            label = f"总体目标（{period}）" if period else "总体目标"
            yield TextCell(label, loc.text, loc.line, loc.column, None, period, loc.anchor)
    for section, loc in project.analysis.items():
        if loc.text.strip():
            yield TextCell(section, loc.text, loc.line, loc.column, anchor=loc.anchor)
    for canonical, loc in project.labels.items():
        if loc.text != canonical:  # a row label read despite a slip, e.g. "总体日标"
            yield TextCell("栏目名称", loc.text, loc.line, loc.column, anchor=loc.anchor)
    for ind in project.indicators:
        yield from indicator_cells(ind)


def snippet(text: str, start: int, length: int, width: int = 8) -> str:
    """A short window of `text` around [start, start + length), with ellipses where cut."""
    lo, hi = max(0, start - width), min(len(text), start + length + width)
    return ("…" if lo else "") + text[lo:hi] + ("…" if hi < len(text) else "")
