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
    findings: list[Finding] = []
    for doc in documents:
        for rule in instances:
            findings.extend(rule.check_document(doc))
        if on_document is not None:
            on_document(doc)
    return sorted(findings, key=lambda f: f.sort_key)
