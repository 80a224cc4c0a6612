"""`--output-format text` (the default): ruff-style lines grouped by project, then a summary.

    corpus/003_….txt:1679:2: KPI103 [warning] 指标值“717”只有数字，没有单位……
      指标: 产出指标 / 数量指标 / 租赁面积 = 717
      建议: 717平方米

A finding that stands for a document-wide pattern (KPI302) adds "出现: N 处 — 12:3; 15:3; …".

The project heads its group; the row a finding is about (period, 一/二/三级指标, 指标值)
follows on its own line, so the text carries the same fields as JSON, SARIF and CSV.

Coloured on a terminal (rich), plain otherwise.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from rich.cells import cell_len
from rich.console import Console
from rich.control import STRIP_CONTROL_CODES
from rich.text import Text

from kpi_lint.report import RunSummary, Tally, occurrence_places
from kpi_lint.rules.base import Finding, Severity

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
# The control characters rich takes out of a Text (a form feed from a PDF page break, a stray CR).
_CONTROL = re.compile("[" + "".join(re.escape(chr(code)) for code in STRIP_CONTROL_CODES) + "]")


def _groups(findings: Sequence[Finding]) -> list[tuple[tuple[str, str | None], list[Finding]]]:
    """Findings per (file, project), files in order, projects in order of their first finding."""
    groups: dict[tuple[str, str | None], list[Finding]] = {}
    for f in sorted(findings, key=lambda f: f.sort_key):
        groups.setdefault((f.path, f.project), []).append(f)
    return sorted(groups.items(), key=lambda item: (item[0][0], item[1][0].line, item[1][0].column))


def _finding_parts(f: Finding) -> list[tuple[str, str]]:
    """The finding's line as (text, style) parts: "path:line:col: KPI101 [warning] 目标值含糊：message"."""
    parts: list[tuple[str, str]] = [
        (f"{f.location}:", "bold"),
        (" ", ""),
        (f.code, "bold"),
        (" ", ""),
        (f"[{f.severity.value}]", _STYLE[f.severity]),
    ]
    if f.title_zh:  # the rule's Chinese name before the message: "KPI101 [warning] 目标值含糊：…"
        parts += [(f" {f.title_zh}", "bold"), ("：", "")]
    else:
        parts.append((" ", ""))
    parts.append((f.message, ""))
    return parts


def _context_text(f: Finding) -> str | None:
    """ "指标: 实施期 · 产出指标 / 数量指标 / 城乡居民基本医疗保险参保人数 = 170720人", when about a row."""
    levels = " / ".join(x for x in (f.level1, f.level2, f.level3) if x)
    if not levels and f.value is None:
        return None
    parts = [p for p in (f.period, levels) if p]
    text = " · ".join(parts)
    if f.value is not None:
        text = f"{text} = {f.value}" if text else f"指标值 {f.value}"
    return f"  指标: {text}"


def _group_lines(
    path: str, project: str | None, items: Sequence[Finding], explain: bool
) -> list[list[tuple[str, str]]]:
    """One project's group as lines of (text, style) parts: its heading, each finding with its row,
    suggestion and evidence, then a blank line."""
    heading = f"── {path} · {'项目：' + project if project else '全文'}"
    lines: list[list[tuple[str, str]]] = [[(heading, "bold magenta")]]
    for f in items:
        lines.append(_finding_parts(f))
        context = _context_text(f)
        if context is not None:
            lines.append([(context, "dim")])
        if f.occurrences:  # a document-wide pattern: how many places, and where (line:column)
            lines.append([(f"  出现: {len(f.occurrences)} 处 — {occurrence_places(f)}", "dim")])
        if f.suggestion:
            lines.append([(f"  建议: {f.suggestion}", "green")])
        if explain and f.explain:
            lines.append([(f"  依据: {f.explain}", "dim")])
    lines.append([])
    return lines


def _severity_counts(counts: Counter[Severity]) -> Text:
    text = Text()
    parts = [(s, counts[s]) for s in _ORDER if counts[s]]
    for i, (sev, n) in enumerate(parts):
        if i:
            text.append(" · ")
        text.append(f"{sev.value} {n}", style=_STYLE[sev])
    return text


def print_findings(console: Console, findings: Iterable[Finding], *, explain: bool = False) -> None:
    """The findings, grouped by project; `findings` in output order (by path, as a run gives them),
    read one file's at a time."""
    # Without colours (a file, a pipe) the lines are written as they are; on a terminal one rich
    # print per project group, not per line: rich's cost is per call, and a national run prints
    # tens of thousands of lines.
    plain = console.color_system is None
    for _, of_file in itertools.groupby(findings, key=lambda f: f.path):
        for (path, project), items in _groups(list(of_file)):
            lines = _group_lines(path, project, items, explain)
            if plain:
                text = "".join("".join(part for part, _ in line) + "\n" for line in lines)
                console.file.write(_CONTROL.sub("", text))
            else:
                console.print(Text("\n").join(Text.assemble(*line) for line in lines))


def padded(text: str, width: int) -> str:
    """`text` padded to `width` terminal columns (a Chinese character takes two)."""
    return text + " " * max(0, width - cell_len(text))


def print_statistics(console: Console, tally: Tally) -> None:
    """The per-code table (`--statistics`): count, code, Chinese name, kebab id, severities; then the totals."""
    rows = tally.by_code()
    titles = tally.titles()
    title_w = max((cell_len(titles[code]) for code, _, _ in rows), default=0)
    name_w = max((len(name) for _, name, _ in rows), default=0)
    for code, name, counts in rows:
        row = Text(f"{sum(counts.values()):>6}  ")
        row.append(code, style="bold")
        row.append(f"  {padded(titles[code], title_w)}  ")
        row.append(f"{name:<{name_w}}  ", style="dim")
        row.append_text(_severity_counts(counts))
        console.print(row)
    total = Text(f"{tally.total:>6}  ")
    total.append("合计", style="bold")
    total.append(f"  {len(rows)} 条规则  ")
    total.append_text(_severity_counts(tally.severities))
    console.print(total)


def print_summary(console: Console, tally: Tally, summary: RunSummary) -> None:
    """The totals after the findings: how many of each severity, the per-code table, what was checked."""
    count, totals = tally.total, tally.severities
    checked = f"检查了 {summary.files} 个文件、{summary.projects} 个项目"
    failed = f"；{summary.failed} 个文件无法读取" if summary.failed else ""
    if not count and summary.files == 0:
        console.print(Text(f"没有读到任何文件，未做检查{failed}。", style="bold red"))
        return
    if not count and summary.indicators == 0:
        # Files were read but no indicator row came out of them (a garbled table, a page of prose): nothing was
        # checked, and "no problems" would read as a clean bill.
        console.print(Text(f"没有读到任何指标行，未做检查（{checked}，0 条指标{failed}）。", style="bold red"))
        return
    hidden = f"（基线 {summary.baseline} 隐藏了 {summary.baselined} 个已知问题）" if summary.baselined else ""
    if not count:
        beyond = "（基线之外）" if summary.baselined else ""
        console.print(Text(f"没有发现问题{beyond}。{checked}{failed}。", style="green"))
        if hidden:
            console.print(Text(hidden.strip("（）") + "。", style="dim"))
        return
    head = Text(f"共发现 {count} 个问题（", style="bold")
    head.append_text(_severity_counts(totals))
    head.append("）", style="bold")
    if hidden:
        head.append(hidden)
    console.print(head)
    print_statistics(console, tally)
    console.print(f"{checked}{failed}。")
    top = max(tally.by_code(), key=lambda row: sum(row[2].values()))[0]
    # (the statistics above end with their totals line)
    console.print(
        Text(
            f"用 --ignore {top} 关闭某条规则，用 kpi-lint rule {top} 查看规则说明，用 --explain 查看判断依据。",
            style="dim",
        )
    )


def render_text(console: Console, findings: Sequence[Finding], summary: RunSummary, *, explain: bool = False) -> None:
    """The findings (in output order) and the summary."""
    print_findings(console, findings, explain=explain)
    print_summary(console, Tally.of(findings), summary)
