"""Running the selected rules over parsed documents."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kpi_lint.model import Document
from kpi_lint.rules.base import Finding, Rule, RuleContext


def run_rules(
    documents: Sequence[Document],
    rules: Sequence[type[Rule]],
    context: RuleContext | None = None,
    on_document: Callable[[Document], None] | None = None,
) -> list[Finding]:
    """All findings of `rules` on `documents`, sorted by file, line, column and code.

    `on_document` is called after each document (a progress bar on long runs).
    """
    ctx = context or RuleContext()
    if not ctx.documents:
        ctx.documents = list(documents)
    instances = [rule(ctx) for rule in rules]
    for rule in instances:
        rule.prepare(documents)
    findings: list[Finding] = []
    for doc in documents:
        findings.extend(kept_findings(doc, document_findings(doc, instances), rules))
        if on_document is not None:
            on_document(doc)
    return sorted(findings, key=lambda f: f.sort_key)


def document_findings(doc: Document, instances: Sequence[Rule]) -> list[Finding]:
    """What the prepared rule instances find in one document, before the filters of `kept_findings`."""
    found: list[Finding] = []
    for rule in instances:
        found.extend(rule.check_document(doc))
    return found


def kept_findings(doc: Document, found: list[Finding], rules: Sequence[type[Rule]]) -> list[Finding]:
    """The findings of one document that are reported: one per defect, none inside a garbled table.

    `found` is everything the run's `rules` found in `doc`; a run split in parts (kpi_lint.run: the
    local rules in file tasks, the peer rules over all files) applies this to the parts together.
    """
    kept = _deferred_to_owner(_one_per_defect(found, rules), rules)
    return _outside_garbled_tables(doc, _gaps_not_filled_by_a_move(doc, kept), rules)


def _indicator_key(f: Finding) -> tuple[str, str | None, str | None, str | None]:
    return (f.path, f.project, f.period, f.level3)


def _one_per_defect(findings: list[Finding], rules: Sequence[type[Rule]]) -> list[Finding]:
    """A cell cut off by the extraction is reported once, by the rule that finds the cut (KPI305).

    The duplicate, the period mismatch, the wrong value type or category that other rules would see
    in the same cut-off indicator all follow from the cut: they stay silent on that indicator.
    """
    roots = {r.code for r in rules if r.root_cause}
    cut = {_indicator_key(f) for f in findings if f.code in roots and f.level3}
    if not cut:
        return findings
    return [f for f in findings if f.code in roots or not f.level3 or _indicator_key(f) not in cut]


def _row_key(f: Finding) -> tuple[str, str | None, str | None, str | None, str | None, str | None] | None:
    """The row a finding is about, or None for a finding about the project or the document."""
    if f.level3 is None and f.value is None:
        return None
    return (f.path, f.project, f.period, f.level2, f.level3, f.value)


def _deferred_to_owner(findings: list[Finding], rules: Sequence[type[Rule]]) -> list[Finding]:
    """One defect, one finding: a rule that `defers_to` another stays silent on a row that rule reports.

    An owner that itself defers to a third rule on that row counts only if it is kept (KPI101 → KPI104 →
    KPI404: when the row is misfiled and its value is words, KPI404 and KPI101 are reported, not KPI104)."""
    defers = {r.code: r.defers_to for r in rules if r.defers_to}
    if not defers:
        return findings
    by_row: dict[tuple[str, str | None, str | None, str | None, str | None, str | None], list[Finding]] = {}
    for f in findings:
        key = _row_key(f)
        if key is not None:
            by_row.setdefault(key, []).append(f)
    dropped: set[int] = set()

    def silent(f: Finding, seen: frozenset[str]) -> bool:
        key = _row_key(f)
        owners = defers.get(f.code, frozenset()) - seen
        if key is None or not owners:
            return False
        return any(o.code in owners and not silent(o, seen | {f.code}) for o in by_row[key])

    for f in findings:
        if silent(f, frozenset()):
            dropped.add(id(f))
    return [f for f in findings if id(f) not in dropped]


def _gaps_not_filled_by_a_move(doc: Document, findings: list[Finding]) -> list[Finding]:
    """One defect, one finding: a gap (a finding whose `fills` names the 二级 that would fill it, KPI202's
    "项目没有质量指标") that a kept finding of the same project proposes to fill by moving a row there (its
    `moves_to`, KPI404's "种植作物成活率 | ≥85% 填在数量指标下…请移到质量指标") is reported once, by the move:
    the dimension is set, misfiled. A gap of every period (period None) stands down only when each of the
    project's periods has such a move."""
    moves: dict[tuple[str, str | None], set[tuple[str | None, str]]] = {}
    for f in findings:
        if f.moves_to:
            moves.setdefault((f.path, f.project), set()).add((f.period, f.moves_to))
    if not moves:
        return findings
    periods = {p.name: set(p.periods) or {None} for p in doc.projects}

    def filled(f: Finding) -> bool:
        moved = moves.get((f.path, f.project))
        if not f.fills or not moved:
            return False
        wanted = {f.period} if f.period is not None else periods.get(f.project or "", {None})
        return all(any((p, level2) in moved for level2 in f.fills) for p in wanted)

    return [f for f in findings if not filled(f)]


def _outside_garbled_tables(doc: Document, findings: list[Finding], rules: Sequence[type[Rule]]) -> list[Finding]:
    """A table the extraction garbled (Project.garbled) is reported once as a document problem;
    its rows are not judged one by one (a value whose name was pushed to another line is not an
    empty target, and its category is not missing). Findings on the project's texts (goals,
    overview, narrative) outside the table still stand."""
    garbled = [p for p in doc.projects if p.garbled]
    if not garbled:
        return findings
    family = {r.code: r.family for r in rules}
    spans: dict[str, tuple[int, int]] = {}
    for p in garbled:
        # A table read as nothing (a flattened block whose order could not be paired) spans its project line.
        lines = [i.line for i in p.indicators] + [e.line for e in p.empty_categories] or [p.line]
        spans[p.name] = (min(lines), max(lines))
    kept = []
    for f in findings:
        span = spans.get(f.project or "")
        in_table = span is not None and (
            span[0] <= f.line <= span[1]
            or f.level2 is not None
            or f.level3 is not None
            or family.get(f.code) == "completeness"
        )
        if not in_table:
            kept.append(f)
    return kept
