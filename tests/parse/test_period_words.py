"""One list of period words (lexicons/periods.txt) serves every reader that meets them: a word added there once
names a column's period, opens a goal's label, and is looked past before a label or header word."""

from __future__ import annotations

from pathlib import Path

from kpi_lint.lexicon import BUNDLED_DIR, load_lexicon
from kpi_lint.parse import parse
from kpi_lint.parse.form_header import period_of
from kpi_lint.period_words import PERIODS_FILE
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
