"""A peer's example dated in another year is not offered (issue 11-precision3; sample 42's a07 KPI404: a 2021
project's "项目完成时间 2021年12月完成" offered to a 2024 budget line, 鲁财科教(2024)67号)."""

from __future__ import annotations

from typing import Any

from kpi_lint.lexicon import load_lexicon
from kpi_lint.library.suggest import Suggestion
from kpi_lint.model import Form, Project
from kpi_lint.rules.target.common import fits_year, peer_example, peer_lines


def _suggestion(level3: str, value: str, peers: int = 3) -> Suggestion:
    return Suggestion(
        level2="时效指标",
        level3=level3,
        value=value,
        peer_projects=peers,
        peer_units=peers,
        value_peers=2,
        sources=("corpus/wild/n06_ningxia_school_selfeval_ocr.txt:4:1",),
        basis="",
        concept=7,
    )


DATED = _suggestion("项目完成时间", "2021年12月完成")
UNDATED = _suggestion("资金拨付时间", "不晚于N月底")


class _Peers:
    """What kpi_lint.library.suggest.Suggester.suggest returns, nearest first."""

    def __init__(self, found: list[Suggestion]) -> None:
        self.found = found

    def suggest(self, project: Project, level2: str, path: str, k: int = 3, **_: Any) -> list[Suggestion]:
        return self.found[:k]


# Its name shares 项目 and 拨付 with the two examples (peer_example offers only an example about the project)
PROJECT = Project(name="小学教育公用经费拨付项目", form=Form.DECLARATION, line=1, column=1)
LEXICON = load_lexicon()


def test_a_dated_example_fits_only_its_own_year() -> None:
    assert fits_year(DATED, 2021)
    assert not fits_year(DATED, 2024)
    assert not fits_year(DATED, None)  # the project's year unknown: a dated example cannot be shown to fit
    assert fits_year(UNDATED, 2024) and fits_year(UNDATED, None)


def test_the_nearest_fitting_example_is_taken() -> None:
    peers: Any = _Peers([DATED, UNDATED])
    assert peer_example(peers, PROJECT, "a07.txt", "时效指标", 2024, lexicon=LEXICON) is UNDATED
    assert peer_example(peers, PROJECT, "a07.txt", "时效指标", 2021, lexicon=LEXICON) is DATED
    only_dated: Any = _Peers([DATED])
    assert peer_example(only_dated, PROJECT, "a07.txt", "时效指标", 2024, lexicon=LEXICON) is None


def test_an_example_about_another_kind_of_project_is_passed_over() -> None:
    """Issue 11-s60-fixes: an IT system's uptime shares no word with a school's running costs; the next one does."""
    unrelated = _suggestion("医保信息系统正常运行率", "≥95%")
    peers: Any = _Peers([unrelated, UNDATED])
    assert peer_example(peers, PROJECT, "a07.txt", "时效指标", 2024, lexicon=LEXICON) is UNDATED
    alone: Any = _Peers([unrelated])
    assert peer_example(alone, PROJECT, "a07.txt", "时效指标", 2024, lexicon=LEXICON) is None


def test_peer_lines_leave_out_other_years() -> None:
    peers: Any = _Peers([DATED, UNDATED])
    lines = peer_lines(peers, PROJECT, "a07.txt", "时效指标", year=2024)
    assert len(lines) == 1 and lines[0].startswith("资金拨付时间 不晚于N月底（同类项目 3 个使用")
