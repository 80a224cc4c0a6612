"""Scores as data: one CSV row per project, a JSON document, and the ranked terminal table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from kpi_lint.score.formula import DimensionScore, ProjectScore
from kpi_lint.score.rollup import Rollup, by_document, by_unit, overall
from kpi_lint.score.run import ScoreReport
from kpi_lint.score.table import Dimension

CSV_COLUMNS = [
    "rank", "path", "line", "project", "form", "total", "grade",
    *(d.value for d in Dimension), "findings", "codes",
]
GRADE_STYLES = ("bold green", "bold blue", "bold yellow", "bold red")


def project_row(rank: int, score: ProjectScore) -> dict[str, Any]:
    """One project's scores; a project that could not be scored has no rank and no total."""
    row: dict[str, Any] = {
        "rank": rank if score.scored else None, "path": score.path, "line": score.line, "project": score.name,
        "form": score.project.form.value, "total": round(score.total, 2) if score.scored else None,
        "grade": score.grade,
    }
    for dim in Dimension:
        row[dim.value] = round(score.dimensions[dim].score, 2)
    row["findings"] = len(score.findings)
    row["codes"] = " ".join(sorted({f.code for f in score.findings}))
    return row


def rows(report: ScoreReport) -> list[dict[str, Any]]:
    return [project_row(rank, s) for rank, s in enumerate(report.ranked(), start=1)]


def _dimension(dim: DimensionScore) -> dict[str, Any]:
    m = dim.measurement
    return {
        "label": dim.label,
        "score": dim.score,
        "share": m.share,
        "measured": m.measured,
        "possible": m.possible,
        "basis": m.basis,
        "notes": [{"text": n.text, "line": n.line, "column": n.column, "weight": n.weight} for n in m.notes],
        "penalties": [
            {"code": p.code, "name": p.name, "count": p.count, "points": p.points, "raw": p.raw, "cap": p.cap,
             "applied": p.applied}
            for p in dim.penalties
        ],
    }


def _rollup(r: Rollup) -> dict[str, Any]:
    return {
        "key": r.key, "title": r.title, "projects": r.count, "mean": r.mean, "std": r.std,
        "min": r.minimum, "max": r.maximum,
        "dimension_means": {d.value: r.dimension_mean(d) for d in Dimension},
        "grades": dict(r.grades()),
        "worst": [{"project": s.name, "path": s.path, "line": s.line, "total": s.total} for s in r.worst()],
        "defects": [{"code": d.code, "name": d.name, "count": d.count, "projects": d.projects} for d in r.defects()],
        "unscored": [{"project": s.name, "path": s.path, "line": s.line, "grade": s.grade} for s in r.unscored],
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
        },
        "projects": [
            {
                **project_row(rank, s),
                "column": s.project.column,
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


def print_table(report: ScoreReport, console: Console) -> None:
    """The ranked list, best first, then the overall figures and the most frequent defects."""
    table = Table(title="绩效目标质量评分（高→低）", header_style="bold", show_lines=False)
    table.add_column("名次", justify="right")
    table.add_column("总分", justify="right")
    table.add_column("等级")
    for dim in Dimension:
        table.add_column(dim.label, justify="right", min_width=6, max_width=8, overflow="fold")
    table.add_column("项目", ratio=3, min_width=12, overflow="fold")
    table.add_column("位置", ratio=1, min_width=10, overflow="fold")
    names = [name for name, _ in report.config.bands]
    for rank, s in enumerate(report.ranked(), start=1):
        style = GRADE_STYLES[min(names.index(s.grade) if s.grade in names else 3, 3)]
        table.add_row(
            str(rank) if s.scored else "—", s.shown_total, f"[{style}]{s.grade}[/]",
            *(f"{s.dimensions[d].score:.1f}" for d in Dimension), s.name, f"{Path(s.path).name}:{s.line}",
        )
    console.print(table)
    everything = overall(report)
    if everything.unscored:
        console.print(
            f"{len(everything.unscored)} 个项目{everything.unscored[0].grade}，不计入以下统计："
            + "、".join(s.name for s in everything.unscored)
        )
    if everything.count:
        console.print(
            f"{everything.count} 个项目 · 平均 {everything.mean:.1f} · 标准差 {everything.std:.1f} · "
            f"最低 {everything.minimum:.1f} · 最高 {everything.maximum:.1f}"
        )
        defects = "、".join(f"{d.code} {d.name} ×{d.count}" for d in everything.defects(5))
        if defects:
            console.print(f"最常见的问题：{defects}")
