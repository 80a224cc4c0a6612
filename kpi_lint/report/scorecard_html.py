"""HTML scorecards: one self-contained page per document plus an overview page.

Self-contained means a reviewer can mail the file and open it offline: the CSS is inline,
the charts are inline SVG (kpi_lint.report.svg_charts), there is no script, no font or image
download.  Chinese text uses the system CJK fonts (Noto CJK on Linux, PingFang / YaHei
elsewhere).  Pages print on A4: one project per page, table headers repeated, no split rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from pathlib import Path

from kpi_lint.model import Document, place_of
from kpi_lint.report.svg_charts import Bar, Dot, band_colour, count_bars, histogram, score_bars, strip_plot
from kpi_lint.rules.base import Finding
from kpi_lint.score.formula import DimensionScore, ProjectScore
from kpi_lint.score.present import (
    SEVERITY_LABELS,
    cell_text,
    cells_of,
    fmt,
    grade_rank,
    location,
    mark_cells,
    place,
    place_named,
    project_anchor,
    shown_path,
    write_scorecards,
)
from kpi_lint.score.rollup import Rollup, by_document, by_unit, overall
from kpi_lint.score.run import ScoreReport
from kpi_lint.score.self_eval import SELF_SCORE, TOOL_SCORE, self_evaluation
from kpi_lint.score.table import Dimension

NOTE_LIMIT = 12  # measurement notes shown per dimension; the rest are counted
HIST_TITLE = "全部项目得分分布（每 10 分一组）"
STRIP_TITLE = "各单位（文档）的项目得分，每点一个项目"

CSS = """
:root { --fg:#24292f; --muted:#57606a; --line:#d0d7de; --bg2:#f6f8fa; --bad:#cf222e; --badbg:#ffebe9; }
* { box-sizing: border-box; }
html { font-size: 14px; }
body { margin: 0 auto; max-width: 1100px; padding: 24px 28px 48px; color: var(--fg); line-height: 1.55;
  font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB",
    "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
h2 { font-size: 1.3rem; margin: 0; }
h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
a { color: #0969da; text-decoration: none; }
.muted { color: var(--muted); }
.meta { color: var(--muted); margin: 0 0 1rem; }
.stats { display: flex; flex-wrap: wrap; gap: 10px; margin: 1rem 0; }
.stat { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 110px; background: #fff; }
.stat b { display: block; font-size: 1.35rem; }
.stat span { color: var(--muted); font-size: .85rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .92rem; }
th, td { border: 1px solid var(--line); padding: 4px 7px; text-align: left; vertical-align: top; }
th { background: var(--bg2); font-weight: 600; }
td.nowrap, th.nowrap { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
.grade { display: inline-block; min-width: 2.2em; text-align: center; border-radius: 4px; color: #fff;
  font-weight: 700; padding: 0 .45em; }
.g0 { background: #1a7f37; } .g1 { background: #4f8fd6; } .g2 { background: #b7860b; } .g3 { background: #cf222e; }
.project { border-top: 3px solid var(--fg); margin-top: 2rem; padding-top: 1rem; }
.head { display: flex; justify-content: space-between; align-items: flex-start; gap: 16px; }
.total { text-align: right; white-space: nowrap; }
.total b { font-size: 2.4rem; line-height: 1; }
.total .grade { font-size: 1.2rem; vertical-align: super; }
.scores { display: flex; gap: 18px; align-items: flex-start; }
.total.self { border-left: 1px solid var(--line); padding-left: 18px; }
.total.self b { font-size: 1.6rem; color: var(--muted); }
.grade.self { background: #fff; color: var(--muted); border: 1px solid var(--muted); }
.gap-flag { border: 1px solid #d4a017; background: #fff8e1; border-radius: 6px; padding: 6px 10px; }
.gap-mark { color: #9a6700; }
.why { font-size: .88rem; }
.why ul { margin: .2rem 0 .2rem 1.1rem; padding: 0; }
.loc { font-family: "Noto Sans Mono CJK SC", "Sarasa Mono SC", Menlo, Consolas, monospace; font-size: .82rem;
  white-space: nowrap; color: var(--muted); }
.code { font-family: Menlo, Consolas, monospace; font-size: .82rem; font-weight: 600; }
.sev-error { color: var(--bad); } .sev-warning { color: #9a6700; } .sev-info { color: var(--muted); }
td.defect { background: var(--badbg); box-shadow: inset 3px 0 0 var(--bad); }
td.defect sup { color: var(--bad); font-family: Menlo, Consolas, monospace; font-size: .72rem; margin-left: 3px; }
.suggestion { color: #1a7f37; }
.legend { font-size: .85rem; color: var(--muted); }
.legend .swatch { display: inline-block; width: .9em; height: .9em; vertical-align: -.1em; margin: 0 .25em 0 .8em;
  border-radius: 2px; }
svg.chart { max-width: 100%; height: auto; display: block; margin: .4rem 0 .8rem; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 8px 24px;
  align-items: start; }
.charts svg.chart { width: 100%; }
svg.chart text { font-family: inherit; }
.toc { columns: 2; column-gap: 3.5em; padding-left: 2.4em; font-size: .92rem; }
.toc li { break-inside: avoid; page-break-inside: avoid; }
figure { margin: 0; }
figcaption { font-size: .85rem; color: var(--muted); text-align: center; }
footer { margin-top: 2.5rem; font-size: .82rem; color: var(--muted); border-top: 1px solid var(--line);
  padding-top: .6rem; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  html { font-size: 10.5pt; }
  body { max-width: none; padding: 0; }
  a { color: inherit; }
  .project { break-before: page; page-break-before: always; border-top: none; margin-top: 0; }
  .chart, .stats, .head { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  .toc { columns: 1; }
  .noprint { display: none; }
  td.defect { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .grade, .swatch, svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def _grade(score: ProjectScore, report: ScoreReport) -> str:
    return f'<span class="grade g{min(3, grade_rank(score.grade, report.config))}">{escape(score.grade)}</span>'


def _stats(rollup: Rollup, bands: Sequence[tuple[str, float]]) -> str:
    items = [
        ("项目数", str(rollup.count)),
        ("平均分", fmt(rollup.mean)),
        ("标准差", fmt(rollup.std)),
        ("最低分", fmt(rollup.minimum)),
        ("最高分", fmt(rollup.maximum)),
    ]
    grades = rollup.grades()
    order = [name for name, _ in bands]
    spread = " ".join(f"{g}{grades[g]}" for g in sorted(grades, key=lambda g: order.index(g) if g in order else 99))
    items.append(("等级分布", spread or "—"))
    return (
        '<div class="stats">'
        + "".join(f'<div class="stat"><b>{escape(v)}</b><span>{escape(k)}</span></div>' for k, v in items)
        + "</div>"
    )


def _finding_rows(findings: Sequence[Finding]) -> str:
    rows = []
    for f in sorted(findings, key=lambda f: f.sort_key):
        suggestion = f'<div class="suggestion">建议：{escape(f.suggestion)}</div>' if f.suggestion else ""
        sev = f.severity.value
        rows.append(
            f'<tr class="finding"><td class="loc">{escape(location(f))}</td>'
            f'<td><span class="code">{escape(f.code)}</span><br>'
            f'<span class="muted">{escape(f.title_zh or f.name)}</span></td>'
            f'<td class="nowrap sev-{sev}">{SEVERITY_LABELS.get(sev, sev)}</td>'
            f"<td>{escape(f.message)}{suggestion}</td></tr>"
        )
    return "".join(rows)


def _findings_table(findings: Sequence[Finding], caption: str) -> str:
    if not findings:
        return f'<p class="muted">{escape(caption)}：无。</p>'
    return (
        f'<h3>{escape(caption)}（{len(findings)} 条）</h3><table class="findings"><thead><tr>'
        "<th>位置（文件:行:列）</th><th>规则</th><th>级别</th><th>问题与建议</th></tr></thead>"
        f"<tbody>{_finding_rows(findings)}</tbody></table>"
    )


def _dimension_row(dim: DimensionScore, path: str) -> str:
    m = dim.measurement
    deductions = (
        "；".join(
            f'<span class="code">{escape(p.code)}</span> {escape(p.name)} ×{p.count} = −{p.applied:g}'
            + (f"（上限 {p.cap:g}）" if p.raw > p.cap else "")
            for p in dim.penalties
        )
        or "—"
    )
    notes = "".join(
        f'<li><span class="loc">{escape(place(path, n))}</span> {escape(n.text)}</li>' for n in m.notes[:NOTE_LIMIT]
    )
    if len(m.notes) > NOTE_LIMIT:
        notes += f'<li class="muted">另有 {len(m.notes) - NOTE_LIMIT} 处</li>'
    notes_html = f"<ul>{notes}</ul>" if notes else ""
    return (
        f'<tr><th>{escape(dim.label)}</th><td class="num">{100 * m.share:.1f}</td>'
        f'<td class="why">{escape(m.basis)}{notes_html}</td><td class="why">{deductions}</td>'
        f'<td class="num"><b>{dim.score:.1f}</b></td></tr>'
    )


def _indicator_table(score: ProjectScore) -> str:
    project = score.project
    if not project.indicators:
        return '<p class="muted">未解析到指标。</p>'
    marks = mark_cells(score)
    cells = cells_of(project.form)
    head = "".join(f"<th>{escape(h)}</th>" for _, h in cells)
    rows = []
    for i, ind in enumerate(project.indicators):
        # the line in a text file; in an office file the row as the file shows it ("表1 行5", "目标表!C7")
        anchor = ind.anchor("level3")
        tds = [f'<td class="loc">{escape(place_of(ind.line, anchor)) if anchor else ind.line}</td>']
        for attribute, _ in cells:
            found = marks.cells.get((i, attribute), [])
            text = escape(cell_text(ind, attribute))
            if found:
                codes = sorted({f.code for f in found})
                tip = escape("；".join(f"{f.code} {f.message}" for f in found), quote=True)
                tds.append(f'<td class="defect" title="{tip}">{text}<sup>{" ".join(codes)}</sup></td>')
            else:
                tds.append(f"<td>{text}</td>")
        rows.append(f"<tr>{''.join(tds)}</tr>")
    return (
        '<h3>指标表（标红的单元格有问题，角标为规则代码）</h3><table class="indicators"><thead><tr><th>行</th>'
        f"{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _project_section(score: ProjectScore, report: ScoreReport) -> str:
    cfg = report.config
    bars = [
        # each bar in the colour of the band its own score falls in, so a weak dimension stands out
        Bar(
            d.label,
            d.score,
            band_colour(grade_rank(cfg.grade(round(d.score, 1)), cfg)),
            f"（扣 {d.deducted:g} 分）" if d.deducted else "",
        )
        for d in score.dimensions.values()
    ]
    chart = score_bars(bars, f"{score.name}：各维度得分（括号内为规则扣分，已计入得分）")
    weights = report.config.weights
    formula = " + ".join(f"{d.label} {d.score:.1f}×{weights.get(k, 0):g}" for k, d in score.dimensions.items())
    dims = "".join(_dimension_row(d, score.path) for d in score.dimensions.values())
    project = score.project
    where = place(score.path, project)
    return (
        f'<section class="project" id="{project_anchor(score)}" data-score="{score.shown_total}">'
        f'<div class="head"><div><h2>{escape(score.name)}</h2>'
        f'<p class="meta">{escape(project.form.value)} · <span class="loc">{escape(where)}</span> · '
        f"{len(project.indicators)} 个指标 · {len(score.findings)} 条问题</p></div>"
        f'<div class="scores"><div class="total tool"><b>{score.shown_total}</b> {_grade(score, report)}<br>'
        f'<span class="muted">{TOOL_SCORE}（0–100，kpi-lint 计算）</span></div>{_self_box(score, report)}</div></div>'
        f"{_gap_flag(score, report)}"
        f"{chart}"
        f'<p class="muted why">{TOOL_SCORE} = ({formula}) ÷ {sum(weights.values()):g}</p>'
        '<table class="dimensions"><thead><tr><th>维度</th><th class="num">测量分</th><th>测量依据（拉低的地方）</th>'
        f'<th>扣分（规则 × 次数）</th><th class="num">得分</th></tr></thead><tbody>{dims}</tbody></table>'
        f"{_findings_table(score.findings, '问题')}"
        f"{_indicator_table(score)}"
        "</section>"
    )


def _self_box(score: ProjectScore, report: ScoreReport) -> str:
    """The 自评表's own 总分 beside the tool's score, labelled as the unit's, with its position."""
    own = self_evaluation(score, report.config.self_evaluation_gap)
    if own is None:
        return ""
    grade = f' <span class="grade self">{escape(own.grade)}</span>' if own.grade else ""
    where = place(score.path, own.printed)
    return (
        f'<div class="total self"><b>{escape(own.printed.text)}</b>{grade}<br>'
        f'<span class="muted">{SELF_SCORE}（自评表所填）<br><span class="loc">{escape(where)}</span></span></div>'
    )


def _gap_flag(score: ProjectScore, report: ScoreReport) -> str:
    own = self_evaluation(score, report.config.self_evaluation_gap)
    if own is None or not own.flagged:
        return ""
    return f'<p class="gap-flag" data-gap="{own.gap:.1f}">⚠ {escape(own.note())}</p>'


def _self_cell(score: ProjectScore, report: ScoreReport) -> str:
    own = self_evaluation(score, report.config.self_evaluation_gap)
    if own is None:
        return '<td class="num muted">—</td>'
    grade = f" {escape(own.grade)}" if own.grade else ""
    flag = ' <span class="gap-mark" title="自评总分远高于目标质量分">⚠</span>' if own.flagged else ""
    return f'<td class="num">{escape(own.printed.text)}{grade}{flag}</td>'


def _score_legend(report: ScoreReport) -> str:
    return (
        f'<p class="legend">{TOOL_SCORE}：kpi-lint 按 docs/scoring.md 给绩效目标本身打的分（0–100）；'
        f"{SELF_SCORE}：自评表中单位自己填的总分与等级，照录原表。⚠：{SELF_SCORE}比{TOOL_SCORE}高 "
        f"{report.config.self_evaluation_gap:g} 分及以上。</p>"
    )


def _footer(report: ScoreReport) -> str:
    source = str(report.config.source) if report.config.source else "默认设置"
    peers = "；相关性含同类项目比较" if report.peers_used else ""
    return (
        f"<footer>{TOOL_SCORE}的计算方法见 docs/scoring.md：每个维度 = 100 × 测量比例 − 规则扣分（每条规则有上限），"
        f"限定在 0–100；{TOOL_SCORE}为四个维度的加权平均。设置来源：{escape(source)}{peers}。"
        "由 kpi-lint score 生成。</footer>"
    )


def render_document(report: ScoreReport, doc: Document, overview_name: str = "index.html") -> str:
    scores = report.of_document(doc.path)
    rollup = next(r for r in by_document(report) if r.key == doc.path)
    dept = doc.department.text if doc.department else "—"
    toc = "".join(
        f'<li><a href="#{project_anchor(s)}">{escape(s.name)}</a> — {TOOL_SCORE} <b>{s.shown_total}</b> '
        f"{_grade(s, report)}{_toc_self(s, report)}</li>"
        for s in scores
    )
    doc_findings = report.document_findings.get(doc.path, [])
    forms = "、".join(f.value for f in doc.forms) or "—"
    body = (
        f'<p class="muted noprint"><a href="{escape(overview_name)}">← 总览</a></p>'
        f"<h1>绩效目标质量评分（{TOOL_SCORE}）：{escape(doc.name)}</h1>"
        f'<p class="meta">单位 {escape(dept)} · 年度 {doc.year or "—"} · '
        f'表 {forms} · 路径 <span class="loc">{escape(shown_path(doc.path))}</span></p>'
        f"{_stats(rollup, report.config.bands)}"
        f'<ol class="toc">{toc}</ol>{_score_legend(report)}'
        f"{_findings_table(doc_findings, '文档层面的问题（不计入项目得分）') if doc_findings else ''}"
        + "".join(_project_section(s, report) for s in scores)
        + _footer(report)
    )
    return _page(f"评分卡 · {doc.name}", body)


def _legend(report: ScoreReport) -> str:
    bands = report.config.bands
    parts = []
    for i, (name, low) in enumerate(bands):
        high = bands[i - 1][1] if i else 100
        span = f"≥{low:g}" if i == 0 else (f"<{high:g}" if i == len(bands) - 1 else f"{low:g}–{high:g}")
        parts.append(f'<span class="swatch" style="background:{band_colour(i)}"></span>{escape(name)} {span}')
    return f'<p class="legend">等级：{"".join(parts)}</p>'


def _bin_colours(report: ScoreReport) -> list[str]:
    """Each 10-point bin coloured by the grade of its lower edge."""
    return [band_colour(grade_rank(report.config.grade(lo), report.config)) for lo in range(0, 100, 10)]


def _rollup_table(rollups: Sequence[Rollup], names: dict[str, str] | None, first: str) -> str:
    rows = []
    for r in rollups:
        title = escape(r.title)
        if names and r.key in names:
            title = f'<a href="{escape(names[r.key])}">{title}</a>'
        worst = "、".join(f"{escape(s.name)}（{s.total:.1f}）" for s in r.worst(1))
        rows.append(
            f'<tr><td>{title}</td><td class="num">{r.count}</td><td class="num">{fmt(r.mean)}</td>'
            f'<td class="num">{fmt(r.std)}</td><td class="num">{fmt(r.minimum)}</td>'
            f'<td class="num">{fmt(r.maximum)}</td><td>{worst or "—"}</td></tr>'
        )
    return (
        f'<table class="rollup"><thead><tr><th>{escape(first)}</th><th class="num">项目</th>'
        '<th class="num">平均</th><th class="num">标准差</th><th class="num">最低</th><th class="num">最高</th>'
        f"<th>最低分项目</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _ranking(report: ScoreReport, names: dict[str, str]) -> str:
    rows = []
    heads = "".join(f'<th class="num">{escape(d.label)}</th>' for d in Dimension)
    for rank, s in enumerate(report.ranked(), start=1):
        dims = "".join(f'<td class="num">{s.shown_dimension(d)}</td>' for d in Dimension)
        link = f"{names[s.path]}#{project_anchor(s)}"
        doc_name = Path(s.path).name
        rows.append(
            f'<tr class="project-row" data-path="{escape(s.path, quote=True)}" data-line="{s.line}">'
            f'<td class="num">{rank if s.scored else "—"}</td>'
            f'<td><a href="{escape(link, quote=True)}">{escape(s.name)}</a></td>'
            f'<td class="num"><b>{s.shown_total}</b></td><td>{_grade(s, report)}</td>{_self_cell(s, report)}{dims}'
            f'<td class="num">{len(s.findings)}</td>'
            f'<td class="loc">{escape(place_named(doc_name, s.project))}</td></tr>'
        )
    return (
        f'<table class="ranking"><thead><tr><th class="num">名次</th><th>项目</th><th class="num">{TOOL_SCORE}</th>'
        f'<th>等级</th><th class="num">{SELF_SCORE}</th>{heads}'
        f'<th class="num">问题</th><th>位置</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def render_overview(report: ScoreReport, names: dict[str, str]) -> str:
    everything = overall(report)
    docs = by_document(report)
    cfg = report.config
    hist = _figure(histogram(everything.totals, HIST_TITLE, colours=_bin_colours(report), width=540), HIST_TITLE)
    labels = _document_labels(report.documents)
    groups = [
        (labels[r.key], [Dot(s.total, band_colour(grade_rank(s.grade, cfg)), _tip(s)) for s in r.scores]) for r in docs
    ]
    strip = _figure(strip_plot(groups, STRIP_TITLE, width=540), STRIP_TITLE)
    defects = everything.defects()
    defect_chart = count_bars([(f"{d.code} {d.title}", d.count) for d in defects], "最常见的问题") if defects else ""
    defect_rows = "".join(
        f'<tr><td class="code">{escape(d.code)}</td><td>{escape(d.title)}</td><td class="num">{d.count}</td>'
        f'<td class="num">{d.projects}</td></tr>'
        for d in defects
    )
    units = by_unit(report)
    unit_section = (
        f"<h3>按单位</h3>{_rollup_table(units, None, '单位')}" if len(units) != len(docs) or len(units) > 1 else ""
    )
    body = (
        f"<h1>绩效目标质量评分总览（{TOOL_SCORE}）</h1>"
        f'<p class="meta">{len(report.documents)} 个文档 · {everything.count} 个项目 · '
        "四个维度：完整性、可衡量性、相关性与合理性、一致性（依财预〔2015〕88号绩效目标审核要点）</p>"
        f"{_stats(everything, cfg.bands)}"
        f'<h3>得分分布</h3>{_legend(report)}<div class="charts">{hist}{strip}</div>'
        f"<h3>最常见的问题</h3>{defect_chart}"
        '<table class="defects"><thead><tr><th>代码</th><th>规则</th><th class="num">次数</th>'
        f'<th class="num">涉及项目</th></tr></thead><tbody>{defect_rows}</tbody></table>'
        f"<h3>按文档</h3>{_rollup_table(docs, names, '文档')}"
        f"{unit_section}"
        f"<h3>全部项目排名</h3>{_score_legend(report)}{_ranking(report, names)}" + _footer(report)
    )
    return _page("绩效目标质量评分总览", body)


def _figure(svg: str, caption: str) -> str:
    return f"<figure>{svg}<figcaption>{escape(caption)}</figcaption></figure>"


def _document_labels(documents: Sequence[Document]) -> dict[str, str]:
    """Strip-plot row labels: the unit's name when it tells documents apart, else the file name."""
    units = [d.department.text if d.department else None for d in documents]
    labels = {}
    for doc, unit in zip(documents, units, strict=True):
        unique = unit is not None and units.count(unit) == 1
        labels[doc.path] = _short(unit if unique and unit else Path(doc.path).stem)
    return labels


def _tip(score: ProjectScore) -> str:
    return f"{score.name}：{TOOL_SCORE} {score.total:.1f}（{score.grade}）"


def _toc_self(score: ProjectScore, report: ScoreReport) -> str:
    own = self_evaluation(score, report.config.self_evaluation_gap)
    if own is None:
        return ""
    flag = " ⚠" if own.flagged else ""
    return f" · {SELF_SCORE} {escape(own.printed.text)}{' ' + escape(own.grade) if own.grade else ''}{flag}"


def _short(text: str, limit: int = 20) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def write_html(report: ScoreReport, out_dir: Path) -> list[Path]:
    """index.html plus one page per document into `out_dir`; returns the files written."""
    return write_scorecards(report, out_dir, ".html", render_document, render_overview)
