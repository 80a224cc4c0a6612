"""`check --output-format html`: a review page per document.

Each project's indicator table is shown as printed, every problem cell coloured by its worst
finding; the project's findings stand beside the table, and each cell and finding link to each
other.  A small inline script filters findings by rule and severity; without it the page shows
everything.  The page is self-contained (inline CSS and script, no font, image or network
request) and prints on A4, one project per page.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from kpi_lint.model import Document, ParseProblem
from kpi_lint.report import INPUT_ERROR_CODE, occurrence_heading, occurrence_places
from kpi_lint.report.headers import VALUE_WORDS_ZH
from kpi_lint.report.review import (
    SEVERITY_ORDER,
    DocumentReview,
    ProjectReview,
    cell_location,
    review_documents,
    row_where,
)
from kpi_lint.rules.base import Finding, Severity, location
from kpi_lint.score.present import cell_text, scorecard_names, shown_path
from kpi_lint.score.self_eval import printed_score

SEVERITY_WORDS = VALUE_WORDS_ZH["severity"]
INDEX_NAME = "index.html"

CSS = """
:root { --fg:#24292f; --muted:#57606a; --line:#d0d7de; --bg2:#f6f8fa; --link:#0969da;
  --error:#cf222e; --errorbg:#ffebe9; --warning:#9a6700; --warningbg:#fff8c5; --info:#0550ae; --infobg:#ddf4ff; }
* { box-sizing: border-box; }
html { font-size: 14px; }
body { margin: 0 auto; max-width: 1500px; padding: 20px 24px 48px; color: var(--fg); line-height: 1.5;
  font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB",
    "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.25rem; margin: 0 0 .2rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .4rem; }
a { color: var(--link); text-decoration: none; }
a:hover { text-decoration: underline; }
.meta { color: var(--muted); margin: 0 0 .8rem; }
.loc { font-family: "Noto Sans Mono CJK SC", "Sarasa Mono SC", Menlo, Consolas, monospace; font-size: .8rem;
  color: var(--muted); white-space: nowrap; }
.code { font-family: Menlo, Consolas, monospace; font-weight: 600; font-size: .85rem; }
.badge { display: inline-block; border-radius: 3px; padding: 0 .4em; font-size: .8rem; font-weight: 600; }
.badge.error { color: #fff; background: var(--error); }
.badge.warning { color: #3b2300; background: #f2cc60; }
.badge.info { color: #fff; background: var(--info); }
.counts .badge { margin-right: .3em; }
.filters { border: 1px solid var(--line); border-radius: 6px; background: var(--bg2); padding: 8px 12px;
  margin: .6rem 0 1rem; position: sticky; top: 0; z-index: 2; }
.filters fieldset { border: none; margin: 0; padding: 2px 0; display: flex; flex-wrap: wrap; gap: 4px 14px; }
.filters legend { float: left; font-weight: 600; margin-right: 10px; padding: 0; }
.filters label { white-space: nowrap; font-size: .9rem; }
.filters .shown { color: var(--muted); font-size: .85rem; }
.toc { columns: 2; column-gap: 3em; font-size: .92rem; padding-left: 2.2em; }
.toc li { break-inside: avoid; }
section.project { border-top: 3px solid var(--fg); margin-top: 1.6rem; padding-top: .8rem; }
.review { display: grid; grid-template-columns: minmax(0, 3fr) minmax(300px, 2fr); gap: 18px; align-items: start; }
table { border-collapse: collapse; width: 100%; font-size: .88rem; }
th, td { border: 1px solid var(--line); padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: var(--bg2); font-weight: 600; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
td.problem.error { background: var(--errorbg); box-shadow: inset 3px 0 0 var(--error); }
td.problem.warning { background: var(--warningbg); box-shadow: inset 3px 0 0 #d4a72c; }
td.problem.info { background: var(--infobg); box-shadow: inset 3px 0 0 var(--info); }
td.problem.filtered { background: none; box-shadow: none; }
td.problem sup a { font-family: Menlo, Consolas, monospace; font-size: .7rem; margin-left: 3px; }
td.problem.filtered sup { display: none; }
:target { outline: 3px solid #fb8500; outline-offset: -1px; }
ol.findings { list-style: none; margin: 0; padding: 0; }
ol.findings li { border: 1px solid var(--line); border-left-width: 4px; border-radius: 4px; padding: 5px 8px;
  margin: 0 0 6px; break-inside: avoid; page-break-inside: avoid; background: #fff; }
ol.findings li.error { border-left-color: var(--error); }
ol.findings li.warning { border-left-color: #d4a72c; }
ol.findings li.info { border-left-color: var(--info); }
ol.findings li[hidden] { display: none; }
.finding .head { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: baseline; }
.finding .title { font-weight: 600; }
.finding p { margin: .2rem 0 0; }
.suggestion { color: #1a7f37; }
.quote { color: var(--muted); font-size: .85rem; }
.nocell { color: var(--muted); font-size: .8rem; }
.empty { color: var(--muted); }
footer { margin-top: 2rem; font-size: .82rem; color: var(--muted); border-top: 1px solid var(--line);
  padding-top: .5rem; }
@media (max-width: 900px) { .review { grid-template-columns: 1fr; } }
@page { size: A4; margin: 12mm 10mm; }
@media print {
  html { font-size: 9.5pt; }
  body { max-width: none; padding: 0; }
  a { color: inherit; }
  .filters, .noprint { display: none !important; }
  .toc { columns: 1; }
  section.project { break-before: page; page-break-before: always; border-top: none; margin-top: 0; }
  .review { grid-template-columns: 1fr; }
  td.problem, .badge, ol.findings li { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
}
"""

# Hides what the unticked rules and severities found; without script every finding stays shown.
SCRIPT = """
(function () {
  var form = document.querySelector('form.filters');
  if (!form) { return; }
  form.hidden = false;
  function ticked(name) {
    return Array.prototype.filter.call(form.querySelectorAll('input[name="' + name + '"]'),
      function (box) { return box.checked; }).map(function (box) { return box.value; });
  }
  function apply() {
    var codes = ticked('code'), severities = ticked('severity'), shown = 0;
    document.querySelectorAll('li.finding').forEach(function (item) {
      var keep = codes.indexOf(item.dataset.code) >= 0 && severities.indexOf(item.dataset.severity) >= 0;
      item.hidden = !keep;
      if (keep) { shown += 1; }
    });
    document.querySelectorAll('td.problem').forEach(function (cell) {
      var visible = cell.dataset.findings.split(' ').some(function (id) {
        var item = document.getElementById(id);
        return item && !item.hidden;
      });
      cell.classList.toggle('filtered', !visible);
    });
    form.querySelector('.shown').textContent = '显示 ' + shown + ' 条问题';
  }
  form.addEventListener('change', apply);
  form.querySelectorAll('button[data-all]').forEach(function (button) {
    button.addEventListener('click', function () {
      form.querySelectorAll('input[name="code"]').forEach(function (box) { box.checked = button.dataset.all === '1'; });
      apply();
    });
  });
  apply();
})();
"""


@dataclass
class _Ids:
    """Element ids of one page: findings f1, f2 …; cells c<project>-<row>-<field>."""

    findings: dict[int, str] = field(default_factory=dict)  # id(finding) → element id
    cells: dict[int, str] = field(default_factory=dict)  # id(finding) → element id of its cell

    def finding(self, f: Finding) -> str:
        return self.findings.setdefault(id(f), f"f{len(self.findings) + 1}")


def _badge(severity: Severity) -> str:
    return f'<span class="badge {severity.value}">{SEVERITY_WORDS[severity.value]}</span>'


def _counts(findings: Sequence[Finding]) -> str:
    counts = Counter(f.severity for f in findings)
    parts = [f"{_badge(s)}{counts[s]}" for s in SEVERITY_ORDER if counts[s]]
    return f'<span class="counts">{" ".join(parts)}</span>' if parts else "无问题"


def _finding_item(f: Finding, ids: _Ids, cell_id: str | None, scope: str = "") -> str:
    fid = ids.finding(f)
    where = f'<span class="loc">{escape(shown_location(f))}</span>'
    to_cell = (
        f'<a class="to-cell noprint" href="#{cell_id}">→ 表中单元格</a>'
        if cell_id
        else f'<span class="nocell">{escape(scope)}</span>'
        if scope
        else ""
    )
    quote = ""
    if f.level3 or f.value:
        quote = f'<p class="quote">{escape(f.level3 or "")}{"：" + escape(f.value) if f.value else ""}</p>'
    suggestion = f'<p class="suggestion">建议：{escape(f.suggestion)}</p>' if f.suggestion else ""
    if f.occurrences:  # a document-wide pattern (KPI302): how many places, and where
        places = f"出现 {len(f.occurrences)} 处{occurrence_heading(f)}：{occurrence_places(f)}"
        suggestion = f'<p class="occurrences">{escape(places)}</p>' + suggestion
    return (
        f'<li class="finding {f.severity.value}" id="{fid}" data-code="{escape(f.code)}" '
        f'data-severity="{f.severity.value}"><div class="head"><span class="code">{escape(f.code)}</span>'
        f'<span class="title">{escape(f.title_zh or f.name)}</span>{_badge(f.severity)}{where}{to_cell}</div>'
        f"{quote}<p>{escape(f.message)}</p>{suggestion}</li>"
    )


def shown_location(f: Finding) -> str:
    return location(shown_path(f.path), f.line, f.column, f.anchor)


def _table(review: ProjectReview, number: int, ids: _Ids) -> str:
    project = review.project
    if not project.indicators:
        return '<p class="empty">未解析到指标。</p>'
    head = "".join(f"<th>{escape(h)}</th>" for _, h in review.columns)
    rows = []
    for i, ind in enumerate(project.indicators):
        where = row_where(ind)
        tds = [f'<td class="loc">{escape(where)}</td>']
        for attribute, _ in review.columns:
            text = escape(cell_text(ind, attribute))
            found = review.cells.get((i, attribute), [])
            if not found:
                tds.append(f"<td>{text}</td>")
                continue
            cell_id = f"c{number}-{i}-{attribute}"
            worst = max((f.severity for f in found), key=lambda s: s.rank)
            for f in found:
                ids.cells[id(f)] = cell_id
            refs = " ".join(ids.finding(f) for f in found)
            sup = " ".join(f'<a href="#{ids.finding(f)}">{escape(f.code)}</a>' for f in found)
            tip = escape(
                cell_location(shown_path(review.path), ind, attribute)
                + "："
                + "；".join(f"{f.code} {f.title_zh} {f.message}" for f in found),
                quote=True,
            )
            tds.append(
                f'<td class="problem {worst.value}" id="{cell_id}" data-findings="{refs}" title="{tip}">'
                f"{text}<sup>{sup}</sup></td>"
            )
        rows.append(f"<tr>{''.join(tds)}</tr>")
    return (
        f'<table class="indicators"><thead><tr><th>位置</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def _project_section(review: ProjectReview, number: int, ids: _Ids) -> str:
    project = review.project
    table = _table(review, number, ids)  # first: it gives the findings their cells
    items = "".join(
        _finding_item(f, ids, ids.cells.get(id(f)), "" if id(f) in ids.cells else "项目层面（不针对某一单元格）")
        for f in review.findings
    )
    findings = f'<ol class="findings">{items}</ol>' if items else '<p class="empty">没有发现问题。</p>'
    facts = [
        escape(project.form.value),
        f'<span class="loc">{escape(shown_location_of(review))}</span>',
        f"{len(project.indicators)} 个指标",
        f"{len(review.findings)} 条问题",
    ]
    own = printed_score(project)  # a 总分 the extraction garbled ("100100注:1.") is no score to show
    if own is not None:
        facts.append(f"自评总分 {own:g}")
    if project.grade is not None:
        facts.append(f"自评等级 {escape(project.grade.text)}")
    return (
        f'<section class="project" id="p{number}"><h2>{escape(project.name)}</h2>'
        f'<p class="meta">{" · ".join(facts)}</p>'
        f'<div class="review"><div class="table">{table}</div>'
        f'<div class="list"><h3>问题（{_counts(review.findings)}）</h3>{findings}</div></div></section>'
    )


def shown_location_of(review: ProjectReview) -> str:
    p = review.project
    return location(shown_path(review.path), p.line, p.column, p.anchor)


def _filters(findings: Sequence[Finding]) -> str:
    if not findings:
        return ""
    by_code: dict[str, list[Finding]] = {}
    for f in findings:
        by_code.setdefault(f.code, []).append(f)
    severities = Counter(f.severity for f in findings)
    sev_boxes = "".join(
        f'<label><input type="checkbox" name="severity" value="{s.value}" checked> {SEVERITY_WORDS[s.value]}'
        f" {severities[s]}</label>"
        for s in SEVERITY_ORDER
        if severities[s]
    )
    code_boxes = "".join(
        f'<label><input type="checkbox" name="code" value="{escape(code)}" checked> '
        f'<span class="code">{escape(code)}</span> {escape(group[0].title_zh or group[0].name)} {len(group)}</label>'
        for code, group in sorted(by_code.items())
    )
    return (
        '<form class="filters noprint" hidden><fieldset><legend>级别</legend>'
        f'{sev_boxes}<span class="shown"></span></fieldset><fieldset><legend>规则</legend>{code_boxes}'
        '<button type="button" data-all="1">全选</button><button type="button" data-all="0">全不选</button>'
        "</fieldset></form>"
    )


def _problems(problems: Sequence[ParseProblem]) -> str:
    if not problems:
        return ""
    items = "".join(
        f'<li class="problem-input"><span class="code">{INPUT_ERROR_CODE}</span> {_badge(Severity.ERROR)} '
        f'<span class="loc">{escape(location(shown_path(p.path), p.line, p.column, p.anchor))}</span> '
        f"{escape(p.message)}</li>"
        for p in problems
    )
    return f'<h3>输入问题（{len(problems)} 条，文件读不全，结果可能不完整）</h3><ul class="input-problems">{items}</ul>'


def _document_body(review: DocumentReview, problems: Sequence[ParseProblem], start: int, ids: _Ids) -> str:
    doc = review.document
    dept = doc.department.text if doc.department else "—"
    forms = "、".join(f.value for f in doc.forms) or "—"
    toc = "".join(
        f'<li><a href="#p{start + i}">{escape(p.name)}</a> — {_counts(p.findings)}</li>'
        for i, p in enumerate(review.projects)
    )
    loose = ""
    if review.loose:
        items = "".join(_finding_item(f, ids, None, "文档层面") for f in review.loose)
        loose = f'<h3>文档层面的问题（{len(review.loose)} 条）</h3><ol class="findings">{items}</ol>'
    sections = "".join(_project_section(p, start + i, ids) for i, p in enumerate(review.projects))
    return (
        f'<article class="document" data-path="{escape(doc.path, quote=True)}">'
        f"<h1>审核页：{escape(doc.name)}</h1>"
        f'<p class="meta">单位 {escape(dept)} · 年度 {doc.year or "—"} · 表 {escape(forms)} · '
        f'路径 <span class="loc">{escape(shown_path(doc.path))}</span> · {len(review.projects)} 个项目 · '
        f"{len(review.findings)} 条问题 {_counts(review.findings)}</p>"
        f"{_problems(problems)}"
        f'<ol class="toc">{toc}</ol>{loose}{sections}</article>'
    )


def _page(title: str, body: str, findings: Sequence[Finding]) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"{_filters(findings)}{body}"
        "<footer>由 kpi-lint check 生成。标色的单元格有问题（红 错误、黄 警告、蓝 提示），角标为规则代码，"
        "点击可在单元格与问题之间跳转；位置为 文件:行:列，或页/表/单元格。</footer>\n"
        f"<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )


def render_review_page(
    reviews: Sequence[DocumentReview], problems: Sequence[ParseProblem] = (), back: str | None = None
) -> str:
    """One page holding the given documents (usually one), with the run's input problems at the top.

    Prints what the filter shows. `back`: the index page to link to.
    """
    ids = _Ids()
    bodies = [f'<p class="noprint"><a href="{escape(back, quote=True)}">← 目录</a></p>'] if back else []
    start = 1
    own = {r.document.path for r in reviews}
    unread = [p for p in problems if p.path not in own]
    for review in reviews:
        bodies.append(_document_body(review, [p for p in problems if p.path == review.document.path], start, ids))
        start += len(review.projects)
    findings = [f for r in reviews for f in r.findings]
    title = f"审核页 · {reviews[0].document.name}" if len(reviews) == 1 else "审核页"
    return _page(title, _problems(unread) + "".join(bodies), findings)


def render_index(reviews: Sequence[DocumentReview], names: dict[str, str], problems: Sequence[ParseProblem]) -> str:
    rows = "".join(
        f'<tr><td><a href="{escape(names[r.document.path], quote=True)}">{escape(shown_path(r.document.path))}</a></td>'
        f"<td>{escape(r.document.department.text if r.document.department else '—')}</td>"
        f"<td>{len(r.projects)}</td><td>{len(r.findings)}</td><td>{_counts(r.findings)}</td></tr>"
        for r in reviews
    )
    findings = [f for r in reviews for f in r.findings]
    body = (
        "<h1>审核页目录</h1>"
        f'<p class="meta">{len(reviews)} 个文档 · {sum(len(r.projects) for r in reviews)} 个项目 · '
        f"{len(findings)} 条问题 {_counts(findings)}</p>{_problems(problems)}"
        '<table class="documents"><thead><tr><th>文件</th><th>单位</th><th>项目</th><th>问题</th><th>级别</th></tr>'
        f"</thead><tbody>{rows}</tbody></table>"
    )
    return _page("审核页目录", body, [])


def write_review_pages(
    output: Path, documents: Sequence[Document], findings: Sequence[Finding], problems: Sequence[ParseProblem] = ()
) -> list[Path]:
    """`output` ending in .html: one page with every document; else a folder with index.html and a page per document.

    Returns the files written, the page (or the index) first.
    """
    reviews = review_documents(documents, findings)
    if output.suffix.lower() in (".html", ".htm"):
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(render_review_page(reviews, problems), encoding="utf-8")
        return [output]
    output.mkdir(parents=True, exist_ok=True)
    names = scorecard_names(documents, ".html")
    written = []
    for review in reviews:
        path = output / names[review.document.path]
        own = [p for p in problems if p.path == review.document.path]
        path.write_text(render_review_page([review], own, INDEX_NAME), encoding="utf-8")
        written.append(path)
    index = output / INDEX_NAME
    index.write_text(render_index(reviews, names, [p for p in problems if p.path not in names]), encoding="utf-8")
    return [index, *written]
