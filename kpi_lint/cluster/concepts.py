"""The concept classes of lexicons/cluster_concepts.txt: the pair guide's G5 / G6 / G7a entries as data.

A 指标库 entry is one measure of one object (docs/labeling/cluster_pairs.md).  Some entries are written in words
that share little: 项目总投入 / 计划总投资 / 资金投入 (the project's own total cost, G6), 印刷宣传资料 / 医保政策
宣传资料 (publicity material, G5), 树木 / 苗木 / 造林成活率 (planted trees, G7a).  No surface similarity joins
them, so the guide's classes are read as data: each line of the file is a class — regular expressions that a whole
normalized name must match, a family and a canonical name.  A name of a class is rewritten to the class's canonical
name (`TextNormalizer.normalize`), so every name of one class is one text to the clustering, the peer index and the
library; two classes of one family are kept apart like two words of one group of lexicons/cluster_contrasts.txt
(`TextNormalizer.contrast`, `clustering.contrasting`): 培训次数 ≠ 培训人数 however the names are worded.  A name in
no class is left as it is.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from kpi_lint.errors import InputError
from kpi_lint.lexicon import read_pairs

CONCEPTS_FILE = "cluster_concepts.txt"
# A concept family as a group of `Signature.contrast` (group/class): marked so that no group of
# lexicons/cluster_contrasts.txt (级别, 人群 …) can share its name.
FAMILY_MARK = "概念·"


class Concept(NamedTuple):
    """One line of lexicons/cluster_concepts.txt: its writings as one pattern (a whole name must match one of
    them), its family and its canonical name."""

    pattern: re.Pattern[str]
    family: str
    name: str

    @property
    def contrast(self) -> str:
        """The class as `Signature.contrast` writes it: two classes of one family are two concepts."""
        return f"{FAMILY_MARK}{self.family}/{self.name}"


@lru_cache(maxsize=8)
def load_concepts(directory: Path) -> tuple[Concept, ...]:
    """The classes of lexicons/cluster_concepts.txt (a reviewer's copy first), in the file's order.

    A line that is not `正则 正则 … → 族/规范名`, or a writing that is no regular expression, is the reviewer's
    mistake: an InputError naming the file and the line's text."""
    where = str(directory / CONCEPTS_FILE)
    concepts: list[Concept] = []
    for writings, key in read_pairs(directory, CONCEPTS_FILE):
        family, _, name = key.partition("/")
        if not family or not name or not writings:
            raise InputError(where, f"概念类要写成“正则 正则 … → 族/规范名”：{writings} → {key}")
        try:
            pattern = re.compile("|".join(f"(?:{w})" for w in writings.split()))
        except re.error as exc:
            raise InputError(where, f"“{writings}”不是正确的正则表达式（{exc}）") from None
        concepts.append(Concept(pattern, family, name))
    return tuple(concepts)


def concept_of(text: str, concepts: tuple[Concept, ...]) -> Concept | None:
    """The first class whose writings match the whole normalized `text`, None when none does."""
    for concept in concepts:
        if concept.pattern.fullmatch(text):
            return concept
    return None
