"""Generate a benchmark corpus of mostly distinct indicator rows, in every layout and format read.

    .venv/bin/python bench/make_corpus.py OUT [--documents N | --rows R] [--seed 0]
                                          [--formats txt,docx,xlsx,html]

Copies of the five corpus files hide costs behind memoization (the same indicator text is
classified, normalised and clustered once), so this script writes new documents instead.  Each
document starts from a real template and keeps its layout; only the printed content changes:

* templates: the corpus samples (`corpus/*.txt`: PDF text, cell lines, tab rows), the wild set
  (`corpus/wild/*.txt`: tab, pipe, space-separated, one cell per line, glued, stacked headers …)
  and the office fixtures (`tests/fixtures/office/`: the same forms as .txt, .docx, .xlsx, .html);
* every 三级指标 is replaced by one drawn from all templates' indicator names, most of them
  prefixed with a qualifier (全县 / 农村 / 定点医疗机构 …), so that names rarely repeat;
* every 指标值 gets a fresh number of the same shape (comparator, unit kind), its unit drawn from
  the values of the same shape printed anywhere in the templates; qualitative values are swapped
  for other qualitative values;
* every project gets a new name (a place and a project name from the templates).

Text is written in place at the parsed line and column (nothing else on the line moves); about
one text document in eight is written in GB18030 and one in eight with CRLF line ends, as files
arrive.  Word, Excel and HTML documents are rewritten cell by cell with python-docx, openpyxl and
lxml.  PDF is not generated: printing it needs LibreOffice, and copies of the fixture PDFs would
only repeat their rows.

The output depends only on ``--seed`` and the document number (each document has its own random
generator), so two runs write the same texts; docx/xlsx are written with fixed dates and zip times.
A summary (documents per format, template rows) is printed; the rows a parser finds are counted
by `bench/check_bench.py`.
"""

from __future__ import annotations

import argparse
import io
import random
import re
import sys
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kpi_lint.errors import InputError  # noqa: E402
from kpi_lint.lexicon import load_lexicon  # noqa: E402
from kpi_lint.model import Document  # noqa: E402
from kpi_lint.parse import parse  # noqa: E402
from kpi_lint.vocab import Vocabulary  # noqa: E402

OFFICE = ROOT / "tests" / "fixtures" / "office"
FORMATS = ("txt", "docx", "xlsx", "html")

# Words a reviewer meets in front of indicator names; a prefix makes a drawn name a new one.
QUALIFIERS = (
    "全县",
    "全市",
    "全区",
    "辖区",
    "农村",
    "城镇",
    "城乡",
    "重点",
    "新增",
    "年度",
    "基层",
    "乡镇",
    "社区",
    "学校",
    "定点医疗机构",
    "困难群众",
    "脱贫人口",
    "参保人员",
    "企业",
    "示范",
    "标准化",
    "规范化",
    "线上",
    "线下",
    "专项",
    "日常",
    "季度",
    "本级",
    "下级",
    "市级",
    "县级",
    "村级",
    "公共",
    "应急",
    "信息化",
    "重点人群",
    "低收入人口",
    "特困人员",
    "老年人",
    "儿童",
)
PLACES = (
    "沁水县",
    "阳城县",
    "高平市",
    "陵川县",
    "泽州县",
    "武乡县",
    "平顺县",
    "黎城县",
    "壶关县",
    "长子县",
    "屯留区",
    "潞城区",
    "襄垣县",
    "沁源县",
    "和顺县",
    "昔阳县",
    "寿阳县",
    "太谷区",
    "祁县",
    "平遥县",
    "灵石县",
    "介休市",
    "孝义市",
    "汾阳市",
    "文水县",
    "交城县",
    "兴县",
    "临县",
    "柳林县",
    "石楼县",
    "岚县",
    "方山县",
    "中阳县",
    "交口县",
    "永和县",
    "隰县",
    "蒲县",
    "大宁县",
)
SUFFIXES = ("", "（一期）", "（二期）", "专项", "补助资金", "工作经费", "建设项目")
YEARS = tuple(range(2019, 2027))

_WS = re.compile(r"\s|\|")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_SHAPED = re.compile(r"^(?P<cmp>[≥≤><=＞＜≧≦]*)\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>[^\d\s|]{0,6})$")
# A unit a department prints: words, Latin letters, a percent or per-mille sign, "/" or "·" between units
# ("元/人·年").  A value read from an OCR'd row may carry a stray mark ("80%^"): no unit to print elsewhere.
_UNIT = re.compile(r"[\u4e00-\u9fffA-Za-z%％‰㎡/·]*")
# A unit naming a day of the calendar ("12月底前", "6月前", "15日前"), not a measure: its number is a month
# or a day, and it is neither given to a count nor swapped for one.
_CLAUSE_MARK = re.compile(r"[,，;；。:：]")
_DATE_UNIT = ("月", "年底", "年末", "年前", "年年", "日", "号", "季度")  # "2023年年底前"
# The numbering a form prints before each name for the department to fill in after ("指标1:全县参合人数"):
# part of the template, not of the name.
_NUMBERING = re.compile(r"^(?:指标\s*\d{1,2}|\d{1,2})\s*[:：、.．]\s*(?=[\u4e00-\u9fffA-Za-z])")


@dataclass
class Pools:
    """What the templates print, to draw new content from."""

    names: list[str] = field(default_factory=list)
    projects: list[str] = field(default_factory=list)
    qualitative: list[str] = field(default_factory=list)
    units: dict[bool, list[str]] = field(default_factory=lambda: {True: [], False: []})  # by comparator
    percent_units: frozenset[str] = frozenset({"%", "％", "‰", "百分点"})


@dataclass
class Edit:
    """One printed field of a text template: where it starts and what it says."""

    line: int  # 1-based
    column: int  # 1-based
    text: str
    kind: str  # level3 | value | project


@dataclass
class Template:
    path: Path
    fmt: str
    rows: int
    edits: list[Edit]  # text templates
    row_values: dict[str, set[str]]  # office templates: printed 三级指标 → the values printed beside it
    projects: list[str]
    prose: bool = False  # a report stating its targets in sentences, no table


def _clean(text: str | None) -> str | None:
    return text.strip() if text and text.strip() and not _WS.search(text.strip()) else None


def _printed(doc: Document) -> Iterable[tuple[str, str, Edit | None]]:
    """(kind, text, edit) for each 三级指标, 指标值 and project name that prints without spaces."""
    for project in doc.projects:
        name = _clean(project.name)
        if name:
            yield "project", name, Edit(project.line, project.column, name, "project")
    for ind in doc.indicators:
        for kind in ("level3", "value"):
            loc = ind.spans.get(kind)
            text = _clean(loc.text if loc else getattr(ind, kind))
            if text and loc is not None:
                yield kind, text, Edit(loc.line, loc.column, text, kind)


def load_templates(formats: set[str], paths: list[Path] | None = None) -> tuple[list[Template], Pools]:
    """The templates of `paths` (by default every corpus, wild and office file) and the pools they print."""
    if paths is None:
        paths = [*sorted((ROOT / "corpus").glob("*.txt")), *sorted((ROOT / "corpus" / "wild").glob("*.txt"))]
        paths += [p for fmt in FORMATS for p in sorted(OFFICE.glob(f"*.{fmt}"))]
    pools = Pools()
    vocab = load_lexicon().vocabulary
    templates = []
    seen: dict[str, set[str]] = defaultdict(set)
    for path in paths:
        fmt = path.suffix.lstrip(".")
        try:
            doc = parse(path)
        except InputError:
            continue  # a wild file without an indicator table: nothing to vary
        if not doc.indicators:
            continue
        edits: list[Edit] = []
        row_values: dict[str, set[str]] = defaultdict(set)
        for ind in doc.indicators:
            name = _clean(ind.spans["level3"].text if "level3" in ind.spans else ind.level3)
            value = _clean(ind.spans["value"].text if "value" in ind.spans else ind.value)
            if name and value:
                row_values[name].add(value)
        for kind, text, edit in _printed(doc):
            if edit is not None and fmt == "txt":
                edits.append(edit)
            if text in seen[kind]:
                continue
            seen[kind].add(text)
            if kind == "level3" and 2 <= len(text) <= 30 and not _misread(text, vocab):
                pools.names.append(_NUMBERING.sub("", text))
            elif kind == "project" and len(text) <= 40:
                pools.projects.append(text)
            elif kind == "value":
                shaped = _SHAPED.match(text)
                if shaped and _UNIT.fullmatch(shaped["unit"]) and not shaped["unit"].startswith(_DATE_UNIT):
                    pools.units[bool(shaped["cmp"])].append(shaped["unit"])
                elif not any(ch.isdigit() for ch in text) and len(text) <= 12:
                    pools.qualitative.append(text)
        if fmt in formats:
            projects = [p.name.strip() for p in doc.projects if p.name and p.name.strip()]
            prose = any(p.in_prose for p in doc.projects)
            templates.append(Template(path, fmt, len(doc.indicators), edits, dict(row_values), projects, prose))
    return templates, pools


def _misread(name: str, vocab: Vocabulary) -> bool:
    """A 三级指标 a template was read with that is a label (`_labelled`) or a value ("1年", "2022年全年"):
    a cell misread as a name, which no department writes as one."""
    return _labelled(name, vocab) or _SHAPED.match(name) is not None


def _labelled(name: str, vocab: Vocabulary) -> bool:
    """A 三级指标 a template was read with that is, or ends with, a 一级/二级 label ("数量指标", "重点人群数量指标"),
    or is cut inside its brackets: a misread cell, which no department writes as a name."""
    pattern = vocab.glued_label_pattern
    ends_labelled = pattern is not None and any(m.end() == len(name) for m in pattern.finditer(name))
    # … or a name cut inside its brackets ("项目年度绩效目标("): a cell the template was misread into
    cut = name.count("(") + name.count("（") != name.count(")") + name.count("）")
    return bool(vocab.canonical_level1(name) or vocab.canonical_level2(name) or ends_labelled or cut)


class Varier:
    """New printed content for one document, from its own random generator."""

    def __init__(self, rng: random.Random, pools: Pools, prose: bool = False) -> None:
        self.rng = rng
        self.pools = pools
        self.projects: dict[str, str] = {}
        # A report listing its targets in sentences writes each as a clause: a name drawn from a table that
        # holds a clause mark ("…及时补偿门诊住院医药费，基金安全运行。") is no clause of such a list.
        self.names = [n for n in pools.names if not _CLAUSE_MARK.search(n)] if prose else pools.names

    def name(self, old: str) -> str:
        base = self.rng.choice(self.names or self.pools.names)
        if self.rng.random() < 0.8:
            base = self.rng.choice(QUALIFIERS) + base
        # A department fills in the name after the form's numbering; it does not erase the numbering of
        # one row and keep it in the next (the names a form numbers are told from other text by it).
        numbering = _NUMBERING.match(old)
        return (numbering.group() if numbering else "") + base

    def project(self, old: str) -> str:
        if old not in self.projects:
            rng = self.rng
            stem = rng.choice(self.pools.projects)
            self.projects[old] = f"{rng.choice(YEARS)}年{rng.choice(PLACES)}{stem}{rng.choice(SUFFIXES)}"
        return self.projects[old]

    def value(self, old: str) -> str:
        rng = self.rng
        shaped = _SHAPED.match(old)
        if shaped:
            units = self.pools.units[bool(shaped["cmp"])]
            unit = shaped["unit"]
            if unit.startswith(_DATE_UNIT):
                return f"{shaped['cmp']}{self._number_like(shaped['num'])}{unit}"
            if unit and unit not in self.pools.percent_units and units and rng.random() < 0.5:
                unit = rng.choice([u for u in units if u not in self.pools.percent_units] or [unit])
            if unit in self.pools.percent_units:
                number = f"{rng.uniform(60, 100):.{rng.choice((0, 0, 1, 2))}f}"
            else:
                number = str(rng.randint(1, 10 ** rng.randint(1, 5)))
            return f"{shaped['cmp']}{number}{unit}"
        if any(ch.isdigit() for ch in old):
            return _NUMBER.sub(lambda m: self._number_like(m.group()), old)
        return rng.choice(self.pools.qualitative) if self.pools.qualitative else old

    def _number_like(self, digits: str) -> str:
        rng = self.rng
        if len(digits) == 4 and digits[:2] in ("19", "20"):
            return str(rng.choice(YEARS))  # a year stays a year
        if "." in digits:
            whole, frac = digits.split(".")
            return f"{rng.randint(0, 10 ** len(whole) - 1)}.{rng.randint(0, 10 ** len(frac) - 1):0{len(frac)}d}"
        if len(digits) <= 2 and int(digits) <= 31:
            return str(rng.randint(1, 12))  # days, months: stay small
        return str(rng.randint(1, 10 ** len(digits) - 1))


def vary_text(template: Template, varier: Varier) -> str:
    lines = template.path.read_text(encoding="utf-8").split("\n")
    by_line: dict[int, list[Edit]] = defaultdict(list)
    for edit in template.edits:
        by_line[edit.line].append(edit)
    for number, edits in by_line.items():
        line = lines[number - 1]
        end = len(line) + 1
        for edit in sorted(edits, key=lambda e: e.column, reverse=True):
            start = edit.column - 1
            stop = start + len(edit.text)
            if stop > end or line[start:stop] != edit.text:
                continue  # wrapped or overlapping: the field stays as printed
            new = getattr(varier, "name" if edit.kind == "level3" else edit.kind)(edit.text)
            line = line[:start] + new + line[stop:]
            end = start
        lines[number - 1] = line
    return "\n".join(lines)


def _cell_plan(texts: list[str], template: Template, varier: Varier) -> dict[int, str]:
    """New texts for the cells of one table row: its 三级指标 cells and the values printed beside them."""
    plan: dict[int, str] = {}
    values: set[str] = set()
    for i, text in enumerate(texts):
        if text in template.row_values:
            plan[i] = varier.name(text)
            values |= template.row_values[text]
        elif text in template.projects:
            plan[i] = varier.project(text)
    for i, text in enumerate(texts):
        if i not in plan and text in values:
            plan[i] = varier.value(text)
    return plan


FIXED_TIME = datetime(2024, 1, 1)


def _fixed_zip(data: bytes) -> bytes:
    """The same zip with every member dated FIXED_TIME, so the bytes depend on the content only."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def vary_docx(template: Template, varier: Varier) -> bytes:
    import docx

    document = docx.Document(str(template.path))
    for table in document.tables:
        for row in table.rows:
            cells: list[Any] = []
            for cell in row.cells:  # a merged cell is returned once per grid position it covers
                if not any(cell._tc is c._tc for c in cells):
                    cells.append(cell)
            for i, new in _cell_plan([c.text.strip() for c in cells], template, varier).items():
                cells[i].text = new
    document.core_properties.created = document.core_properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


def vary_xlsx(template: Template, varier: Varier) -> bytes:
    import openpyxl
    from openpyxl.cell.cell import Cell

    book = openpyxl.load_workbook(template.path)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            cells = [c for c in row if isinstance(c, Cell) and isinstance(c.value, str)]
            for i, new in _cell_plan([str(c.value).strip() for c in cells], template, varier).items():
                cells[i].value = new
    book.properties.created = book.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    book.save(buffer)
    return _fixed_zip(buffer.getvalue())


def vary_html(template: Template, varier: Varier) -> bytes:
    import lxml.html

    tree = lxml.html.parse(str(template.path), parser=lxml.html.HTMLParser(encoding="utf-8"))
    for tr in tree.iter("tr"):
        cells = [c for c in tr if c.tag in ("td", "th")]
        for i, new in _cell_plan([c.text_content().strip() for c in cells], template, varier).items():
            for child in list(cells[i]):
                cells[i].remove(child)
            cells[i].text = new
    return lxml.html.tostring(tree, encoding="utf-8", doctype="<!DOCTYPE html>")


def write_document(out: Path, number: int, template: Template, pools: Pools, seed: int) -> Path:
    rng = random.Random(f"{seed}:{number}")
    varier = Varier(rng, pools, template.prose)
    stem = f"{number:06d}_{template.path.stem}"
    if template.fmt == "txt":
        text = vary_text(template, varier)
        encoding = "utf-8"
        if rng.random() < 0.125:
            text = text.replace("\n", "\r\n")
        if rng.random() < 0.125:
            try:
                data = text.encode("gb18030")
                encoding = "gb18030"
            except UnicodeEncodeError:
                pass
        target = out / f"{stem}.txt"
        target.write_bytes(text.encode(encoding))
        return target
    writer = {"docx": vary_docx, "xlsx": vary_xlsx, "html": vary_html}[template.fmt]
    data = writer(template, varier)
    target = out / f"{stem}.{template.fmt}"
    target.write_bytes(data)
    return target


def plan(templates: list[Template], documents: int | None, rows: int | None, seed: int) -> list[Template]:
    """Which template each document starts from: every template in turn, in a seeded order."""
    order = list(templates)
    random.Random(seed).shuffle(order)
    chosen: list[Template] = []
    total = 0
    while (documents is not None and len(chosen) < documents) or (rows is not None and total < rows):
        template = order[len(chosen) % len(order)]
        chosen.append(template)
        total += template.rows
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the documents into (created)")
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--documents", type=int, help="this many documents")
    size.add_argument("--rows", type=int, help="documents until their templates hold this many rows")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--formats", default=",".join(FORMATS), help=f"comma-separated, of {','.join(FORMATS)}")
    args = parser.parse_args()
    formats = {f.strip() for f in args.formats.split(",") if f.strip()}
    if unknown := formats - set(FORMATS):
        parser.error(f"unknown formats: {', '.join(sorted(unknown))}")
    documents = args.documents if args.documents is not None or args.rows is not None else 1000

    templates, pools = load_templates(formats)
    chosen = plan(templates, documents, args.rows, args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    by_format: Counter[str] = Counter()
    template_rows = 0
    for number, template in enumerate(chosen):
        write_document(args.out, number, template, pools, args.seed)
        by_format[template.fmt] += 1
        template_rows += template.rows
    formats_line = ", ".join(f"{fmt} {n:,}" for fmt, n in sorted(by_format.items()))
    print(f"{len(chosen):,} documents in {args.out} ({formats_line}) from {len(templates)} templates")
    print(f"about {template_rows:,} indicator rows (as many as their templates hold)")
    print(
        f"drawn from {len(pools.names):,} indicator names × {len(QUALIFIERS)} qualifiers, "
        f"{len(pools.projects):,} project names, {len(pools.qualitative):,} qualitative values"
    )


if __name__ == "__main__":
    main()
