"""The corpus scored once per test session (rules in the `check` context, default settings)."""

from __future__ import annotations

from functools import lru_cache

from kpi_lint.rules.base import Finding, RuleContext
from kpi_lint.rules.context import PEERS
from kpi_lint.score import ScoreReport, analyse, score_documents
from kpi_lint.score.formula import ProjectScore
from tests.corpus import all_corpus_docs, corpus_path


@lru_cache(maxsize=1)
def _analysed() -> tuple[tuple[Finding, ...], RuleContext]:
    findings, context = analyse(all_corpus_docs())
    return tuple(findings), context


def corpus_findings() -> tuple[Finding, ...]:
    return _analysed()[0]


@lru_cache(maxsize=1)
def corpus_report() -> ScoreReport:
    findings, context = _analysed()
    return score_documents(all_corpus_docs(), findings, peers=context.extras.get(PEERS), lexicon=context.lexicon)


def project_score(key: str, name_start: str) -> ProjectScore:
    """The one project of corpus document `key` whose name starts with `name_start`."""
    path = str(corpus_path(key))
    (found,) = [s for s in corpus_report().projects if s.path == path and s.name.startswith(name_start)]
    return found
