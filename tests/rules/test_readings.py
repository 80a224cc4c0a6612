"""The run's cell readings (kpi_lint.rules.readings) answer as the functions they remember."""

from __future__ import annotations

from kpi_lint.lexicon import load_lexicon
from kpi_lint.rules.base import RuleContext
from kpi_lint.rules.target.common import expected_unit, filled_targets, is_name, name_cues
from tests.corpus import all_corpus_docs, corpus_doc


def test_readings_answer_as_the_functions_on_every_row_of_the_samples() -> None:
    context = RuleContext()
    readings = context.readings
    cues = name_cues(context.lexicon)
    rows = 0
    for doc in all_corpus_docs():
        for project in doc.projects:
            for _ in range(2):  # computed, then remembered
                assert list(readings.filled_targets(project)) == list(filled_targets(project, context.lexicon))
            for ind in project.indicators:
                rows += 1
                for _ in range(2):
                    assert readings.is_name(ind.level3) == is_name(ind.level3)
                    assert readings.expected_unit(ind.level3) == expected_unit(ind.level3, cues)
    assert rows >= 400  # 412 rows in the five samples


def test_readings_belong_to_their_context() -> None:
    doc = corpus_doc("002")
    first, second = RuleContext(), RuleContext()
    assert first.readings is first.readings  # one per context
    assert first.readings is not second.readings  # nothing shared between runs
    project = doc.projects[0]
    filled = first.readings.filled_targets(project)
    assert filled and all(ind.value and ind.value.strip() for ind, _ in filled)
    assert first.readings.filled_targets(project) is filled  # remembered
    assert second.readings._filled == {}  # not seen by the other run
    # A context given another lexicon reads with it.
    first.lexicon = load_lexicon(str(first.lexicon.directory))
    assert first.readings.lexicon is first.lexicon
