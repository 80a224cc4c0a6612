"""Running the selected rules over parsed documents."""

from __future__ import annotations

from collections.abc import Sequence

from kpi_lint.model import Document
from kpi_lint.rules.base import Finding, Rule, RuleContext


def run_rules(
    documents: Sequence[Document], rules: Sequence[type[Rule]], context: RuleContext | None = None
) -> list[Finding]:
    """All findings of `rules` on `documents`, sorted by file, line, column and code."""
    ctx = context or RuleContext()
    if not ctx.documents:
        ctx.documents = list(documents)
    instances = [rule(ctx) for rule in rules]
    findings: list[Finding] = []
    for doc in documents:
        for rule in instances:
            findings.extend(rule.check_document(doc))
    return sorted(findings, key=lambda f: f.sort_key)
