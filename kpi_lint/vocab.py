"""The domain vocabulary in one place: 一级/二级 names, their aliases and parents, the header
words of an indicator block and the titles of the forms.

Everything here is read from word lists in ``lexicons/`` (``levels.txt``, ``form_columns.txt``,
``form_titles.txt``), so a province with its own template edits a list, not Python.  Parsers,
rules and classifiers import the canonical names from here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from kpi_lint.han import HAN_RANGE
from kpi_lint.lazy_re import lazy_compile
from kpi_lint.lexicon import alternation
from kpi_lint.parse.numbering import CHINESE_NUMERAL, INDICATOR_NUMBER, NUMBER_END
from kpi_lint.period_words import PERIODS_FILE, PeriodWords
from kpi_lint.read.source import fold

# The canonical names (the bundled levels.txt spells the same ones; code that needs a
# particular category names it through these constants).
FUNDS_WORD = "资金"  # the noun a funds label may open with after its period ("年度资金申请总额")
OUTPUT = "产出指标"
EFFECT = "效益指标"
SATISFACTION_L1 = "满意度指标"
COST_L1 = "成本指标"
QUANTITY = "数量指标"
QUALITY = "质量指标"
TIMELINESS = "时效指标"
COST = "成本指标"
ECONOMIC_COST = "经济成本指标"
SOCIAL_COST = "社会成本指标"
ECOLOGICAL_COST = "生态环境成本指标"
ECONOMIC = "经济效益指标"
SOCIAL = "社会效益指标"
ECOLOGICAL = "生态效益指标"
SUSTAINABLE = "可持续影响指标"
SATISFACTION = "服务对象满意度指标"
# The process section of the NDRC form and of the self-evaluation framework (过程管理: 计划/资金/项目管理): the
# evaluator's criteria of how the project was run (预算执行率, 制度健全), not the unit's output or effect targets.
PROCESS_L1 = "过程管理指标"
# The 一级 of the NDRC form (中央预算内投资计划绩效目标表) over its 产出 / 效益 / 满意度指标, printed as its 二级.
EFFECT_L1_NDRC = "实施效果指标"

LEVEL1_NAMES: tuple[str, ...] = (OUTPUT, EFFECT, SATISFACTION_L1, COST_L1)
# The nine 二级 of the 财预〔2015〕88号 templates, in table order.
LEVEL2_NAMES: tuple[str, ...] = (
    QUANTITY,
    QUALITY,
    TIMELINESS,
    COST,
    ECONOMIC,
    SOCIAL,
    ECOLOGICAL,
    SUSTAINABLE,
    SATISFACTION,
)
COST_LEVEL2: tuple[str, ...] = (COST, ECONOMIC_COST, SOCIAL_COST, ECOLOGICAL_COST)

# Column roles of an indicator block (the keys of form_columns.txt).
LEVEL_ROLES = ("level1", "level2")
DATA_ROLES = (
    "level3",
    "description",
    "value",
    "comparator",
    "unit",
    "adjusted_value",
    "actual",
    "weight",
    "score",
    "deviation",
    "basis",
    "note",
    "ratio",  # a share every row fills beside its points (得分系数 "100%": 得分 = 权重 × 系数)
    "unnamed",  # a heading no list names, printed between named ones: a column, its contents unknown
    "place_value",  # a target column of a further place (指标方向 | 笏石街道办 | 埭头镇: 埭头镇's), not the row's value
    "grade_value",  # the standard of a lower grade (评价标准 split into 优 | 良 | 中 | 差: 良's …), not the row's value
)

# The grades a self-evaluation gives (a 定性 row's 实际完成值, the project's 等级).
GRADES = ("优", "良", "中", "差", "优秀", "良好", "合格", "不合格")

# A conjunction opening a cell (及, 以及 — not the words 及时, 及格, 及早 that begin with 及): no name begins so;
# it is the tail of a name wrapped over two lines ("各种强制免疫率、屠宰率 ⏎ 及检疫率").
CONJUNCTION_FIRST = lazy_compile(r"(?:以及|及(?![时格早]))")

# Comparisons written in words ("大于等于90%", "不低于95%"), longest first.
WORDED_SIGNS = (
    "大于或等于",
    "小于或等于",
    "大于等于",
    "小于等于",
    "不低于",
    "不高于",
    "不少于",
    "不超过",
    "大于",
    "小于",
    "等于",
)
_SPACE = lazy_compile(r"\s+")
# A page number printed where a page broke ("- 3 -", "第 2 页 共 5 页"): no part of the table around it.
_PAGE_NUMBER = r"(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?)"
PAGE_NUMBER = lazy_compile(rf"^\s*{_PAGE_NUMBER}\s*$")
# What a page prints at its top to say that the table on it goes on from the page before: "续表", "续表1",
# "续上表", "(续)", "（续表）", "（接上页）", "承上表", in simplified or traditional characters (a page in
# traditional characters is read as simplified, but one such line in a simplified text is not).
_CONTINUED = (
    r"[(（]\s*[续續]\s*[上前]?\s*表?\s*[\d一二三四五六七八九十]{0,3}\s*[)）]"
    rf"|(?:(?<![{HAN_RANGE}])|(?<=表))[续續]\s*[上前]?\s*表\s*[\d一二三四五六七八九十]{{0,3}}"  # not "持续表现"
    r"|[(（]?\s*[接承]\s*上\s*[页頁表]\s*[)）]?"
)
CONTINUED = lazy_compile(_CONTINUED)
# A line that is only a page's furniture where a table breaks over pages: its page number or its mark that
# the table goes on (a mark may follow the table's number, "附表2 续表", or end in a colon).
PAGE_MARK = lazy_compile(
    rf"^\s*(?:{_PAGE_NUMBER}"
    rf"|(?:附?表\s*[\d一二三四五六七八九十\-－]{{0,5}}\s*)?(?:{_CONTINUED})\s*[:：]?)\s*$"
)


def without_continued(text: str) -> str | None:
    """`text` without the mark that its table goes on from the page before ("…绩效目标表（续）" → "…绩效目标表"),
    or None when it carries no such mark."""
    found = CONTINUED.search(text)
    if found is None:
        return None
    return (text[: found.start()] + text[found.end() :]).strip()


# Labels printed as one cell: "经办人及联系电话", "填报人/联系电话", "审核人、审核日期".
_JOINED_LABELS = lazy_compile(r"[及和与、/]")
_DECOR = lazy_compile(r"[★☆*＊▲△]+")
_NUMBERING = lazy_compile(
    rf"^(?:(?:{INDICATOR_NUMBER}|\d+|[(（]\d+[)）]|{CHINESE_NUMERAL}+)\s*{NUMBER_END}|[(（]{CHINESE_NUMERAL}+[)）]"
    r"|\d{1,2}[)）](?=[\u4e00-\u9fff])"
    r"|指标\s*\d{1,2}(?=\d{4}年|[\u4e00-\u9fff]))\s*"
)
_LEVEL_ROLES = ("level1", "level2", "level3")  # "指标", "一级": short words that are labels, not headers
# A year a heading names ("2021年实际实现值", "预期2022年实现值", "2023年度").
YEAR = lazy_compile(r"(?:19|20)\d{2}年度?")
_COLUMN_LETTER = lazy_compile(r"[(（][^()（）\d]{1,3}[)）]$")  # "指标值(A)", OCR'd "(八)"
_LABEL_POINTS = lazy_compile(r"[(（]\s*\d+(?:\.\d+)?\s*分\s*[)）]")  # "数量指标(10分)"
# One bracketed part, innermost: a unit "(元)", a placeholder "(≥**人)", a qualifier "(按月平均)", points "(10分)".
BRACKETED = re.compile(r"[(（][^()（）]*[)）]")
# What may follow a header word up to the next one, as the rest of a longer heading: a few characters and spaces.
_PREFIX_TAIL = lazy_compile(r"(?:\s*[\u4e00-\u9fff]{1,6}){1,2}\s*")
_BREAKDOWN = lazy_compile(r"^其中\s*[:：]?")  # "其中：当年财政拨款": a funds row that breaks down the total above
_SHORTEST_FORM_LABEL = 4  # a label word shorter than this (中央, 其他, 县级) may be a value of its own
_WEIGHT = lazy_compile(
    r"[(（]\s*\d+(?:\.\d+)?(?:\s*[-~—–至]\s*\d+(?:\.\d+)?)?\s*分?\s*[)）]分?$|\d+(?:\.\d+)?分[)）]?$"
)  # "产出指标(50)", "(30分)", a range "(40-50)分"


@lru_cache(maxsize=1 << 16)
def squash(text: str) -> str:
    """Fold full-width forms and drop all white space (wrapping puts spaces inside words)."""
    return _SPACE.sub("", fold(text))


@lru_cache(maxsize=1 << 16)
def label_key(text: str) -> str:
    """The form of a printed level label that is looked up: '产出指标(50)' → '产出指标', '★数量' → '数量'."""
    s = _DECOR.sub("", squash(text))
    s = _NUMBERING.sub("", s)
    return _WEIGHT.sub("", s)


def strip_marks(text: str) -> str:
    """A 三级指标 without ★ core marks and "指标1：" numbering (the rest as printed)."""
    s = _DECOR.sub("", text).strip()
    return _NUMBERING.sub("", s).strip()


def marked(text: str) -> bool:
    """Whether strip_marks takes anything out of `text` (a ★ mark, the asterisks of a hint "(≥**人)", "指标1："):
    then the reader keeps the printed cell beside the name it reads (Indicator.spans["printed_level3"])."""
    return strip_marks(text) != text.strip()


@dataclass(frozen=True)
class GlueHints:
    """Words that tell where a cell ends in text that lost its separators (form_glued)."""

    name_ends: tuple[str, ...] = ()
    bases: tuple[str, ...] = ()
    description_starts: tuple[str, ...] = ()  # glue_cues.txt 描述开头
    target_ends: tuple[str, ...] = ()  # glue_cues.txt 目标后缀
    target_starts: tuple[str, ...] = ()  # glue_cues.txt 目标前缀
    blanks: tuple[str, ...] = ()  # glue_cues.txt 空格
    achieved_starts: tuple[str, ...] = ()  # glue_cues.txt 实际开头: a clause stating what was achieved
    goal_verbs: tuple[str, ...] = ()  # glue_cues.txt 目标动词: "绩效目标是全年完成…" opens a list of targets
    list_leads: tuple[str, ...] = ()  # glue_cues.txt 目标引语: "在产出指标方面,要求…" opens one too
    enumeration_leads: tuple[str, ...] = ()  # glue_cues.txt 列举引语: "…设置5个,分别为:" and its colon do too
    worded_ends: tuple[str, ...] = ()  # how a worded target ends (vague_words.txt: 提升, 减轻 …)
    worded_starts: tuple[str, ...] = ()  # how one opens before its verb (有所, 明显, 逐步 … of 有所提升)
    units: tuple[str, ...] = ()  # units.txt's count and money units, longest first ("人次" before "人"), by code point
    place_ends: tuple[str, ...] = ()  # glue_cues.txt 地名后缀: how a place heading ends (镇, 街道办 …), longest first
    section_words: tuple[str, ...] = ()  # glue_cues.txt 指标标题: a report's heading over its targets (绩效指标)
    clause_leads: tuple[str, ...] = ()  # glue_cues.txt 目标前导: a verb opening a target clause (确保 …)
    modal_words: tuple[str, ...] = ()  # glue_cues.txt 目标情态: a modal between a name and its target (应 …)
    heading_ends: tuple[str, ...] = ()  # glue_cues.txt 标题后缀: a category heading's closing words (完成情况)
    comparison_starts: tuple[str, ...] = ()  # glue_cues.txt 比较开头: a clause comparing the figure before it
    subjects: tuple[str, ...] = ()  # glue_cues.txt 报告主语: who a report says did it (我市 …), in no name
    subject_adverbs: tuple[str, ...] = ()  # glue_cues.txt 主语副词: an adverb after such a subject (共 …)
    time_units: tuple[str, ...] = ()  # glue_cues.txt 时间单位: a unit of time a figure is printed with (2 小时)
    base_ends: tuple[str, ...] = ()  # glue_cues.txt 基期结尾: the base a worded target compares with (超上年度)
    worded_openers: tuple[str, ...] = ()  # glue_cues.txt 文字目标开头: how a worded target opens (按规定时限)
    basis_starts: tuple[str, ...] = ()  # glue_cues.txt 依据开头: how a basis citing a standard opens (按, 依据 …)
    basis_kinds: tuple[str, ...] = ()  # target_bases.txt 文件: what such a basis cites (标准, 办法, 规定 …)
    basis_ends: tuple[str, ...] = ()  # glue_cues.txt 依据结尾: what is done by the standard it cites (评价 …)


@dataclass(frozen=True)
class Vocabulary:
    """Names, aliases and header words, read from one lexicon folder."""

    level1: dict[str, str] = field(default_factory=dict)  # key (canonical or alias) → canonical 一级
    level2: dict[str, str] = field(default_factory=dict)  # key → canonical 二级
    parent: dict[str, str] = field(default_factory=dict)  # canonical 二级 → its 一级
    columns: dict[str, str] = field(default_factory=dict)  # header word → role
    titles: dict[str, str] = field(default_factory=dict)  # title word → family (申报表/目标表/自评表)
    facts: dict[str, str] = field(default_factory=dict)  # row label → fact (name, department, goal, …)
    furniture: tuple[str, ...] = ()  # words of the page around a table (footers, signatures): end a block
    typos: tuple[tuple[str, str], ...] = ()  # known misprints (typos.txt): a label is also looked up repaired
    fund_sources: dict[str, str] = field(default_factory=dict)  # funds row label word → source (fund_sources.txt)
    fund_columns: dict[str, str] = field(default_factory=dict)  # funds block header → figure (fund_columns.txt)
    # How cells glued together end and open: an indicator name ends with one of `name_ends` (率, 人数,
    # 标准 … name_units.txt), a 指标值确定依据 is one of `bases` (计划标准 … target_bases.txt).
    glue_hints: GlueHints = field(default_factory=lambda: GlueHints())
    # Labels printed beside a fact, on its line, of fields not read ("金额单位:", "填报日期:"): a value ends there.
    asides: tuple[str, ...] = ()
    # Header words that name a column only as a whole cell ("绩效目标": inside a longer cell, or after
    # a period word, it is a heading of the page): form_columns.txt words written "=绩效目标".
    whole_columns: dict[str, str] = field(default_factory=dict)
    # Level aliases that name a label only as a whole cell, as printed ("=预算管理" in levels.txt): words
    # that prose and indicator names use too ("加强预算管理", "2.财务管理" of a list), so no glued text
    # is cut at them and no numbered item is read as one.  Key → canonical 一级 / 二级.
    whole_level1: dict[str, str] = field(default_factory=dict)
    whole_level2: dict[str, str] = field(default_factory=dict)
    # Cells that label the whole indicator block or a period group, not a row (block_labels.txt).
    blocks: frozenset[str] = frozenset()
    # The words that say which period a heading or a label is for (periods.txt).
    periods: PeriodWords = field(default_factory=PeriodWords)
    # Answers already given, per question and text: a document asks about the same few cells often.
    memo: dict[tuple[str, str], str | None] = field(default_factory=dict, compare=False, repr=False)

    @property
    def wrap_words(self) -> set[str]:
        """Words a cell break may fall inside of (labels, header words, fact labels)."""
        return {*self.level1, *self.level2, *self.columns, *self.facts}

    @cached_property
    def joined_words(self) -> frozenset[str]:
        """What cells wrapped over several lines are joined into: `wrap_words` and the block labels."""
        return frozenset(self.wrap_words | self.blocks)

    @cached_property
    def joined_word_starts(self) -> frozenset[str]:
        """Every beginning of a `joined_words` word short of the whole word: a cell whose text is none
        of them starts no join."""
        return frozenset(w[:i] for w in self.joined_words for i in range(1, len(w)))

    @cached_property
    def word_pattern(self) -> re.Pattern[str] | None:
        """One pattern matching any of `words`, longest first (compiled once per lexicon)."""
        ordered = longest_first(self.words)
        if not ordered:
            return None
        # A short 二级 label ("成本", "时效") where a glued row's last figure ends: "…专款专用10成本每年…".
        short = longest_first(w for w in self.level2 if 2 <= len(w) < 4)
        after_figure = [rf"(?<=\d)(?:{'|'.join(map(re.escape, short))})(?=[\u4e00-\u9fff\d])"] if short else []
        # Every match opens with the first character of a word: said first, so that the engine skips
        # the places no word opens at (a branch opening with a look-behind would make it try every
        # branch at every place, about four times slower on a line; what matches is the same).
        firsts = "".join(sorted({w[0] for w in (*ordered, *short)}))
        return re.compile(f"(?=[{re.escape(firsts)}])(?:{'|'.join([*map(re.escape, ordered), *after_figure])})")

    @cached_property
    def _header_tail(self) -> re.Pattern[str]:
        short = longest_first(w for w, role in self.columns.items() if 2 <= len(w) < 4 and role not in _LEVEL_ROLES)
        return re.compile("|".join([r"[(（](?:[^()（）\d]{1,4}|%)[)）]", *map(re.escape, short)]))

    def header_tail(self, text: str, floor: int, start: int, end: int, limit: int) -> list[tuple[int, int]]:
        """The header word text[start:end] with what is glued to it between `floor` and `limit`: the
        period it is for, before it ("当年预期实现值"), the unit it is counted in ("指标权重(分)") and
        the short header words that follow ("指标得分(分)说明"), each a word of its own.  A word that is
        no header word is returned alone, but a level label keeps the points printed after it in
        brackets ("数量指标(10分)保障人数…": the points are the label's, not the next name's)."""
        if self.columns.get(label_key(text[start:end])) is None:
            points = _LABEL_POINTS.match(text, end, limit) if text[start:end] in self.level2 else None
            return [(start, points.end() if points else end)]
        period = self.periods.label_end.search(text, max(floor, start - self.periods.longest), start)
        out = [(period.start() if period else start, end)]
        while (m := self._header_tail.match(text, out[-1][1], limit)) is not None and m.end() > m.start():
            out[-1:] = [(out[-1][0], m.end())] if m.group()[0] in "(（" else [out[-1], m.span()]
        if _PREFIX_TAIL.fullmatch(text, out[-1][1], limit) and self._begins_a_heading(text[out[-1][0] : limit]):
            # "偏差原因分析 及改进" and nothing more: the longer heading (…及改进措施) wrapped or cut off
            out[-1] = (out[-1][0], len(text[:limit].rstrip()))
        return out

    def _begins_a_heading(self, text: str) -> bool:
        """`text` (white space aside), a header word and what follows it, is or begins a longer header word
        of form_columns.txt (not a level label)."""
        key = squash(text)
        return key in self._heading_starts or self.columns.get(key) not in (None, *_LEVEL_ROLES)

    @cached_property
    def _heading_starts(self) -> frozenset[str]:
        headings = [w for w, role in self.columns.items() if role not in _LEVEL_ROLES]
        return frozenset(w[:k] for w in headings for k in range(2, len(w)))

    @cached_property
    def label_pattern(self) -> re.Pattern[str] | None:
        """One pattern matching the 一级/二级 labels long enough to be cut from the start of a line
        that lost its separators ("质量指标补贴覆盖率…100%"), longest first."""
        ordered = longest_first(w for w in (*self.level1, *self.level2) if len(w) >= 4)
        return re.compile("|".join(map(re.escape, ordered))) if ordered else None

    @cached_property
    def glued_label_pattern(self) -> re.Pattern[str] | None:
        """The 一级/二级 labels that are whole words ending in 指标 ("产出指标", "数量指标"; a shorter key such as
        "数量" also begins ordinary names), longest first: what a name glued after its group's merged labels
        opens with ("质量指标机关事务正常运转率…", kpi_lint.parse.glued_labels)."""
        words = longest_first(w for w in (*self.level1, *self.level2) if len(w) >= 4 and w.endswith("指标"))
        return re.compile("|".join(map(re.escape, words))) if words else None

    @cached_property
    def _header_words(self) -> tuple[dict[str, str], int]:
        """Header words of two characters or more → role ("level" for the labels), and the longest."""
        known = {w: r for w, r in self.columns.items() if len(w) >= 2}
        known.update({w: "level" for w in (*self.level1, *self.level2)})
        return known, max((len(w) for w in known), default=0)

    @cached_property
    def _header_anchors(self) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
        """Patterns of the header words a glued header must hold: a 三级指标 word, a target word."""
        known = self._header_words[0]

        def pattern(roles: set[str]) -> re.Pattern[str] | None:
            words = sorted((w for w, role in known.items() if role in roles), key=len, reverse=True)
            return re.compile("|".join(map(re.escape, words))) if words else None

        return pattern({"level3"}), pattern({"value", "actual"})

    def header_cover(self, text: str) -> list[tuple[int, int]] | None:
        """A header row that lost its separators ("评价指标评价内容指标名称指标说明目标值分值备注"), as
        the (start, end) of the header words that cover it; None when `text` is no such header.

        The words are the column words of form_columns.txt and the level labels, of any length (a
        whole line that is nothing but header words is a header, though 分值 alone would not be).
        It must name a 三级指标 column and a target column, and most of its characters must be words.
        """
        if len(text) > _MAX_GLUED_HEADER or any(ch.isdigit() for ch in text):
            return None
        names, targets = self._header_anchors
        if names is None or targets is None or not names.search(text) or not targets.search(text):
            return None  # no 三级指标 or no target column word in it at all: no cover can name both
        known, longest = self._header_words
        n = len(text)
        # best[i]: (characters left uncovered, words) of the best cover of text[i:]: longer words first
        best: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        step: list[int] = [0] * (n + 1)
        for i in range(n - 1, -1, -1):
            uncovered, words = best[i + 1]
            best[i], step[i] = (uncovered + 1, words), i + 1
            for j in range(min(n, i + longest), i + 1, -1):
                if text[i:j] in known:
                    option = (best[j][0], best[j][1] + 1)
                    if option < best[i]:
                        best[i], step[i] = option, -j
        spans: list[tuple[int, int]] = []
        i = 0
        while i < n:
            j = step[i]
            if j < 0:
                spans.append((i, -j))
                i = -j
            else:
                i = j
        # A two-character word inside an unknown word ("评价指标") is not a header word of its own.
        covered_at = {k for a, b in spans for k in range(a, b)}
        spans = [
            (a, b) for a, b in spans if b - a > 2 or ((a == 0 or a - 1 in covered_at) and (b == n or b in covered_at))
        ]
        roles = {known[text[a:b]] for a, b in spans}
        covered = sum(b - a for a, b in spans)
        if len(spans) < 3 or covered * 10 < n * 6 or "level3" not in roles or not roles & {"value", "actual"}:
            return None
        return spans

    def run_of_column_words(self, text: str) -> list[str] | None:
        """A header cell holding two or more column words run together ("分值得分"), as those words;
        None unless the words cover the cell exactly.  A word may be read out of order ("考值参分指标值(八)":
        参考分值 | 指标值, ``scrambles``), and the last may keep the column's letter in brackets, which is
        left out."""
        s = _COLUMN_LETTER.sub("", label_key(text))
        if len(s) > 24 or len(s) < 4:
            return None
        longest = self._header_words[1]
        # ends[i]: the words of an exact cover of s[:i], fewest first
        ends: dict[int, list[str]] = {0: []}
        for i in range(len(s)):
            if i not in ends:
                continue
            for j in range(i + 2, min(len(s), i + longest) + 1):
                word = s[i:j]
                known = word in self.columns or unscrambled(word, self._column_scrambles) is not None
                if known and j not in ends:
                    ends[j] = [*ends[i], word]
        found = ends.get(len(s))
        return found if found is not None and len(found) >= 2 else None

    @property
    def words(self) -> list[str]:
        """The words text glued together is cut at: labels, header words, fact labels and titles of
        four characters or more (shorter ones stand inside indicator names too), and the labels that
        close a table ("总分", "填报人") whatever their length.  A label is also found as the known
        misprints (typos.txt) make of it ("顼目产出" for 项目产出)."""
        labels = [*self.level1, *self.level2]
        misprinted = [w.replace(right, wrong) for w in labels for wrong, right in self.typos if right in w]
        long_words = [*labels, *misprinted, *self.columns, *self.facts, *self.titles]
        closing = [w for w, fact in self.facts.items() if fact in ("total_score", "end") and len(w) >= 2]
        # A block's side label, glued between two rows: only the longer ones ("绩效指标" stands inside
        # "食品安全指标" and in the notes under a table, "年度指标" in prose).
        blocks = [w for w in self.blocks if len(w) >= _LONG_BLOCK_LABEL]
        return [w for w in long_words if len(w) >= 4] + closing + blocks

    def before_labels(self, text: str) -> str:
        """A fact's value without the labels glued after it: "XX局资金情况(万元)全年预算数(A)…" → "XX局"."""
        value = _AMOUNT_LABEL.sub("", text[: self.label_run_at(text)])
        return _TRAILING_AMOUNT.sub("", value).rstrip(" ，,;；:：")

    def label_run_at(self, text: str) -> int:
        """Where a run of labels glued after a value begins (len(text) when none does): a fact label
        (实施单位, 项目负责人) wherever it stands after the first two characters; a funds word (全年预算数,
        资金总额) only when another label follows it, since a name may end in one."""
        found = [(m.start(), m.group()) for m in self._label_run.finditer(text, 2)]
        end = len(text.rstrip())
        for i, (at, word) in enumerate(found):
            if label_key(word) in self.facts or i + 1 < len(found) or at + len(word) >= end:
                return at
        return len(text)

    @cached_property
    def aside_label(self) -> re.Pattern[str]:
        """An aside label and its colon ("金额单位:"), where the value of a fact before it ends."""
        words = alternation(self.asides) or "(?!)"
        return re.compile(rf"\s*(?:{words})\s*[:：]")

    def is_label_start(self, text: str) -> bool:
        """`text` is a fact label, or the start of one of four characters or more cut by a line wrap
        ("省级业务主管部" of 省级业务主管部门)."""
        key = label_key(text)
        return key in self.facts or (len(key) >= 4 and any(w.startswith(key) for w in self.facts))

    def fact_opening(self, text: str) -> str | None:
        """The longest fact label of four characters or more that `text` begins with ("项目名称农村…")."""
        if self._fact_letters.search(fold(text[:_LONGEST_OPENING])) is None:
            return None  # no label's characters stand in order in the opening: no prefix's key can be one
        for n in range(min(len(text), _LONGEST_OPENING), 3, -1):
            key = label_key(text[:n])
            if len(key) >= 4 and key in self.facts:
                return text[:n]
        return None

    @cached_property
    def _fact_letters(self) -> re.Pattern[str]:
        """Any fact label of four characters or more with its characters in order, anything between them.

        `label_key` only folds characters one for one and leaves characters out (spaces, marks, numbering, a
        weight), so the key of a prefix of a text is a subsequence of the text's folded opening: an opening
        where no label's characters stand in order begins with none (`fact_opening` asks 13 prefixes otherwise)."""
        words = sorted(w for w in self.facts if len(w) >= 4)
        return re.compile("|".join(".*?".join(map(re.escape, w)) for w in words) or "(?!)", re.DOTALL)

    @cached_property
    def _label_run(self) -> re.Pattern[str]:
        words = {w for w in self.facts if len(w) >= 4}
        words |= {w for w in (*self.fund_sources, *self.fund_columns) if len(w) >= 4}
        return re.compile(alternation(words))

    def is_furniture(self, text: str) -> bool:
        found = self.memo.get(("furniture", text), _UNASKED)
        return (self.remember("furniture", text, self._furniture_word) if found is _UNASKED else found) is not None

    def _furniture_word(self, text: str) -> str | None:
        s = squash(text)
        return next((word for word in self.furniture if word in s), None)

    def canonical_level1(self, text: str | None) -> str | None:
        found = self.memo.get(("level1", text or ""), _UNASKED)
        if found is not _UNASKED:
            return found

        def look(t: str) -> str | None:
            found = _lookup(self.level1, t, self.typos, self._level1_starts, self._level1_scrambles)
            return found or self.whole_level1.get(_whole_cell(t))

        return self.remember("level1", text or "", look)

    def canonical_level2(self, text: str | None) -> str | None:
        found = self.memo.get(("level2", text or ""), _UNASKED)
        if found is not _UNASKED:
            return found

        def look(t: str) -> str | None:
            found = _lookup(self.level2, t, self.typos, self._level2_starts, self._level2_scrambles)
            return found or self.whole_level2.get(_whole_cell(t))

        return self.remember("level2", text or "", look)

    def is_level_label(self, text: str) -> bool:
        """`text` names a 一级 or a 二级 (its aliases, weight and marks allowed)."""
        return bool(self.canonical_level1(text) or self.canonical_level2(text))

    def remember(self, question: str, text: str, answer: Callable[[str], str | None]) -> str | None:
        """The answer to `question` about `text`, computed once (the memo is emptied when it grows large)."""
        key = (question, text)
        try:
            return self.memo[key]
        except KeyError:
            pass
        if len(self.memo) > _MEMO_LIMIT:
            self.memo.clear()
        found = self.memo[key] = answer(text)
        return found

    def parent_of(self, level2: str | None) -> str | None:
        return self.parent.get(level2) if level2 else None

    def level2_before(self, level2: str | None) -> str | None:
        """The 二级 the template lists just before `level2` under the same 一级 (数量指标 before 质量指标,
        in levels.txt order); None for the first one, or a name the lists do not know."""
        parent = self.parent_of(level2)
        siblings = [name for name, up in self.parent.items() if up == parent]
        at = siblings.index(level2) if parent and level2 in siblings else 0
        return siblings[at - 1] if at > 0 else None

    def is_wide(self, level1: str | None) -> bool:
        """A 一级 with no 二级 of its own (实施效果指标): the 一级 names under it stand as its 二级."""
        return level1 is not None and level1 not in set(self.parent.values())

    def fund_source(self, text: str) -> str | None:
        """The source a funds row label names ("其中：财政拨款" → 财政拨款), by its longest known word."""
        found = self.memo.get(("fund_source", text), _UNASKED)
        return self.remember("fund_source", text, self._fund_source) if found is _UNASKED else found

    def _fund_source(self, text: str) -> str | None:
        s = BRACKETED.sub("", label_key(text)).rstrip(":：")
        if not s or len(s) > 16:
            return None
        best = self._fund_source_words(s)
        return self.fund_sources[best] if best else None

    def is_form_label(self, text: str) -> bool:
        """`text` is, as a whole, a label of the form rather than a value: a funds row label ("其中:当年财政拨款",
        "上年结转资金"), a funds or indicator column word, a fact label or a 一级/二级 label, with its brackets,
        a leading "其中:" and a period word (当年, 年度) left out.  A word shorter than four characters counts
        only after "其中:" ("中央", "其他" may be a value)."""
        s = BRACKETED.sub("", label_key(text)).rstrip(":：")
        breakdown = _BREAKDOWN.match(s) is not None
        s = self.periods.label_start.sub("", _BREAKDOWN.sub("", s))
        if not s:
            return breakdown
        if len(s) < _SHORTEST_FORM_LABEL and not breakdown:
            return False
        tables = (self.fund_sources, self.fund_columns, self.facts, self.columns, self.level1, self.level2)
        return any(s in table for table in tables)

    @cached_property
    def fund_column_pattern(self) -> re.Pattern[str] | None:
        """One pattern matching the funds block's header words (fund_columns.txt), longest first."""
        ordered = sorted(self.fund_columns, key=len, reverse=True)
        return re.compile("|".join(map(re.escape, ordered))) if ordered else None

    @cached_property
    def rate_words(self) -> tuple[str, ...]:
        """The funds block's header words of the execution rate (fund_columns.txt, figure rate)."""
        return tuple(w for w, figure in self.fund_columns.items() if figure == "rate")

    def fund_column(self, text: str) -> str | None:
        """The figure a funds block header names ("全年执行数（B）" → executed)."""
        s = BRACKETED.sub("", label_key(text))
        return self.fund_columns.get(s)

    def is_label_tail(self, text: str) -> bool:
        """The end of a label whose beginning was printed elsewhere ("对象满意度指标")."""
        key = label_key(text)
        if len(key) < _MIN_PART or key in self.level1 or key in self.level2:
            return False
        return key in self._label_tails

    def begins_label(self, text: str) -> bool:
        """`text` (two characters or more) is the beginning of a 一级/二级 label, or the whole label
        ("效益" of 效益指标): what an excerpt cut inside a label leaves."""
        return len(text) >= 2 and text in self._label_heads

    @cached_property
    def _label_heads(self) -> frozenset[str]:
        """Every beginning of a 一级/二级 label, the label itself included."""
        return frozenset(word[:i] for word in (*self.level1, *self.level2) for i in range(1, len(word) + 1))

    @cached_property
    def _label_tails(self) -> frozenset[str]:
        """Every end of a 一级/二级 label shorter than the label."""
        return frozenset(word[i:] for word in (*self.level1, *self.level2) for i in range(1, len(word)))

    @cached_property
    def _level1_starts(self) -> dict[str, frozenset[str]]:
        return _label_starts(self.level1)

    @cached_property
    def _level2_starts(self) -> dict[str, frozenset[str]]:
        return _label_starts(self.level2)

    @cached_property
    def _level1_scrambles(self) -> dict[str, str]:
        return scrambles(self.level1)

    @cached_property
    def _level2_scrambles(self) -> dict[str, str]:
        return scrambles(self.level2)

    @cached_property
    def _column_scrambles(self) -> dict[str, str]:
        return scrambles(self.columns)

    def column_role(self, text: str) -> str | None:
        """The role of a header cell: the role of the longest header word it contains."""
        found = self.memo.get(("column", text), _UNASKED)
        return self.remember("column", text, self._column_role) if found is _UNASKED else found

    def whole_column_word(self, text: str) -> bool:
        """`text` names a column only by a word that must stand as a whole cell ("=绩效目标"): a header
        word only beside other header words, never alone (a heading of the page)."""
        s = BRACKETED.sub("", label_key(text)) or label_key(text)
        return s not in self.columns and _whole_cell(text) in self.whole_columns

    def _column_role(self, text: str) -> str | None:
        s = BRACKETED.sub("", label_key(text)) or label_key(text)
        if not s or len(s) > 24:
            return None
        if s in self.columns:
            return self.columns[s]
        whole = _whole_cell(text)  # no weight taken off: "绩效目标5分" is a score line
        if whole in self.whole_columns:
            return self.whole_columns[whole]
        bare = self.periods.heading_start.sub("", s)  # "实施周期指标值", "周期指标值": a period before a header word
        if bare and bare != s and bare in self.columns:
            return self.columns[bare]
        dated = YEAR.sub("", s)  # "2021年实际实现值", "预期2022年实现值": the year a column is for
        if dated and dated != s and dated in self.columns:
            return self.columns[dated]
        best = self._column_words(s)
        if best is None or len(best) * 3 < len(s) * 2:  # a cell that merely mentions a header word is not one
            scrambled = unscrambled(s, self._column_scrambles)  # "考值参分": 参考分值 read out of order
            return self.columns[scrambled] if scrambled is not None else None
        return self.columns[best]

    def fact(self, text: str) -> str | None:
        """The fact a row label introduces ("项目名称：" → name), or None.  Signature labels printed as one
        ("经办人及联系电话：", "填报人/联系电话：") close a table as each of them does."""
        s = label_key(text).rstrip(":：")
        if not s or len(s) > 16:
            return None
        found = self.facts.get(s)
        if found is None:
            parts = _JOINED_LABELS.split(s)
            if len(parts) > 1 and all(self.facts.get(p) == "end" for p in parts):
                return "end"
        return found

    def title_family(self, text: str) -> str | None:
        """The form family a title names (申报表 / 目标表 / 自评表), by the longest title word found."""
        found = self.memo.get(("title", text), _UNASKED)
        return self.remember("title", text, self._title_family) if found is _UNASKED else found

    def _title_family(self, text: str) -> str | None:
        best = self._title_words(squash(text))
        return self.titles[best] if best else None

    @cached_property
    def funds_openings(self) -> tuple[str, ...]:
        """What the rest of a funds label opens with after its period word ("年度|资金总额", "中期|财政拨款"): the
        word 资金 or a funds row word of fund_sources.txt, longest first."""
        return longest_first((FUNDS_WORD, *self.fund_sources))

    @cached_property
    def _fund_source_words(self) -> LongestWord:
        return LongestWord(self.fund_sources)

    @cached_property
    def _column_words(self) -> LongestWord:
        return LongestWord(self.columns, shortest=3)

    @cached_property
    def _title_words(self) -> LongestWord:
        return LongestWord(self.titles)


# An amount and its label glued after a unit's name: "XX办事处区级支出预算总量3724.39".
_TRAILING_AMOUNT = lazy_compile(r"[\u4e00-\u9fff]{0,6}(?:总量|总额|合计|金额|预算数|预算)\s*[\d,.]+\s*(?:万元|元)?\s*$")
# The amount unit a funds block's label ends in: "项目资金(万元)" glued after a fact's value.
_AMOUNT_LABEL = lazy_compile(r"(?:项目资金|资金情况|资金|金额)?\s*[(（](?:万元|元)[)）]\s*$")


class LongestWord:
    """The longest of `words` (of `shortest` characters or more) that a text contains, the first listed
    on a tie; words are looked up by their first character at each place of the text, not one by one."""

    def __init__(self, words: Iterable[str], shortest: int = 1) -> None:
        self._by_first: dict[str, list[tuple[int, str]]] = {}
        for order, word in enumerate(words):
            if word and len(word) >= shortest:
                self._by_first.setdefault(word[0], []).append((order, word))

    def __call__(self, text: str) -> str | None:
        best: tuple[int, int, str] | None = None  # (-length, order, word): the smallest wins
        for i, ch in enumerate(text):
            for order, word in self._by_first.get(ch, ()):
                if text.startswith(word, i):
                    found = (-len(word), order, word)
                    if best is None or found < best:
                        best = found
        return best[2] if best else None


def _label_starts(table: dict[str, str]) -> dict[str, frozenset[str]]:
    """A beginning of a label (three characters or more short of it) → the names of the labels it begins."""
    starts: dict[str, set[str]] = {}
    for word, name in table.items():
        for end in range(1, len(word) - 2):
            starts.setdefault(word[:end], set()).add(name)
    return {start: frozenset(names) for start, names in starts.items()}


def scrambles(table: dict[str, str]) -> dict[str, str]:
    """The words of `table` of four characters or more as OCR reads them out of order, each reading to
    its word (a reading two words share is left out).

    A narrow cell wraps a word two or three characters a line ("产出" / "指标"); OCR of such a cell may
    read it column by column instead of line by line: "出标产指" for 产出指标, "益标效指" for 效益指标,
    "考值参分" for 参考分值.  A phrase with its words swapped ("影响可持续") is no such reading."""
    found: dict[str, str | None] = {}
    for word in table:
        if not _SCRAMBLED_MIN <= len(word) <= _SCRAMBLED_MAX:
            continue
        for reading in _column_readings(word):
            if reading != word:
                found[reading] = word if found.get(reading, word) == word else None
    return {reading: word for reading, word in found.items() if word is not None}


def _column_readings(word: str) -> set[str]:
    """`word` written two or three characters a line, read down each column, left to right or right to left."""
    readings: set[str] = set()
    for width in (2, 3):
        lines = [word[i : i + width] for i in range(0, len(word), width)]
        columns = ["".join(line[j] for line in lines if j < len(line)) for j in range(width)]
        readings.update(("".join(columns), "".join(reversed(columns))))
        if width == 2 and len(lines[-1]) == 1:
            # A last line of one character, centred under the two columns, is read in each of them
            # ("全年" / "完成" / "值": "年成值全完值" for 全年完成值).
            both = [column + lines[-1] if j else column for j, column in enumerate(columns)]
            readings.update(("".join(both), "".join(reversed(both))))
    return readings


def unscrambled(text: str, known: dict[str, str]) -> str | None:
    """The word of `known` (``scrambles``) that `text` is a reading out of order of, if any."""
    return known.get(text) if _SCRAMBLED_MIN <= len(text) <= _SCRAMBLED_MAX else None


_SCRAMBLED_MIN, _SCRAMBLED_MAX = 4, 8  # a shorter word read out of order is too often another word


def _lookup(
    table: dict[str, str],
    text: str | None,
    typos: tuple[tuple[str, str], ...] = (),
    starts: dict[str, frozenset[str]] | None = None,
    scrambled: dict[str, str] | None = None,
) -> str | None:
    """A label as printed, else without a parenthetical ("时效指标(工期指标)" → 时效指标), else with a
    known misprint repaired ("日效性指标" → 时效性指标), else with a word printed twice said once
    ("社会效益效益指标"), else read out of order ("出标产指", `scrambled`)."""
    if not text:
        return None
    key = label_key(text)
    found = table.get(key) or table.get(BRACKETED.sub("", key)) or table.get(key.rstrip("等类"))
    if found is None and typos:
        repaired = key
        for wrong, right in typos:
            repaired = repaired.replace(wrong, right)
        if repaired != key:
            found = table.get(repaired) or table.get(BRACKETED.sub("", repaired))
    if found is None and _pair_repeats(key):
        # A word printed twice in a label ("社会效益效益指标"): the label said once.
        once = _DOUBLED.sub(r"\1", key)
        found = table.get(once) or table.get(BRACKETED.sub("", once)) if once != key else None
    if found is None and len(key) >= _MIN_PART:
        # The first part of a label whose end was printed elsewhere ("社会公众或服务" …): the one
        # label it can begin.
        names = (starts if starts is not None else _label_starts(table)).get(key, frozenset())
        found = next(iter(names)) if len(names) == 1 else None
    if found is None and scrambled:
        word = unscrambled(key, scrambled)
        found = table.get(word) if word is not None else None
    return found


def _whole_cell(text: str) -> str:
    """A header cell as a whole-cell word is looked up: decoration and a closing colon left out, nothing else."""
    return _DECOR.sub("", squash(text)).rstrip(":：")


_MIN_PART = 5  # a shorter part of a label is too often a word of its own
_LONG_BLOCK_LABEL = 5  # a block label this long ("项目绩效指标", "年度绩效指标") cuts glued text
_DOUBLED = re.compile(r"(\S{2,}?)\1")  # a word of two characters or more said twice in a row


def _pair_repeats(key: str) -> bool:
    """Some two characters stand twice in `key`: without that no word of two or more is said twice in a
    row (_DOUBLED, whose search is slow on a long key, finds nothing)."""
    pairs = len(key) - 1
    return pairs > 1 and len({key[i : i + 2] for i in range(pairs)}) < pairs


_MEMO_LIMIT = 200_000
# What the memo gives for a question not asked yet: no answer is this very object (the questions asked of
# every cell read the memo at the call, and go through `remember` only the first time).
_UNASKED = "\x00unasked"
_LONGEST_OPENING = 16  # characters of a text a fact label it opens with may take (fact_opening)
_MAX_GLUED_HEADER = 80  # characters: a glued header row is short

_LEVEL_LINE = lazy_compile(r"^(一级|二级)\s+(\S+?)(?:\s*<\s*(\S+))?\s*[:：]\s*(.*)$")


def read_vocabulary(
    levels: list[str],
    columns: dict[str, list[str]],
    titles: dict[str, list[str]],
    facts: dict[str, list[str]] | None = None,
    furniture: list[str] | None = None,
    typos: list[tuple[str, str]] | None = None,
    funds: tuple[dict[str, list[str]], dict[str, list[str]]] | None = None,
    glue_hints: GlueHints | None = None,
    blocks: list[str] | None = None,
    periods: PeriodWords | None = None,
) -> Vocabulary:
    """Build the vocabulary from the entries of levels.txt, form_columns.txt, form_titles.txt, form_facts.txt."""
    level1: dict[str, str] = {}
    level2: dict[str, str] = {}
    parent: dict[str, str] = {}
    whole1: dict[str, str] = {}
    whole2: dict[str, str] = {}
    for line in levels:
        m = _LEVEL_LINE.match(line)
        if not m:
            continue
        tier, name, up, aliases = m.groups()
        table, whole = (level1, whole1) if tier == "一级" else (level2, whole2)
        for key in (name, *aliases.split()):
            if key.startswith("="):
                whole.setdefault(_whole_cell(key[1:]), name)
            else:
                table.setdefault(label_key(key), name)
        if tier == "二级" and up:
            parent[name] = up
    column_words = {label_key(w): role for role, words in columns.items() for w in words if not w.startswith("=")}
    whole_words = {label_key(w[1:]): role for role, words in columns.items() for w in words if w.startswith("=")}
    title_words = {squash(w): family for family, words in titles.items() for w in words}
    facts = dict(facts or {})
    asides = tuple(facts.pop("aside", ()))
    fact_words = {label_key(w): fact for fact, words in facts.items() for w in words}
    sources, figures = funds or ({}, {})
    return Vocabulary(
        level1,
        level2,
        parent,
        column_words,
        title_words,
        fact_words,
        tuple(squash(w) for w in furniture or ()),
        tuple(typos or ()),
        {label_key(w): source for source, words in sources.items() for w in words},
        {label_key(w): figure for figure, words in figures.items() for w in words},
        glue_hints=glue_hints or GlueHints(),
        asides=asides,
        whole_columns=whole_words,
        whole_level1=whole1,
        whole_level2=whole2,
        blocks=frozenset(label_key(w) for w in blocks or ()),
        periods=periods or PeriodWords(),
    )


def longest_first(words: Iterable[str]) -> tuple[str, ...]:
    """The distinct `words`, longest first, words of one length in code-point order: the same order in every
    process (a set's own order follows the string hash seed, which changes from run to run)."""
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


def name_ends(cues: list[str]) -> tuple[str, ...]:
    """How indicator names end: the cue words of name_units.txt and their last two characters
    ("补贴标准" → 标准, "完成时间" → 时间), the noun a longer name ends with too."""
    return longest_first({*cues, *(w[-2:] for w in cues if len(w) > 2)})


def vocabulary_from(directory: Path) -> Vocabulary:
    from kpi_lint.lexicon import read_keyed, read_list, read_pairs

    cues = read_keyed(directory, "glue_cues.txt")
    vague = read_list(directory, "vague_words.txt")
    units = read_keyed(directory, "units.txt")
    return read_vocabulary(
        read_list(directory, "levels.txt"),
        read_keyed(directory, "form_columns.txt"),
        read_keyed(directory, "form_titles.txt"),
        read_keyed(directory, "form_facts.txt"),
        read_list(directory, "page_furniture.txt"),
        read_pairs(directory, "typos.txt"),
        (read_keyed(directory, "fund_sources.txt"), read_keyed(directory, "fund_columns.txt")),
        GlueHints(
            name_ends=name_ends(
                [
                    *(w for words in read_keyed(directory, "name_units.txt").values() for w in words),
                    *cues.get("名称结尾", ()),
                ]
            ),
            bases=tuple(read_keyed(directory, "target_bases.txt").get("标准", ())),
            description_starts=tuple(cues.get("描述开头", ())),
            target_ends=_longer_first(cues.get("目标后缀", ())),
            target_starts=_longer_first(cues.get("目标前缀", ())),
            blanks=tuple(cues.get("空格", ())),
            achieved_starts=_longer_first(cues.get("实际开头", ())),
            goal_verbs=_longer_first(cues.get("目标动词", ())),
            list_leads=_longer_first(cues.get("目标引语", ())),
            enumeration_leads=_longer_first(cues.get("列举引语", ())),
            worded_ends=_longer_first(vague),
            worded_starts=worded_starts(vague),
            units=longest_first(w for kind in ("count", "money") for w in units.get(kind, ())),
            place_ends=_longer_first(cues.get("地名后缀", ())),
            section_words=_longer_first(cues.get("指标标题", ())),
            clause_leads=_longer_first(cues.get("目标前导", ())),
            modal_words=_longer_first(cues.get("目标情态", ())),
            heading_ends=_longer_first(cues.get("标题后缀", ())),
            comparison_starts=_longer_first(cues.get("比较开头", ())),
            base_ends=_longer_first(cues.get("基期结尾", ())),
            worded_openers=_longer_first(cues.get("文字目标开头", ())),
            subjects=_longer_first(cues.get("报告主语", ())),
            subject_adverbs=_longer_first(cues.get("主语副词", ())),
            time_units=_longer_first(cues.get("时间单位", ())),
            basis_starts=_longer_first(cues.get("依据开头", ())),
            basis_kinds=_longer_first(read_keyed(directory, "target_bases.txt").get("文件", ())),
            basis_ends=_longer_first(cues.get("依据结尾", ())),
        ),
        read_list(directory, "block_labels.txt"),
        PeriodWords.from_table(read_keyed(directory, PERIODS_FILE)),
    )


def _longer_first(words: Iterable[str]) -> tuple[str, ...]:
    """`words` longest first, words of one length in their given order (unlike `longest_first`, which also
    drops repeats and orders a length by code point): how the glue hints are tried."""
    return tuple(sorted(words, key=len, reverse=True))


def worded_starts(phrases: list[str]) -> tuple[str, ...]:
    """The openers of worded targets: what stands before another listed word ("有所" of "有所提升")."""
    words = set(phrases)
    found = {
        phrase[: len(phrase) - len(end)]
        for phrase in phrases
        for end in words
        if len(end) >= 2 and len(phrase) - len(end) >= 2 and phrase.endswith(end)
    }
    return longest_first(found)
