"""The one-pass word matchers of the rules answer as the word-by-word tests they replace, on every cell of the
samples and with the shipped lexicons (issue 10: per-core speed of the rules, outputs unchanged)."""

from __future__ import annotations

from kpi_lint.classify.cue_words import cue_matches, cue_patterns, cue_row
from kpi_lint.classify.fast_form import CueBlock
from kpi_lint.lexicon import load_lexicon
from kpi_lint.parse.common import squash
from kpi_lint.rules.consistency.kpi404_misfiled_indicator import UNIT_COST_FILE
from kpi_lint.rules.target.common import _unit_cue_index, expected_unit, name_cues
from kpi_lint.rules.text._copy_matrix import _distinct
from kpi_lint.rules.text._text import clean, cleaned_words, holds_any, squashed
from kpi_lint.rules.text.kpi306_typo import _any_typo, _folded
from tests.corpus import all_corpus_docs


def _cells() -> list[str]:
    """Every 三级指标 and 指标值 of the five samples, cleaned as the rules read them."""
    return [clean(text) for doc in all_corpus_docs() for ind in doc.indicators for text in (ind.level3, ind.value)]


def test_holds_any_is_any_non_empty_word_in_the_text() -> None:
    lexicon = load_lexicon()
    lists = [lexicon.words(UNIT_COST_FILE), lexicon.process_measures, *lexicon.category_cues.values()]
    cells = _cells()
    assert len(cells) >= 800  # 412 rows, name and value
    hits = 0
    for words in lists:
        for text in cells:
            expected = any(w and w in text for w in words)
            assert holds_any(text, words) is expected, (text, words[:5])
            hits += expected
    assert hits >= 100  # the lists do match the samples' cells, not only miss them
    assert holds_any("项目成本控制", ("成本",)) and not holds_any("项目成本控制", ())
    assert not holds_any("项目成本控制", ("",))  # an empty word matches nothing, as `w and w in text` says
    assert holds_any("a+b(c)", ("+b(",))  # regex characters are words like any other


def test_cleaned_words_are_the_words_cleaned_in_order() -> None:
    measures = load_lexicon().process_measures
    assert cleaned_words(measures) == tuple(clean(m) for m in measures)
    assert cleaned_words(measures) is cleaned_words(measures)  # once per list


def test_cue_row_is_any_word_of_each_list() -> None:
    assert cue_row("完成及时率", [["及时", "按期"], [], [""], ["满意"]]) == [1.0, 0.0, 1.0, 0.0]
    lists = [list(words) for words in load_lexicon().category_cues.values()]
    for text in _cells():
        assert cue_row(text, lists) == [float(any(w in text for w in words)) for words in lists]


def test_expected_unit_tests_all_cues_at_once_as_the_cue_by_cue_loops_do() -> None:
    """The two prefilters of expected_unit (kpi_lint.rules.target.common._unit_cue_index) say yes exactly when
    the loops behind them find a cue: a cue ending the name, a cue of two characters or more inside it (of the cues
    that count inside a name: name_units.txt's "元(结尾)" words — 支出, 投入, 预算 — count only at the end)."""
    cues = name_cues(load_lexicon())
    suffixes, inside = _unit_cue_index(cues)
    names = [squash(ind.level3 or "") for doc in all_corpus_docs() for ind in doc.indicators]
    ending = containing = 0
    for name in names:
        ends = any(name.endswith(cue) for cue, _ in cues.units)
        holds = any(len(cue) >= 2 and cue in name for cue, _ in cues.inside_units)
        assert name.endswith(suffixes) is ends and (inside.search(name) is not None) is holds, name
        ending, containing = ending + ends, containing + holds
    # of the 412 names of the five samples: both tests say yes and no (197 end with a cue: 003 2197 "预算" ends
    # with 元(结尾)'s 预算; 114 contain one since issue 11-census-fixes added 会议 → 次: "召开…县级工作会议或培训" ×2
    # and 会议费, which still ends with 费 → 元)
    assert (ending, containing) == (197, 114)
    units = [expected_unit(name, cues) for name in names]
    assert expected_unit("参保率", cues) == "%" and expected_unit("参保人数", cues) == "人"
    assert units.count("%") >= 50 and units.count(None) >= 10


def test_name_cues_are_one_object_per_lexicon_folder() -> None:
    lexicon = load_lexicon()
    assert name_cues(lexicon) is name_cues(load_lexicon(str(lexicon.directory)))
    assert hash(name_cues(lexicon)) == hash(name_cues(lexicon))


def test_the_typo_pattern_passes_over_exactly_the_cells_without_a_typo() -> None:
    typos = load_lexicon().typos
    assert typos  # the shipped list is not empty
    texts = [squashed(t) for doc in all_corpus_docs() for ind in doc.indicators for t in (ind.level3, ind.value)]
    for text in [*texts, *(folded for _, folded, _ in _folded(typos))]:
        word_by_word = any(wrong and text.find(folded) >= 0 for wrong, folded, _ in _folded(typos))
        assert (_any_typo(typos).search(text) is not None) is word_by_word


def test_distinct_keeps_first_seen_order_and_each_strings_index() -> None:
    strings, index = _distinct(["满意度=≥90%", "资金到位率=100%", "满意度=≥90%"])
    assert strings == ["满意度=≥90%", "资金到位率=100%"]
    assert index.tolist() == [0, 1, 0]


def test_a_cue_block_holds_its_patterns_and_answers_as_cue_row() -> None:
    lists = (("及时", "按期"), (), ("",), ("满意",))
    block = CueBlock(columns=("level3", "value"), lists=lists)
    row = {"level3": "群众 满意度", "value": "按期完成"}
    assert block.features(row) == {0: 1.0, 2: 1.0, 3: 1.0}
    assert cue_matches("群众满意度按期完成", cue_patterns(lists)) == cue_row("群众满意度按期完成", lists)
    assert block._patterns() is block._patterns()  # found once per block
    block.lists = (("完成",),)  # other lists: their own patterns, not the held ones
    assert block.features(row) == {0: 1.0}
    assert block == CueBlock(columns=("level3", "value"), lists=(("完成",),))  # what it holds is no field
