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


def test_a_cell_opening_with_a_conjunction_is_the_tail_of_a_wrapped_name() -> None:
    """wild k06 (湖南 畜牧 专项) wraps "各种强制免疫率、屠宰率及检疫率" over two lines: "及检疫率" is no name of its own
    (finding_review sample 9, KPI404 wrong); the words that open with 及 still are."""
    assert not is_name("及检疫率")
    assert not is_name("以及其他相关工作")
    assert all(is_name(n) for n in ("及时发放率", "及格率", "资金及时到位率", "检疫率"))
