"""Scoring documents: findings + measurements → one ProjectScore per project."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from kpi_lint.config import Config
from kpi_lint.lexicon import Lexicon, load_lexicon
from kpi_lint.model import Document
from kpi_lint.rules.base import Finding, RuleContext
from kpi_lint.rules.context import PEERS, build_context
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import all_rules
from kpi_lint.score.attribution import attribute, owner_by_line
from kpi_lint.score.config import ScoreConfig
from kpi_lint.score.dimensions import (
    PeerIndex,
    measure_completeness,
    measure_consistency,
    measure_measurability,
    measure_relevance,
)
from kpi_lint.score.formula import ProjectScore, score_project
from kpi_lint.score.table import Dimension, document_codes


@dataclass
class ScoreReport:
    documents: list[Document]
    projects: list[ProjectScore]  # in document order
    document_findings: dict[str, list[Finding]] = field(default_factory=dict)  # path → not about one project
    config: ScoreConfig = field(default_factory=ScoreConfig)
    peers_used: bool = False

    def ranked(self) -> list[ProjectScore]:
        """Best first; ties keep document order. Projects that could not be scored come last."""
        scored = sorted((s for s in self.projects if s.scored), key=lambda s: -s.total)
        return scored + [s for s in self.projects if not s.scored]

    def of_document(self, path: str) -> list[ProjectScore]:
        return [s for s in self.projects if s.path == path]


def analyse(documents: Sequence[Document], settings: Config | None = None) -> tuple[list[Finding], RuleContext]:
    """Every rule on every document, in the context `kpi-lint check` builds (lexicons, peers, models).

    All rules run whatever `select`/`ignore` say: scores stay comparable between reviewers; a
    reviewer who disagrees with a rule sets its penalty to 0 in [tool.kpi-lint.score.penalties].
    """
    context = build_context(documents, settings or Config())
    return run_rules(documents, all_rules(), context), context


def score_documents(
    documents: Sequence[Document],
    findings: Sequence[Finding],
    config: ScoreConfig | None = None,
    *,
    peers: PeerIndex | None = None,
    lexicon: Lexicon | None = None,
) -> ScoreReport:
    """Score every project from its findings and the measured shares."""
    cfg = config or ScoreConfig()
    lex = lexicon or load_lexicon()
    all_findings = _each_occurrence(documents, findings)
    whole_document = document_codes()
    split = attribute(documents, [f for f in all_findings if f.code not in whole_document])
    document_findings = {doc.path: list(split.by_document.get(doc.path, [])) for doc in documents}
    for finding in all_findings:
        if finding.code in whole_document:
            document_findings.setdefault(finding.path, []).append(finding)
    scores = []
    for doc in documents:
        for project in doc.projects:
            measurements = {
                Dimension.COMPLETENESS: measure_completeness(project, lex),
                Dimension.MEASURABILITY: measure_measurability(project, lex),
                Dimension.RELEVANCE: measure_relevance(project, lex, peers),
                Dimension.CONSISTENCY: measure_consistency(project, lex),
            }
            scores.append(score_project(doc.path, project, measurements, split.of(project), cfg))
    return ScoreReport(list(documents), scores, document_findings, cfg, peers is not None)


def _each_occurrence(documents: Sequence[Document], findings: Sequence[Finding]) -> list[Finding]:
    """A pattern reported once for a whole document (KPI302's) still weighs on every project it
    occurs in: one copy per occurrence, owned by the project its line falls in."""
    docs = {doc.path: doc for doc in documents}
    out: list[Finding] = []
    for finding in findings:
        doc = docs.get(finding.path)
        if not finding.occurrences or doc is None:
            out.append(finding)
            continue
        anchors = finding.occurrence_anchors or [None] * len(finding.occurrences)  # a text file: no anchors
        for (line, column), anchor in zip(finding.occurrences, anchors, strict=True):
            owner = owner_by_line(doc.projects, line)
            out.append(
                replace(
                    finding,
                    line=line,
                    column=column,
                    anchor=anchor,
                    occurrences=[],
                    occurrence_anchors=[],
                    project=owner.name if owner else finding.project,
                )
            )
    return out


def score_parsed(
    documents: Sequence[Document], settings: Config | None = None, config: ScoreConfig | None = None
) -> ScoreReport:
    """The whole pipeline for parsed documents: rules in the check context, then the score."""
    findings, context = analyse(documents, settings)
    peers = context.extras.get(PEERS)
    return score_documents(documents, findings, config, peers=peers, lexicon=context.lexicon)
