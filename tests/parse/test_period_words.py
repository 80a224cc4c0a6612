"""One list of period words (lexicons/periods.txt) serves every reader that meets them: a word added there once
names a column's period, opens a goal's label, and is looked past before a label or header word."""

from __future__ import annotations

from pathlib import Path

from kpi_lint.lexicon import BUNDLED_DIR, Lexicon, load_lexicon
from kpi_lint.parse import parse
from kpi_lint.parse.form_header import period_of
from kpi_lint.period_words import PERIODS_FILE
from tests.corpus import corpus_path
from tests.wild.rows import WILD

AB01 = WILD / "ab01_guangdong_education_selfeval_traditional_mirror.txt"  # 周期指標值 | 本年度指標值 (line 27, 29)
AA03 = WILD / "aa03_hunan_ruralrevival_yulu_declaration.txt"  # "中长期绩效 目标 | 1.就读…" (line 14)


def test_the_bundled_words_name_the_periods_of_headings() -> None:
    words = load_lexicon().vocabulary.periods
    headings = ["实施周期指标值", "中长期绩效目标", "中期目标(2023年—2025年)", "本年度指标值", "周期指标值", "项目期"]
    assert [period_of(h, words) for h in headings] == ["实施期", "中长期", "中期", "年度", "实施期", "实施期"]
    # 周期 says a period only where a heading opens with it; 全年 / 当年 open labels but put no column in a period.
    assert [period_of(h, words) for h in ("服务周期", "全年实际值", "当年财政拨款")] == [None, None, None]
    assert words.label_start.sub("", "当年财政拨款") == "财政拨款"
    assert words.heading_start.sub("", "周期指标值") == "指标值"
    goal = words.goal_start.match("本中期绩效目标")
    assert goal is not None and goal.group() == "本中期"
    assert words.goal_start.match("当当年度绩效目标") is None  # one 本/当 at most
    # A label's opening word names its period (funds labels, goal headings); 全年 / 当年 and a word inside name none.
    labels = ["实施期资金总额", "中长期资金总额", "年度目标", "本年度目标", "周期目标", "当年资金总额", "其中:年度拨款"]
    read = ["实施期", "中长期", "年度", "年度", "实施期", None, None]
    assert [words.opening_period(label) for label in labels] == read


def _with_word(tmp_path: Path, period: str, word: str) -> Path:
    """A reviewer's lexicon folder whose periods.txt adds `word` to `period`'s line (the other lists fall back)."""
    lines = (BUNDLED_DIR / PERIODS_FILE).read_text(encoding="utf-8").splitlines()
    edited = [f"{line} {word}" if line.startswith(f"{period}:") else line for line in lines]
    assert edited != lines
    folder = tmp_path / "lexicons"
    folder.mkdir()
    (folder / PERIODS_FILE).write_text("\n".join(edited) + "\n", encoding="utf-8")
    return folder


def _edited(source: Path, tmp_path: Path, line: int, old: str, new: str) -> Path:
    lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
    assert old in lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new)
    out = tmp_path / source.name
    out.write_text("".join(lines), encoding="utf-8")
    return out


def test_a_period_word_added_once_names_a_column_and_a_goal(tmp_path: Path) -> None:
    lexicon = load_lexicon(str(_with_word(tmp_path, "实施期", "执行期")))
    vocab = lexicon.vocabulary
    assert period_of("执行期指标值", vocab.periods) == "实施期"
    assert vocab.column_role("执行期指标值") == "value"  # looked past before the header word
    assert load_lexicon().vocabulary.column_role("执行期指标值") is None
    assert vocab.is_form_label("其中：执行期财政拨款")  # looked past before a funds label
    assert not load_lexicon().vocabulary.is_form_label("其中：执行期财政拨款")

    # ab01's 周期 column renamed 执行期: read as 实施期 with the word, as ab01 itself is read.
    renamed = _edited(AB01, tmp_path, 27, "周期指標(biāo)值", "执行期指标值")
    first = [(i.period, i.level3, i.value, i.spans["value"].line) for i in parse(renamed, lexicon).indicators][:2]
    assert first == [("实施期", "总建筑面积(平方米)", "44979.8", 37), ("年度", "总建筑面积(平方米)", "44979.8", 39)]
    assert [(i.period, i.level3) for i in parse(renamed).indicators][:2] != [(p, n) for p, n, _, _ in first]

    # aa03's 中长期 goal renamed 执行期绩效目标: the goal of the 实施期, on its line.
    (tmp_path / "goal").mkdir()
    goal = _edited(AA03, tmp_path / "goal", 14, "中长期绩效 目标", "执行期绩效 目标")
    goals = parse(goal, lexicon).projects[0].goals
    assert {period: read.line for period, read in goals.items()} == {"实施期": 14, "年度": 16}
    assert "实施期" not in parse(goal).projects[0].goals


# The readers of the funds block, the goal headings and the upper part of a PDF-text 申报表 take the same list:
# a reviewer's folder that adds 续建期 to the 中期 line (a project continued from earlier years, read as its
# 中期) makes each of them read a copy of a real document that prints 续建期 where the original prints 中期 or
# 实施期; the bundled list reads the original as before and the copy otherwise.
E01 = WILD / "e01_anhui_meteorology_target.txt"  # one cell per line: "中期资金总额:" ⏎ "|" ⏎ "449.8万" (line 33)


def _funds(path: Path, lexicon: Lexicon | None = None) -> list[tuple[str | None, str, float | None, int]]:
    return [(f.period, f.source, f.amount, f.line) for f in parse(path, lexicon).projects[0].funds]


def test_a_period_word_added_once_names_a_funds_label(tmp_path: Path) -> None:
    """form_funds: a fund label opening with the word is that period's, and a declaration copied one cell per
    line is paired label by label once its first total names a period."""
    lexicon = load_lexicon(str(_with_word(tmp_path, "中期", "续建期")))
    read = [("中期", "总额", 449.8, 35), ("年度", "总额", 189.8, 39), ("中期", "财政拨款", 449.8, 44)]
    read.append(("年度", "财政拨款", 189.8, 48))
    assert _funds(E01) == read
    renamed = _edited(E01, tmp_path, 33, "中期资金总额", "续建期资金总额")
    assert _funds(renamed, lexicon) == read
    assert _funds(renamed) == []  # no word names the first total: the lone labels are not paired


def test_a_period_word_added_once_names_the_goal_order_of_cell_lines(tmp_path: Path) -> None:
    """cells_meta: 001 (Word cell lines) prints "实施期资金总额" and "实施期目标 | 年度目标" above its first table; a
    copy printing 续建期 there is read as a 中期 | 年度 declaration with the word, as the default 实施期 | 年度
    without it."""
    lexicon = load_lexicon(str(_with_word(tmp_path, "中期", "续建期")))
    renamed = _edited(corpus_path("001"), tmp_path, 209, "实施期资金总额", "续建期资金总额")
    renamed = _edited(renamed, tmp_path, 261, "实施期目标", "续建期目标")
    first = parse(renamed, lexicon).projects[0]
    assert first.periods == ["中期", "年度"]
    assert {period: goal.line for period, goal in first.goals.items()} == {"中期": 265, "年度": 268}
    # The sources under the totals take the totals' periods, though the goals naming them come later.
    assert _funds(renamed, lexicon)[:4] == [
        ("中期", "总额", 2567.0, 210),
        ("年度", "总额", 2567000.0, 212),
        ("中期", "中央财政资金", 0.0, 216),
        ("年度", "中央财政资金", 0.0, 218),
    ]
    original = parse(corpus_path("001")).projects[0]
    assert original.periods == parse(renamed).projects[0].periods == ["实施期", "年度"]
    assert _funds(corpus_path("001"))[:3] == [
        ("实施期", "总额", 2567.0, 210),
        ("年度", "总额", 2567000.0, 212),
        ("实施期", "中央财政资金", 0.0, 216),
    ]


def test_a_period_word_added_once_opens_the_goals_of_a_pdf_text_declaration(tmp_path: Path) -> None:
    """pdf_header: in 000 (PDF text) the line "实施期目标 年度目标" closes 项目实施计划 and opens the goals; a copy
    printing 续建期目标 there keeps that line out of the plan with the word, and reads it into the plan without."""
    lexicon = load_lexicon(str(_with_word(tmp_path, "中期", "续建期")))
    renamed = _edited(corpus_path("000"), tmp_path, 1076, "实施期目标", "续建期目标")
    plan = parse(corpus_path("000")).projects[0].plan
    assert plan is not None and plan.text.endswith("并保障城乡居民及时享受医疗保险待遇。")
    with_word = parse(renamed, lexicon).projects[0]
    assert with_word.plan == plan
    assert {period: goal.line for period, goal in with_word.goals.items()} == {"实施期": 1080, "年度": 1085}
    without = parse(renamed).projects[0].plan
    assert without is not None and without.text == plan.text + "续建期目标 年度目标"


def test_a_period_word_that_begins_a_funds_name_names_no_period(tmp_path: Path) -> None:
    """长期 is a period word ("长期资金总额"), but "长期护理保险" is long-term-care insurance: a funds label names a
    period only where its period word stands before a funds word, so e01's first total renamed to a fund of that
    insurance names none, and the lone labels stay unpaired as when no word names it."""
    vocab = load_lexicon().vocabulary
    assert vocab.periods.opening_period("长期资金总额", vocab.funds_openings) == "长期"
    assert vocab.periods.opening_period("年度资金申请总额", vocab.funds_openings) == "年度"
    assert vocab.periods.opening_period("中期财政拨款", vocab.funds_openings) == "中期"
    assert vocab.periods.opening_period("长期护理保险财政补助资金", vocab.funds_openings) is None
    assert vocab.periods.opening_period("长期护理保险财政补助资金") == "长期"  # no funds word asked
    renamed = _edited(E01, tmp_path, 33, "中期资金总额", "长期护理保险资金总额")
    assert _funds(renamed) == []
