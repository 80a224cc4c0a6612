"""Whether a peer's indicator is about the project at all: it shares a content word with the project's own text.

Peers are chosen by sector and by how alike the projects' names are, and the names of notice-funded projects look
alike mostly through their wrapper ("关于提前下达…补助资金的通知"): 003's subsidy to social-insurance collection agents
(代办员补助) got "医保信息系统正常运行率" from the medical-insurance IT projects — same sector, nothing in common. An
example is offered only when a word of its name is found in the project's name, goals or rows; the words that only
name the sector (lexicons/sectors.txt: 医保, 参保), a category (满意度, 效益, 指标), the kind of measure
(lexicons/measure_heads.txt: 人数, 比例, 时间) or the level of government and the area (the groups 级别, 地域, 城乡 of
lexicons/cluster_contrasts.txt: 县级, 中央, 城乡, 农村) say nothing of what the project does, and do not count.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from kpi_lint.lexicon import Lexicon, load_heads
from kpi_lint.model import Project

if TYPE_CHECKING:
    from kpi_lint.segment import Segmenter

_WHERE_GROUPS = ("级别", "地域", "城乡")  # its groups of words that say at which level or where, not what


def _segmenter() -> Segmenter:
    from kpi_lint.segment import plain_tokenizer  # on first use: most runs give no example

    return plain_tokenizer()


def _words(text: str) -> set[str]:
    """jieba's search-mode words of `text` of two characters or more ("医保信息系统正常运行率" → 医保, 信息, 系统,
    信息系统, 正常, 运行)."""
    return {w for w in _segmenter().cut_for_search(text) if len(w) >= 2 and not w.isascii()}


@lru_cache(maxsize=8)
def _not_content(directory: Path) -> frozenset[str]:
    """The words that say nothing of what a project does: sector words, category-label words, measure heads, levels
    of government and areas."""
    # Imported late: common imports this module, and the clustering's normaliser loads jieba.
    from kpi_lint.cluster.normalize import load_contrasts
    from kpi_lint.library.funds import sector_words
    from kpi_lint.rules.target.common import CATEGORY_NAMES

    sectors = {word for word, _ in sector_words(directory)}
    labels = {w for label in CATEGORY_NAMES for w in _words(label)}
    heads = {end for end, _ in load_heads(directory)}
    where = {word for word, cls in load_contrasts(directory) if cls.split("/")[0] in _WHERE_GROUPS}
    return frozenset(sectors | labels | heads | where)


def _project_text(project: Project) -> str:
    goals = [loc.text for loc in (project.target_text, project.overview, *project.goals.values()) if loc]
    rows = [f"{ind.level3 or ''} {ind.description or ''}" for ind in project.indicators]
    return " ".join([project.name or "", *goals, *rows])


def about_the_project(level3: str, project: Project, lexicon: Lexicon) -> bool:
    """A content word of the peer indicator's name `level3` is also in the project's name, goals or rows
    ("城乡医疗救助对象参保率" for a 医疗救助 fund: 医疗, 救助); not so "医保信息系统正常运行率" for a subsidy to
    insurance collection agents, which shares only the sector word 医保."""
    content = _words(level3) - _not_content(lexicon.directory)
    text = _project_text(project)
    return any(word in text for word in content)
