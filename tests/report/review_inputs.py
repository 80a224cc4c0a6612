"""Real documents and their findings for the reviewer's outputs (workbook, review page), computed once per session."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from kpi_lint.config import Config
from kpi_lint.model import Document
from kpi_lint.parse import parse
from kpi_lint.rules.base import Finding
from kpi_lint.rules.context import build_context
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import all_rules
from tests.corpus import ROOT, all_corpus_docs
from tests.score.corpus_scores import corpus_findings

# A wild 自评表 excerpt and a 目标表 one, and a self-evaluation kept as a real Excel file (positions are sheet!cell).
# The 自评表 is b08 (河北, no cost indicator: a finding about the project as a whole); it was a08 until issue 11g,
# whose KPI503 "总分96 ≠ 86" (the budget-execution score unread, not 0) was judged wrong and is no longer reported.
WILD = (
    ROOT / "corpus" / "wild" / "b08_hebei_civilaffairs_selfeval.txt",
    ROOT / "corpus" / "wild" / "a01_tianjin_edu_target.txt",
)
OFFICE_SELFEVAL = ROOT / "tests" / "fixtures" / "office" / "selfeval.xlsx"


def samples() -> tuple[list[Document], list[Finding]]:
    """The five corpus samples and every finding of every rule on them (as `check` finds them)."""
    return all_corpus_docs(), list(corpus_findings())


@lru_cache(maxsize=1)
def _wild() -> tuple[tuple[Document, ...], tuple[Finding, ...]]:
    docs = [parse(path) for path in (*WILD, OFFICE_SELFEVAL)]
    findings = run_rules(docs, all_rules(), build_context(docs, Config()))
    return tuple(docs), tuple(findings)


def wild() -> tuple[list[Document], list[Finding]]:
    docs, findings = _wild()
    return list(docs), list(findings)


def of(findings: Sequence[Finding], path: Path | str, code: str, line: int, column: int) -> Finding:
    (found,) = [f for f in findings if f.path == str(path) and f.code == code and (f.line, f.column) == (line, column)]
    return found
