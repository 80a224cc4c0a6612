"""Clusters → JSON records, a CSV frame, a self-contained HTML page, a rich table."""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from typing import Any

import pandas as pd
from rich.console import Console
from rich.table import Table

from kpi_lint.cluster.groups import Cluster, ValueStats
from kpi_lint.cluster.peers import PeerSuggestion

# `line` and `column` of the 三级指标 cell; `location` the place a reviewer looks up (path:line:col in a text,
# path!Sheet!C12 in a workbook, path:页3 表1 行4 格2 in a PDF, Word file or web page).
MEMBER_FIELDS = ("path", "project", "period", "level2", "level3", "value", "line", "column", "location")


def _values(stats: Sequence[ValueStats]) -> list[dict[str, Any]]:
    return [{"unit": s.unit, "count": s.count, "min": s.min, "median": s.median, "max": s.max} for s in stats]


def cluster_record(cluster: Cluster) -> dict[str, Any]:
    """The JSON form of a cluster (the `cluster --format json` schema)."""
    return {
        "id": cluster.id,
        "label": cluster.label,
        "size": cluster.size,
        "units": cluster.units,
        "level2": cluster.level2,
        "values": _values(cluster.values),
        "members": [{f: getattr(m, f) for f in MEMBER_FIELDS} for m in cluster.members],
    }


def to_json(clusters: Sequence[Cluster]) -> str:
    return json.dumps([cluster_record(c) for c in clusters], ensure_ascii=False, indent=2) + "\n"


def to_frame(clusters: Sequence[Cluster]) -> pd.DataFrame:
    """One row per member, with its cluster's id, label and size (the CSV form)."""
    rows = [
        {"cluster": c.id, "label": c.label, "size": c.size, **{f: getattr(m, f) for f in MEMBER_FIELDS}}
        for c in clusters
        for m in c.members
    ]
    return pd.DataFrame(rows, columns=["cluster", "label", "size", *MEMBER_FIELDS])


def describe_values(stats: Sequence[ValueStats]) -> str:
    """'%: 85–99（中位 95，n=12）；人: 26–170720（中位 4524，n=9）'"""
    parts = [f"{s.unit or '无单位'}: {s.min:g}–{s.max:g}（中位 {s.median:g}，n={s.count}）" for s in stats]
    return "；".join(parts) or "—"


def describe_level2(level2: dict[str, int]) -> str:
    return "、".join(f"{k}×{v}" for k, v in level2.items())


def to_html(clusters: Sequence[Cluster], title: str = "kpi-lint 同类指标聚类") -> str:
    """A single page with no external assets: one row per cluster, members folded under <details>."""
    esc = html.escape
    rows = []
    for c in clusters:
        spread = ' class="spread"' if len(c.level2) > 1 else ""
        members = "".join(
            f"<li>{esc(m.level3)} <b>{esc(m.value or '')}</b> <small>{esc(m.location)} · {esc(m.project)}"
            f"{' · ' + esc(m.period) if m.period else ''}</small></li>"
            for m in c.members
        )
        rows.append(
            f"<tr><td>{c.id}</td><td>{esc(c.label)}</td><td>{c.size}</td><td>{esc('、'.join(c.units))}</td>"
            f"<td{spread}>{esc(describe_level2(c.level2))}</td><td>{esc(describe_values(c.values))}</td>"
            f"<td><details><summary>{c.size} 条</summary><ul>{members}</ul></details></td></tr>"
        )
    style = (
        "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}"
        "th,td{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}"
        "th{background:#f3f3f3}td.spread{background:#fff4d6}small{color:#666}"
    )
    return (
        f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{esc(title)}</title>'
        f"<style>{style}</style></head><body><h1>{esc(title)}</h1>"
        f"<p>共 {len(clusters)} 个簇。黄色底色：同一簇分布在多个二级指标下（可能归类错误）。</p>"
        "<table><thead><tr><th>簇</th><th>代表指标</th><th>数量</th><th>单位</th><th>二级指标</th>"
        "<th>指标值分布</th><th>成员</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table></body></html>\n"
    )


def print_table(clusters: Sequence[Cluster], console: Console) -> None:
    table = Table(header_style="bold", show_lines=False)
    for col in ("簇", "代表指标", "数量", "单位数", "二级指标", "指标值分布"):
        table.add_column(col)
    for c in clusters:
        table.add_row(
            str(c.id), c.label, str(c.size), str(len(c.units)), describe_level2(c.level2), describe_values(c.values)
        )
    console.print(table)
    console.print(f"共 {len(clusters)} 个簇")


def suggestion_record(s: PeerSuggestion) -> dict[str, Any]:
    return {
        "level2": s.level2,
        "level3": s.level3,
        "typical_value": s.typical_value,
        "project_count": s.project_count,
        "example": s.example,
        "cluster": s.cluster_id,
    }
