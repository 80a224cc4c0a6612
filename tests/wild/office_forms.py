"""A wild document's hand-labelled rows typed into an office form the way departments type them
(bench/office_eval.py, tests/fixtures/office_roundtrip/build.py).

The rows come from `corpus/wild/expected/<stem>.csv`, not from any reader, so reading the file back
checks the readers against the labels.  Each form is one of the real templates of
/work/shared/docs/domain.md, chosen per document by a seeded draw: a target table, a self-evaluation
(年度指标值 / 实际完成值 / 分值 / 得分, or 年度指标值 over 目标值 / 实际值), an approval table (facts and
indicators as two tables), a 部门整体 table (the target split into 计算符号 / 目标值 / 度量单位).  Every
form has a title, a facts block, a two-tier header and 一级 / 二级 merged vertically over their group;
`build_fixtures` writes it as .docx (python-docx merges) and .xlsx (openpyxl merged ranges).
"""

from __future__ import annotations

import csv
import random
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "fixtures" / "office"))
from build_fixtures import (  # noqa: E402
    LEFT,
    UP,
    Block,
    Expected,
    Form,
    Table,
    soffice,
    write_csv,
    write_docx,
    write_xlsx,
)

__all__ = ["build_form", "shape_of", "soffice", "write_csv", "write_docx", "write_fixtures", "write_xlsx"]

WILD = ROOT / "corpus" / "wild"
SHAPES = ("target", "selfeval", "selfeval_tiers", "approval", "dept")

_NAME = re.compile(r"项目名称[\s:：|]*([^\s|\t]{2,40})")
_SPLIT = re.compile(r"^([<>=≥≤≧≦＞＜＝═]{0,2})\s*(\d[\d.,]*)\s*(\S{0,6})$")


@dataclass(frozen=True)
class Labelled:
    """One hand-labelled indicator row of a wild document."""

    level1: str
    level2: str
    level3: str
    value: str


def labelled_rows(stem: str) -> list[Labelled]:
    """The rows of `stem`'s expected CSV of one period: 年度 when it is labelled, else the first one
    met (a form below holds one period)."""
    with (WILD / "expected" / f"{stem}.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    periods = [r["period"] for r in rows]
    keep = "年度" if "年度" in periods else (periods[0] if periods else "")
    return [Labelled(r["level1"], r["level2"], r["level3"], r["value"]) for r in rows if r["period"] == keep]


def project_name(stem: str) -> str:
    """The 项目名称 printed in the wild text, or a name made of the file's words."""
    source = next((p for p in WILD.glob(stem + ".*") if p.suffix in (".txt", ".md")), None)
    found = _NAME.search(source.read_text(encoding="utf-8")) if source else None
    return found.group(1) if found else "专项业务经费"


def _levels(rows: list[Labelled]) -> list[list[str]]:
    """[一级, 二级] per row, a repeat of the row above merged into it (an empty label never merges)."""
    out: list[list[str]] = []
    for k, r in enumerate(rows):
        prev = rows[k - 1] if k else None
        same1 = prev is not None and bool(r.level1) and prev.level1 == r.level1
        same2 = same1 and prev is not None and bool(r.level2) and prev.level2 == r.level2
        out.append([UP if same1 else r.level1, UP if same2 else r.level2])
    return out


def _span(text: str, n: int) -> list[str]:
    return [text, *([LEFT] * (n - 1))]


def split_target(value: str) -> tuple[str, str, str]:
    """计算符号, 目标值, 度量单位 of a target as a 部门整体 table splits it ("≥95%" → ≥ | 95 | %); a
    target that is no figure stays whole in 目标值."""
    m = _SPLIT.match(value.strip())
    return (m.group(1), m.group(2), m.group(3)) if m else ("", value, "")


def _weights(n: int) -> list[str]:
    """分值 of n indicators adding up to 90 (the 10 points of budget execution apart)."""
    each = round(90 / n, 1) if n else 0
    return [f"{each:g}"] * n


def _facts(name: str, width: int) -> list[list[str]]:
    half = width // 2
    return [
        ["项目名称", *_span(name, width - 1)],
        ["主管部门", *_span("某县人民政府办公室", half - 1), "实施单位", *_span("某县事务中心", width - half - 1)],
    ]


def build_form(stem: str, shape: str) -> Form:
    """The rows of `stem` typed into the template `shape` (one of SHAPES)."""
    rows = labelled_rows(stem)
    name = project_name(stem)
    levels = _levels(rows)
    captions: list[str] = []
    if shape == "target":
        header = [
            [*_span("绩效指标", 3), "指标值", "指标值确定依据"],
            ["一级指标", "二级指标", "三级指标", UP, UP],
        ]
        body = [[*lv, r.level3, r.value, "计划标准"] for lv, r in zip(levels, rows, strict=True)]
        tables = [Table([*_facts(name, 5), *header, *body], [2.4, 2.8, 5.6, 3.2, 3.0], frozenset({2, 3}))]
        title = f"{name}项目支出绩效目标表"
    elif shape in ("selfeval", "selfeval_tiers"):
        weights = _weights(len(rows))
        if shape == "selfeval":
            header = [
                ["一级指标", "二级指标", "三级指标", *_span("指标值", 2), *_span("评分", 2), "偏差原因分析及改进措施"],
                [UP, UP, UP, "年度指标值", "实际完成值", "分值", "得分", UP],
            ]
        else:
            header = [
                ["一级指标", "二级指标", "三级指标", *_span("年度指标值", 2), "分值", "得分", "偏差原因分析及改进措施"],
                [UP, UP, UP, "目标值", "实际值", UP, UP, UP],
            ]
        body = [[*lv, r.level3, r.value, r.value, w, w, ""] for lv, r, w in zip(levels, rows, weights, strict=True)]
        funds = [
            ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
            [UP, "年度资金总额", "50.00", "50.00", "48.00", "10", "96%", "9.6"],
        ]
        total = [*_span("总分", 5), "100", "99.6", "优"]
        widths = [2.0, 2.4, 4.6, 2.8, 2.8, 1.4, 1.4, 3.4]
        tables = [Table([*_facts(name, 8), *funds, *header, *body, total], widths, frozenset({4, 5}))]
        title = f"{name}项目支出绩效自评表"
    elif shape == "approval":
        # The sheet takes its column widths from one table: the two share them.
        widths = [2.6, 3.0, 7.2, 4.2]
        facts = Table([*_facts(name, 4), ["年度资金总额（万元）", *_span("50.00", 3)]], widths)
        header = [[*_span("年度绩效指标", 4)], ["一级指标", "二级指标", "三级指标", "指标值"]]
        body = [[*lv, r.level3, r.value] for lv, r in zip(levels, rows, strict=True)]
        tables = [facts, Table([*header, *body], widths, frozenset({0, 1}))]
        captions = [""]
        title = "2023年度项目支出绩效目标批复表"
    elif shape == "dept":
        facts = Table(
            [["部门（单位）名称", *_span("某县人民政府办公室", 6)], ["年度总体目标", *_span(name, 6)]],
            [2.4, 2.8, 5.6, 1.6, 2.6, 1.8, 3.2],
        )
        header = [
            ["一级指标", "二级指标", "三级指标", *_span("指标值", 3), "指标值说明"],
            [UP, UP, UP, "计算符号", "目标值", "度量单位", UP],
        ]
        body = [[*lv, r.level3, *split_target(r.value), ""] for lv, r in zip(levels, rows, strict=True)]
        tables = [facts, Table([*header, *body], [2.4, 2.8, 5.6, 1.6, 2.6, 1.8, 3.2], frozenset({0, 1}))]
        captions = ["二、部门整体绩效指标"]
        title = "2023年度部门整体支出绩效目标表"
    else:
        raise ValueError(f"unknown shape {shape!r}")
    block = Block(sheet="绩效目标表", title=[title, "（2023年度）"], tables=tables, captions=captions)
    expected = [Expected("", r.level1, r.level2, r.level3, r.value) for r in rows]
    return Form(stem, [block], expected, landscape=shape.startswith("selfeval"))


def shape_of(stem: str, seed: int) -> str:
    """The template a document is typed into: a draw seeded by the run's seed and the file's name."""
    return random.Random(f"{seed}:{stem}").choice(SHAPES)


def write_fixtures(
    folder: Path,
    fixtures: dict[str, str],
    form_of: Callable[[str, str], Form],
    writers: tuple[Callable[[Form, Path], None], Callable[[Form, Path], None]] = (write_docx, write_xlsx),
) -> None:
    """Each `fixtures` stem typed into its template (`form_of`) in `folder`: STEM.expected.csv, STEM.w.docx and
    STEM.x.xlsx (`writers`), both printed to PDF by LibreOffice (tests/fixtures/office_roundtrip, office_unseen)."""
    sources = []
    for stem, shape in fixtures.items():
        form = form_of(stem, shape)
        write_csv(form, folder / f"{stem}.expected.csv")
        for suffix, writer in zip((".w.docx", ".x.xlsx"), writers, strict=True):
            writer(form, folder / f"{stem}{suffix}")
            sources.append(folder / f"{stem}{suffix}")
    soffice(sources, "pdf", folder)
