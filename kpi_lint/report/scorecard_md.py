"""Markdown scorecards: one file per document plus index.md, for review threads and wikis."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kpi_lint.model import Document
from kpi_lint.rules.base import Finding
from kpi_lint.score.formula import ProjectScore
from kpi_lint.score.present import SEVERITY_LABELS, fmt, location, place, place_named, shown_path, write_scorecards
from kpi_lint.score.rollup import Rollup, by_document, by_unit, overall
from kpi_lint.score.run import ScoreReport
from kpi_lint.score.self_eval import SELF_SCORE, TOOL_SCORE, self_evaluation
from kpi_lint.score.table import Dimension

NOTE_LIMIT = 8
HIST_WIDTH = 30  # characters of the longest histogram bar


def cell(text: object) -> str:
    """Text safe inside a markdown table cell."""
    return str(text).replace("|", "\\|").replace("\n", " ").strip()


def _stats_line(rollup: Rollup) -> str:
    grades = "、".join(f"{g} {n}" for g, n in sorted(rollup.grades().items(), key=lambda x: -x[1])) or "—"
    return (
        f"项目 {rollup.count} 个 · 平均 {fmt(rollup.mean)} · 标准差 {fmt(rollup.std)} · "
        f"最低 {fmt(rollup.minimum)} · 最高 {fmt(rollup.maximum)} · 等级 {grades}"
    )


def _finding_lines(findings: Sequence[Finding]) -> list[str]:
    lines = []
    for f in sorted(findings, key=lambda f: f.sort_key):
        sev = SEVERITY_LABELS.get(f.severity.value, f.severity.value)
        line = f"- `{location(f)}` **{f.code}** {f.title_zh or f.name}（{sev}）：{f.message}"
        if f.suggestion:
            line += f" 建议：{f.suggestion}"
        lines.append(line)
    return lines


def _self_cell(score: ProjectScore, report: ScoreReport) -> str:
    """The 自评总分 column: the printed total and grade, ⚠ when it is flagged; — without one."""
    own = self_evaluation(score, report.config.self_evaluation_gap)
    if own is None:
        return "—"
    grade = f" {own.grade}" if own.grade else ""
    return f"{own.printed.text}{grade}" + (" ⚠" if own.flagged else "")


def _project(score: ProjectScore, report: ScoreReport) -> list[str]:
    weights = report.config.weights
    own = self_evaluation(score, report.config.self_evaluation_gap)
    out = [
        f"## {score.name}",
        "",
        f"**{TOOL_SCORE} {score.shown_total} · {score.grade}** · {score.project.form.value} · "
        f"`{place(score.path, score.project)}` · {len(score.project.indicators)} 个指标",
        "",
    ]
    if own is not None:
        grade = f" · {own.grade}" if own.grade else ""
        printed = f"{own.printed.text}{grade} · `{place(score.path, own.printed)}`"
        out += [f"{SELF_SCORE}（表中所填，非本工具计算）：{printed}", ""]
        if own.flagged:
            out += [f"> ⚠ {own.note()}", ""]
    out += [
        "| 维度 | 权重 | 测量分 | 测量依据 | 扣分 | 得分 |",
        "|---|---:|---:|---|---|---:|",
    ]
    for key, dim in score.dimensions.items():
        deductions = (
            "；".join(
                f"{p.code}×{p.count} −{p.applied:g}" + (f"（上限 {p.cap:g}）" if p.raw > p.cap else "")
                for p in dim.penalties
            )
            or "—"
        )
        out.append(
            f"| {dim.label} | {weights.get(key, 0):g} | {100 * dim.measurement.share:.1f} | "
            f"{cell(dim.measurement.basis)} | {cell(deductions)} | {dim.score:.1f} |"
        )
    notes = [(dim.label, n) for dim in score.dimensions.values() for n in dim.measurement.notes]
    if notes:
        out += ["", "测量中拉低比例的地方："]
        out += [f"- {label}：`{place(score.path, n)}` {n.text}" for label, n in notes[:NOTE_LIMIT]]
        if len(notes) > NOTE_LIMIT:
            out.append(f"- 另有 {len(notes) - NOTE_LIMIT} 处")
    out += ["", f"问题（{len(score.findings)} 条）：" if score.findings else "问题：无。"]
    out += _finding_lines(score.findings)
    out.append("")
    return out


def render_document(report: ScoreReport, doc: Document) -> str:
    rollup = next(r for r in by_document(report) if r.key == doc.path)
    dept = doc.department.text if doc.department else "—"
    out = [
        f"# 绩效目标质量评分（{TOOL_SCORE}）：{doc.name}",
        "",
        f"单位 {dept} · 年度 {doc.year or '—'} · 路径 `{shown_path(doc.path)}`",
        "",
        _stats_line(rollup),
        "",
        f"| 项目 | {TOOL_SCORE} | 等级 | {SELF_SCORE} | " + " | ".join(d.label for d in Dimension) + " |",
        "|---|---:|---|---|" + "---:|" * len(Dimension),
    ]
    for s in report.of_document(doc.path):
        dims = " | ".join(s.shown_dimension(d) for d in Dimension)
        out.append(f"| {cell(s.name)} | {s.shown_total} | {s.grade} | {_self_cell(s, report)} | {dims} |")
    out += ["", _legend(report)]
    out.append("")
    doc_findings = report.document_findings.get(doc.path, [])
    if doc_findings:
        out += ["文档层面的问题（不计入项目得分）：", *_finding_lines(doc_findings), ""]
    for s in report.of_document(doc.path):
        out += _project(s, report)
    return "\n".join(out)


def _histogram(values: Sequence[float]) -> list[str]:
    counts = [0] * 10
    for v in values:
        counts[min(9, max(0, int(v // 10)))] += 1
    peak = max(counts, default=0) or 1
    rows = ["```text", "得分区间  项目数"]
    for i, n in enumerate(counts):
        bar = "█" * round(HIST_WIDTH * n / peak)
        rows.append(f"{i * 10:>3}–{(i + 1) * 10:<3}  {bar} {n}".rstrip())
    rows.append("```")
    return rows


def _legend(report: ScoreReport) -> str:
    return (
        f"{TOOL_SCORE}：本工具按 docs/scoring.md 给绩效目标本身打的分（0–100）；"
        f"{SELF_SCORE}：自评表中单位自己填的总分与等级。"
        f"⚠：{SELF_SCORE}比{TOOL_SCORE}高 {report.config.self_evaluation_gap:g} 分及以上。"
    )


def render_overview(report: ScoreReport, names: dict[str, str]) -> str:
    everything = overall(report)
    out = [
        f"# 绩效目标质量评分总览（{TOOL_SCORE}）",
        "",
        f"{len(report.documents)} 个文档 · " + _stats_line(everything),
        "",
        *_histogram(everything.totals),
        "",
        "## 最常见的问题",
        "",
        "| 代码 | 规则 | 次数 | 涉及项目 |",
        "|---|---|---:|---:|",
    ]
    out += [f"| {d.code} | {d.title} | {d.count} | {d.projects} |" for d in everything.defects()]
    out += ["", "## 按文档", "", "| 文档 | 项目 | 平均 | 标准差 | 最低 | 最高 | 最低分项目 |"]
    out.append("|---|---:|---:|---:|---:|---:|---|")
    for r in by_document(report):
        worst = "、".join(f"{cell(s.name)}（{s.total:.1f}）" for s in r.worst(1))
        out.append(
            f"| [{cell(r.title)}]({names[r.key]}) | {r.count} | {fmt(r.mean)} | {fmt(r.std)} | "
            f"{fmt(r.minimum)} | {fmt(r.maximum)} | {worst} |"
        )
    out += ["", "## 按单位", "", "| 单位 | 项目 | 平均 | 标准差 | 最低 | 最高 |", "|---|---:|---:|---:|---:|---:|"]
    for r in by_unit(report):
        out.append(
            f"| {cell(r.title)} | {r.count} | {fmt(r.mean)} | {fmt(r.std)} | {fmt(r.minimum)} | {fmt(r.maximum)} |"
        )
    out += [
        "",
        "## 全部项目排名",
        "",
        f"| 名次 | 项目 | {TOOL_SCORE} | 等级 | {SELF_SCORE} | " + " | ".join(d.label for d in Dimension) + " | 位置 |",
        "|---:|---|---:|---|---|" + "---:|" * len(Dimension) + "---|",
    ]
    for rank, s in enumerate(report.ranked(), start=1):
        dims = " | ".join(s.shown_dimension(d) for d in Dimension)
        out.append(
            f"| {rank if s.scored else '—'} | [{cell(s.name)}]({names[s.path]}) | {s.shown_total} | {s.grade} | "
            f"{_self_cell(s, report)} | "
            f"{dims} | `{place_named(Path(s.path).name, s.project)}` |"
        )
    out += ["", _legend(report), "", "评分方法见 docs/scoring.md。", ""]
    return "\n".join(out)


def write_markdown(report: ScoreReport, out_dir: Path) -> list[Path]:
    """index.md plus one page per document into `out_dir`; returns the files written."""
    return write_scorecards(report, out_dir, ".md", render_document, render_overview)
