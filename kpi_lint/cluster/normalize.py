"""三级指标 text → a comparable form, and its jieba segmentation.

Two departments that mean the same indicator write it differently: with a
numbering ("1、"), a year ("2022年疫苗接种保障人数"), their own place name
("沁水县…", "全县…"), a unit in brackets ("长期护理人员标准（元）") or a category
word ("生态效益指标").  None of that tells what is measured, so it is removed
before the text is represented.  Place names are read from the documents'
department names, not from a fixed list, so a new county needs no code change.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple

from kpi_lint.cluster.concepts import Concept, concept_of, load_concepts
from kpi_lint.lexicon import Lexicon, load_heads, load_lexicon, read_pairs
from kpi_lint.model import Document
from kpi_lint.parse.numbering import NUMBER_END, ORDINAL_LONG
from kpi_lint.segment import cut_words, userdict_entries
from kpi_lint.vocab import BRACKETED

# One administrative unit at the start of a department name: 吕梁市 / 离石区 / 古县.
# Non-greedy, so "沁水县医疗保障局" yields 沁水县 and stops at the organisation part.
_ADMIN_UNIT = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:自治区|自治州|自治县|自治旗|地区|省|市|州|盟|县|区|旗)")
_ADMIN_SUFFIX = re.compile(r"(?:自治区|自治州|自治县|自治旗|地区|省|市|州|盟|县|区|旗)$")
# "我县", "全市", "本区", "县域内": the writer's own place, whichever it is.
_DEICTIC_PLACE = re.compile(r"[我全本](?:省|市|县|区)|[省市县区]域内")
_NUMBERING = re.compile(
    rf"^(?:[(（]\s*{ORDINAL_LONG}\s*[)）]"
    rf"|{ORDINAL_LONG}\s*(?:[、:：]|[.．](?!\d))"
    r"|[①-⑳])\s*"
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*(?:年度|年)?(?!\d)")
_CATEGORY_WORD = re.compile(r"指标")
# "指标1:", "★": a form's own numbering or mark in front of the name.
_FORM_MARK = re.compile(rf"^(?:指标\s*\d{{1,2}}\s*{NUMBER_END}|[★☆●◆■▲*＊]+)\s*")
# A target written into the name cell after a comparator: "受益建档立卡贫困人口数≥**人", "资金到位率≥95%".
_TRAILING_TARGET = re.compile(r"[≥≤><=≧≦＞＜].*$")
# Words in front of a name that narrow when or how much, not what is measured: 其中桃树种植面积 is the
# 桃树种植面积 of a larger total; 全年 / 年度 / 本年度 name the period every target has.  Not read from
# lexicons/periods.txt: that list says which period a heading is for, and a name may open with its words as part
# of what it measures (长期护理保险 is long-term-care insurance, 当年新竣工项目 the works completed that year);
# reading it here would change cluster keys, a model change (docs/notes/issue-period-words2.md).
_QUALIFIER = re.compile(r"^(?:其中|本年度|全年|年度)")
_NOT_WORD = re.compile(r"[\W_]+")
# Function words that carry no meaning of their own in an indicator name.
STOP_WORDS = frozenset(["的", "对", "及", "和", "与", "或", "等", "之", "在", "了", "为"])


def place_names(documents: Iterable[Document]) -> frozenset[str]:
    """The places the documents are about: 沁水县 and 沁水, 吕梁市 and 吕梁, 离石区 and 离石 …

    Read from the department (部门名称), and from each project's 主管部门 and 实施单位
    ("207-沁水县医疗保障局").  A one-character stem (古 of 古县) is too common to strip.
    """
    names: set[str] = set()
    for doc in documents:
        sources = [doc.department] + [loc for p in doc.projects for loc in (p.department, p.implementer)]
        for loc in sources:
            if loc is None:
                continue
            text = re.sub(r"^[\W\d_A-Za-z-]+", "", unicodedata.normalize("NFKC", loc.text))
            names.update(_leading_places(text))
    stems = {_ADMIN_SUFFIX.sub("", n) for n in names}
    return frozenset(names | {s for s in stems if len(s) >= 2})


def _leading_places(name: str) -> list[str]:
    found: list[str] = []
    rest = name
    while (m := _ADMIN_UNIT.match(rest)) is not None:
        found.append(m.group())
        rest = rest[m.end() :]
    return found


MEMO_LIMIT = 1 << 19  # texts a TextNormalizer remembers at a time (the memo starts again when full)
SYNONYMS_FILE = "cluster_synonyms.txt"
OBJECTS_FILE = "measure_objects.txt"
CONTRASTS_FILE = "cluster_contrasts.txt"


@lru_cache(maxsize=8)
def load_synonyms(directory: Path) -> tuple[tuple[str, str], ...]:
    """`variant → canonical` pairs of lexicons/cluster_synonyms.txt (a reviewer's copy first).

    A variant starting with `*` is a suffix rule: a whole text ending in it becomes the canonical; one
    starting with `^` is a prefix rule: replaced only at the start of a text.
    """
    return tuple(read_pairs(directory, SYNONYMS_FILE))


@lru_cache(maxsize=8)
def load_objects(directory: Path) -> tuple[tuple[str, str], ...]:
    """`word → class of object` pairs of lexicons/measure_objects.txt (工程 → 工程, 设备 → 货物 …)."""
    return tuple(read_pairs(directory, OBJECTS_FILE))


@lru_cache(maxsize=8)
def load_contrasts(directory: Path) -> tuple[tuple[str, str], ...]:
    """`word → group/class` pairs of lexicons/cluster_contrasts.txt (国家级 → 级别/国家, 区级 → 级别/县 …),
    longest word first; a line may give several words of one class."""
    pairs = [(word, cls) for words, cls in read_pairs(directory, CONTRASTS_FILE) for word in words.split()]
    return tuple(sorted(pairs, key=lambda pair: len(pair[0]), reverse=True))


# How a synonym pair of lexicons/cluster_synonyms.txt applies: anywhere in a text, to a whole text ending in
# the variant (`*` rule), at the start of a text (`^` rule).
_ANYWHERE, _SUFFIX, _PREFIX = 0, 1, 2
SynonymRules = tuple[tuple[int, str, str], ...]


def synonym_rules(synonyms: tuple[tuple[str, str], ...]) -> SynonymRules:
    """The pairs with their marks read once: (how it applies, the variant without its mark, the canonical)."""
    return tuple(
        (_SUFFIX, variant[1:], canonical)
        if variant.startswith("*")
        else (_PREFIX, variant[1:], canonical)
        if variant.startswith("^")
        else (_ANYWHERE, variant, canonical)
        for variant, canonical in synonyms
    )


def apply_synonyms(text: str, synonyms: tuple[tuple[str, str], ...]) -> str:
    return apply_synonym_rules(text, synonym_rules(synonyms))


def apply_synonym_rules(text: str, rules: SynonymRules) -> str:
    """`text` with the pairs applied in their order (`synonym_rules`; a normalizer reads them once per run)."""
    for how, variant, canonical in rules:
        if how == _ANYWHERE:
            text = text.replace(variant, canonical)
        elif how == _SUFFIX:
            if text.endswith(variant):
                text = canonical
        # A prefix rule: only at the start, and only when at least two characters are left.
        elif text.startswith(variant) and len(text) - len(variant) >= 2:
            text = canonical + text[len(variant) :]
    return text


@dataclass(frozen=True)
class TextNormalizer:
    """Normalizes and segments 三级指标 text; build one with `for_documents`."""

    places: frozenset[str] = frozenset()
    typos: tuple[tuple[str, str], ...] = ()
    synonyms: tuple[tuple[str, str], ...] = ()
    units: tuple[str, ...] = ()
    userdict: str | None = None
    heads: tuple[tuple[str, str], ...] = ()  # ending → kind of measure, longest ending first
    objects: tuple[tuple[str, str], ...] = ()  # word → class of the object measured (measure_objects.txt)
    contrasts: tuple[tuple[str, str], ...] = ()  # word → group/class, longest first (cluster_contrasts.txt)
    concepts: tuple[Concept, ...] = ()  # the guide's concept classes, in order (cluster_concepts.txt)
    # text → normalized text: the clustering, the peer index and the library each normalize every
    # indicator of the run, and the rules look texts up again; remembered for this normalizer only
    # (one is built per run), at most MEMO_LIMIT texts at a time.
    _memo: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False, hash=False)

    @classmethod
    def for_documents(cls, documents: Iterable[Document], lexicon: Lexicon | None = None) -> TextNormalizer:
        lex = lexicon or load_lexicon()
        units = sorted({u for words in lex.units.values() for u in words}, key=len, reverse=True)
        return cls(
            places=place_names(documents),
            typos=lex.typos,
            synonyms=load_synonyms(lex.directory),
            units=tuple(units),
            userdict=str(lex.userdict) if lex.userdict else None,
            heads=load_heads(lex.directory),
            objects=load_objects(lex.directory),
            contrasts=load_contrasts(lex.directory),
            concepts=load_concepts(lex.directory),
        )

    @cached_property
    def _synonym_rules(self) -> SynonymRules:
        """`synonyms` with their marks read (every normalized text goes through them): once per normalizer."""
        return synonym_rules(self.synonyms)

    @property
    def _place_pattern(self) -> re.Pattern[str] | None:
        return _place_regex(self.places)

    def normalize(self, text: str | None) -> str:
        """'1、2022年沁水县城乡居民参保人数（人）' → '城乡居民参保人数'; '' when nothing is left."""
        if not text:
            return ""
        try:
            return self._memo[text]
        except KeyError:
            if len(self._memo) >= MEMO_LIMIT:
                self._memo.clear()
            normalized = self._memo[text] = self._normalize(text)
            return normalized

    def _normalize(self, text: str) -> str:
        s = unicodedata.normalize("NFKC", text)
        s = re.sub(r"\s+", "", s)
        for wrong, right in self.typos:
            s = s.replace(wrong, right)
        s = _FORM_MARK.sub("", s)
        s = _NUMBERING.sub("", s)
        s = _YEAR.sub("", s)
        s = _unit_regex(self.units).sub("", s)
        s = _drop(BRACKETED, s)  # the measure is named outside the brackets ("特困人员救助供养人数(按月平均)")
        s = _drop(_TRAILING_TARGET, s)
        s = _drop(_amount_regex(self.units), s)
        s = _drop(_QUALIFIER, s)
        s = re.sub(r"[%‰]+$", "", s)
        places = self._place_pattern
        if places is not None:
            s = places.sub("", s)
        s = _DEICTIC_PLACE.sub("", s)
        s = _CATEGORY_WORD.sub("", s)
        s = _NOT_WORD.sub("", s).lower()
        s = apply_synonym_rules(s, self._synonym_rules)
        # Last: a name of one of the guide's concept classes is that class's canonical name (concepts.py).
        concept = concept_of(s, self.concepts) if s else None
        return s if concept is None else concept.name

    def measure(self, normalized: str) -> str:
        """The kind of measure a normalized name ends in (比率, 计数, 时间 …), '' when its ending says none.

        '设备验收合格率' → 比率/合格, '购置办公设备种类' → 种类, '医保信息系统正常运' (a cut cell) → ''.
        A kind may be narrowed after a `/` (`measures_clash`).
        """
        for ending, kind in self.heads:
            if normalized.endswith(ending):
                return kind
        return ""

    def object_class(self, normalized: str) -> str:
        """The one class of object a normalized name's words name (工程, 货物), '' for none or more than one.

        '重点建设工程验收合格率' → 工程, '办公设备验收合格率' → 货物, '工程设备购置成本' → ''.
        """
        found = {cls for word, cls in self.objects if word in normalized}
        return found.pop() if len(found) == 1 else ""

    @cached_property
    def _contrast_pattern(self) -> re.Pattern[str] | None:
        words = [word for word, _ in self.contrasts]
        return re.compile("|".join(map(re.escape, words))) if words else None

    @cached_property
    def _contrast_classes(self) -> dict[str, str]:
        return dict(self.contrasts)

    @cached_property
    def _concept_classes(self) -> dict[str, str]:
        """Canonical name → its class as a contrast (`Concept.contrast`); the first class of a name counts."""
        return {c.name: c.contrast for c in reversed(self.concepts)}

    def contrast(self, normalized: str) -> tuple[str, ...]:
        """The `group/class` of each word of lexicons/cluster_contrasts.txt the name holds, sorted, once each;
        () when it has none.  '学生国家级比赛获奖数量' → ('级别/国家', '人群/学生') (in sorted order),
        '区级教学成果奖' → ('级别/县',).  A canonical name of lexicons/cluster_concepts.txt adds its class
        (`Concept.contrast`): '培训次数' → ('概念·培训/培训次数',).  Compared by `clustering.contrasting`.
        """
        pattern = self._contrast_pattern
        found = set() if pattern is None else {self._contrast_classes[word] for word in pattern.findall(normalized)}
        concept = self._concept_classes.get(normalized)
        if concept is not None:  # a concept class: apart from the other classes of its family
            found.add(concept)
        return tuple(sorted(found))

    def signature(self, normalized: str, per: str = "") -> Signature:
        """What a name measures, as `measures_clash` compares it: its kind of measure, its object's class and
        what its amounts are counted per (`per`: space-joined, groups.per_units).

        '设备验收合格率' → Signature('比率/合格', '货物', ()), '医保信息系统正常运' → Signature('', '信息系统', ()).
        """
        return Signature(
            self.measure(normalized), self.object_class(normalized), tuple(per.split()), self.contrast(normalized)
        )

    def tokens(self, normalized: str) -> list[str]:
        """jieba words of a normalized text, function words dropped."""
        # A segmenter with the words of the user dictionary, as the models' copies of those words give it: a
        # name the clustering cut is not cut again for a model (kpi_lint.segment.with_words).
        words = cut_words(userdict_entries(self.userdict) if self.userdict else (), normalized)
        return [w for w in words if w.strip() and w not in STOP_WORDS]


class Signature(NamedTuple):
    """What a name measures, each part '' (or no units) when its words and targets say nothing.

    kind: its kind of measure, narrowed after a `/` (比率/合格, lexicons/measure_heads.txt); object: the class of
    its object (工程, 货物, 信息系统: lexicons/measure_objects.txt); per: what its amounts are counted per
    ("份" for 10元/份, groups.per_units); contrast: `TextNormalizer.contrast` (its words of
    lexicons/cluster_contrasts.txt: a level, a population, one of two opposites), compared by `contrasting`
    and not by `measures_clash`.
    """

    kind: str = ""
    object: str = ""
    per: tuple[str, ...] = ()
    contrast: tuple[str, ...] = ()

    @property
    def measure_only(self) -> Signature:
        """The signature without its contrast: what `measures_clash` reads (few distinct ones in a run)."""
        return self._replace(contrast=()) if self.contrast else self

    @property
    def known(self) -> bool:
        """Some part is known: a signature that is not can clash with nothing."""
        return bool(self.kind or self.object or self.per)


UNKNOWN = Signature()


def measures_clash(first: Signature, second: Signature) -> bool:
    """True when two names' signatures (`TextNormalizer.signature`) say they cannot be one indicator.

    Two names whose amounts are counted per different things (10元/份, 0万元/人) clash.
    They clash when their objects are of two classes (an acceptance rate of works and one of goods), or when
    their kinds of measure do: a kind may be narrowed after a `/` (lexicons/measure_heads.txt), so 比率/合格
    (a pass rate) and 比率/运行 (an uptime rate) clash as 比率 and 计数 do, while a plain 比率 (接种率, a rate
    the list does not narrow) goes with either.  An empty part (a cut cell, a phrase) goes with everything.
    """
    if first.per and second.per and not set(first.per) & set(second.per):
        return True
    if first.object and second.object and first.object != second.object:
        return True
    kind_a, kind_b = first.kind, second.kind
    if not kind_a or not kind_b or kind_a == kind_b:
        return False
    return not (kind_a.startswith(kind_b + "/") or kind_b.startswith(kind_a + "/"))


def _drop(pattern: re.Pattern[str], text: str) -> str:
    """`text` without what `pattern` matches, unless nothing would be left ("(按期)" alone stays)."""
    rest = pattern.sub("", text)
    return rest if _NOT_WORD.sub("", rest) else text


@lru_cache(maxsize=16)
def _place_regex(places: frozenset[str]) -> re.Pattern[str] | None:
    if not places:
        return None
    return re.compile("|".join(re.escape(p) for p in sorted(places, key=len, reverse=True)))


@lru_cache(maxsize=16)
def _amount_regex(units: tuple[str, ...]) -> re.Pattern[str]:
    # A target written at the end of the name without a comparator: 新建水泥路1条, 配套变压器3台 (after a Chinese
    # character, so that PM2.5 or a model number stays).
    alternatives = "|".join(re.escape(u) for u in (*units, "%", "‰"))
    return re.compile(r"(?<=[\u4e00-\u9fff])\d+(?:\.\d+)?\s*(?:" + alternatives + r")?$")


@lru_cache(maxsize=16)
def _unit_regex(units: tuple[str, ...]) -> re.Pattern[str]:
    # Only a unit in brackets is dropped: bare 人 / 次 inside a name carry its meaning.
    alternatives = "|".join(re.escape(u) for u in (*units, "%", "‰"))
    return re.compile(r"[(（]\s*(?:单位[:：]?)?\s*(?:" + alternatives + r")\s*[)）]")
