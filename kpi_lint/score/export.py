"""Scores as data: one CSV row per project, a JSON document, and the ranked terminal table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from kpi_lint.score.config import DEFAULT_SELF_EVALUATION_GAP
from kpi_lint.score.formula import DimensionScore, ProjectScore
from kpi_lint.score.present import place_named
from kpi_lint.score.rollup import Rollup, by_document, by_unit, overall
from kpi_lint.score.run import ScoreReport
from kpi_lint.score.self_eval import SELF_SCORE, TOOL_SCORE, self_evaluation
from kpi_lint.score.table import Dimension

# `total`/`grade` are the tool's 目标质量分 (`unscored`: why a project has none, Project.unscored's stable key);
# the self_* columns hold a 自评表's own printed 总分/等级 (empty for other forms), its gap to the tool's score
# and whether the gap is flagged (kpi_lint.score.self_eval).
CSV_COLUMNS = [
    "rank",
    "path",
    "line",
    "project",
    "form",
    "total",
    "grade",
    "unscored",
    *(d.value for d in Dimension),
    "findings",
    "codes",
    "self_total",
    "self_grade",
    "self_gap",
    "self_flag",
]
GRADE_STYLES = ("bold green", "bold blue", "bold yellow", "bold red")


def project_row(rank: int, score: ProjectScore, gap_threshold: float = DEFAULT_SELF_EVALUATION_GAP) -> dict[str, Any]:
    """One project's scores; a project that could not be scored has no rank and no total."""
    row: dict[str, Any] = {
        "rank": rank if score.scored else None,
        "path": score.path,
        "line": score.line,
        "project": score.name,
        "form": score.project.form.value,
        "total": round(score.total, 2) if score.scored else None,
        "grade": score.grade,
        "unscored": _reason(score),
    }
    for dim in Dimension:  # an unscored project's dimension figures are no more a judgement than its total
        row[dim.value] = round(score.dimensions[dim].score, 2) if score.scored else None
    row["findings"] = len(score.findings)
    row["codes"] = " ".join(sorted({f.code for f in score.findings}))
    own = self_evaluation(score, gap_threshold)
    row["self_total"] = own.total if own else None
    row["self_grade"] = own.grade if own else None
    row["self_gap"] = round(own.gap, 2) if own and own.gap is not None else None
    row["self_flag"] = own.flagged if own else None
    return row


def _reason(score: ProjectScore) -> str | None:
    """The stable key of why a project was not scored ("garbled", "cut_before_rows"), None if it was."""
    reason = score.project.unscored
    return reason.value if reason else None


def rows(report: ScoreReport) -> list[dict[str, Any]]:
    gap = report.config.self_evaluation_gap
    return [project_row(rank, s, gap) for rank, s in enumerate(report.ranked(), start=1)]


def _self_json(score: ProjectScore, threshold: float) -> dict[str, Any] | None:
    own = self_evaluation(score, threshold)
    if own is None:
        return None
    return {
        "total": own.total,
        "printed": own.printed.text,
        "grade": own.grade,
        "line": own.printed.line,
        "column": own.printed.column,
        "anchor": own.printed.anchor,
        "gap": None if own.gap is None else round(own.gap, 2),
        "flagged": own.flagged,
    }


def _dimension(dim: DimensionScore) -> dict[str, Any]:
    m = dim.measurement
    return {
        "label": dim.label,
        "score": dim.score,
        "share": m.share,
        "measured": m.measured,
        "possible": m.possible,
        "basis": m.basis,
        "notes": [
            {"text": n.text, "line": n.line, "column": n.column, "anchor": n.anchor, "weight": n.weight}
            for n in m.notes
        ],
        "penalties": [
            {
                "code": p.code,
                "name": p.name,
                "count": p.count,
                "points": p.points,
                "raw": p.raw,
                "cap": p.cap,
                "applied": p.applied,
            }
            for p in dim.penalties
        ],
    }


def _rollup(r: Rollup) -> dict[str, Any]:
    return {
        "key": r.key,
        "title": r.title,
        "projects": r.count,
        "mean": r.mean,
        "std": r.std,
        "min": r.minimum,
        "max": r.maximum,
        "dimension_means": {d.value: r.dimension_mean(d) for d in Dimension},
        "grades": dict(r.grades()),
        "worst": [{"project": s.name, "path": s.path, "line": s.line, "total": s.total} for s in r.worst()],
        "defects": [
            {"code": d.code, "name": d.name, "title_zh": d.title, "count": d.count, "projects": d.projects}
            for d in r.defects()
        ],
        "unscored": [
            {"project": s.name, "path": s.path, "line": s.line, "grade": s.grade, "reason": _reason(s)}
            for s in r.unscored
        ],
    }


def to_json(report: ScoreReport) -> dict[str, Any]:
    cfg = report.config
    return {
        "config": {
            "source": str(cfg.source) if cfg.source else None,
            "weights": {d.value: w for d, w in cfg.weights.items()},
            "bands": [{"grade": g, "min": low} for g, low in cfg.bands],
            "severity_factors": {s.value: f for s, f in cfg.severity_factors.items()},
            "peers": report.peers_used,
            "self_evaluation_gap": cfg.self_evaluation_gap,
        },
        "projects": [
            {
                **project_row(rank, s, cfg.self_evaluation_gap),
                "column": s.project.column,
                "self_evaluation": _self_json(s, cfg.self_evaluation_gap),
                "dimensions": {d.value: _dimension(s.dimensions[d]) for d in Dimension},
                "findings": [f.to_dict() for f in s.findings],
            }
            for rank, s in enumerate(report.ranked(), start=1)
        ],
        "document_findings": {p: [f.to_dict() for f in fs] for p, fs in report.document_findings.items() if fs},
        "documents": [_rollup(r) for r in by_document(report)],
        "units": [_rollup(r) for r in by_unit(report)],
        "overall": _rollup(overall(report)),
    }


def _unscored_by_grade(rollup: Rollup) -> dict[str, list[str]]:
    """The projects left out of a roll-up, by their "无法评分（…）" grade, in order."""
    out: dict[str, list[str]] = {}
    for s in rollup.unscored:
        out.setdefault(s.grade, []).append(s.name)
    return out


def print_table(report: ScoreReport, console: Console) -> None:
    """The ranked list, best first, then the overall figures and the most frequent defects."""
    gap = report.config.self_evaluation_gap
    own = {id(s): self_evaluation(s, gap) for s in report.projects}
    with_self = any(own.values())
    table = Table(title=f"绩效目标质量评分：{TOOL_SCORE}（高→低）", header_style="bold", show_lines=False)
    table.add_column("名次", justify="right")
    table.add_column(TOOL_SCORE, justify="right")
    table.add_column("等级")
    if with_self:
        table.add_column(SELF_SCORE, justify="right")
    for dim in Dimension:
        table.add_column(dim.label, justify="right", min_width=6, max_width=8, overflow="fold")
    table.add_column("项目", ratio=3, min_width=12, overflow="fold")
    table.add_column("位置", ratio=1, min_width=10, overflow="fold")
    names = [name for name, _ in report.config.bands]
    for rank, s in enumerate(report.ranked(), start=1):
        style = GRADE_STYLES[min(names.index(s.grade) if s.grade in names else 3, 3)]
        mine = own[id(s)]
        self_cell = (
            []
            if not with_self
            else [
                "—"
                if mine is None
                else f"{mine.printed.text} {mine.grade or ''}".strip() + (" ⚠" if mine.flagged else "")
            ]
        )
        table.add_row(
            str(rank) if s.scored else "—",
            s.shown_total,
            f"[{style}]{s.grade}[/]",
            *self_cell,
            *(s.shown_dimension(d) for d in Dimension),
            s.name,
            place_named(Path(s.path).name, s.project),
        )
    console.print(table)
    if with_self:
        flagged = sum(1 for o in own.values() if o is not None and o.flagged)
        console.print(
            f"{TOOL_SCORE}：kpi-lint 给绩效目标本身打的分；{SELF_SCORE}：自评表中单位自己填的总分与等级。"
            f"⚠ {flagged} 个项目的{SELF_SCORE}比{TOOL_SCORE}高 {gap:g} 分及以上。"
        )
    everything = overall(report)
    for grade, names_of in _unscored_by_grade(everything).items():
        console.print(f"{len(names_of)} 个项目{grade}，不计入以下统计：" + "、".join(names_of))
    if everything.count:
        console.print(
            f"{everything.count} 个项目 · 平均 {everything.mean:.1f} · 标准差 {everything.std:.1f} · "
            f"最低 {everything.minimum:.1f} · 最高 {everything.maximum:.1f}"
        )
        defects = "、".join(f"{d.code} {d.title} ×{d.count}" for d in everything.defects(5))
        if defects:
            console.print(f"最常见的问题：{defects}")
