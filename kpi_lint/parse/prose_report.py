"""A report written as sentences, with no table at all.

Two shapes are read.  A self-evaluation report states each indicator's target and actual:

    3.时效指标。优抚对象生活补助金每月中旬发放指标为100%实际完成值为100%义务兵家庭优待金…
    (2)成本目标:项目资金投入绩效目标值是10万元,实际完成值为0万元,目标完成率为0%,

each indicator a name, its target after a target word (指标值 / 目标值 / 绩效目标值 / 指标) and 为 / 是,
then its actual after an actual word (实际完成值 / 完成值); a word of three characters or more may stand
right before its figure ("…全年平均数年初任务数101974人,全年完成值103119人;").  A budget explanation lists the targets
it set after each category label, a comparison per clause, its lines wrapped anywhere:

    设 1条数量指标:开通业务月份≥1个月;设 1条质量指标:
    应急运维系统保障率≥80%;…;设 1条满意度指标:职工满意度≥90%。

An evaluation report may list them after a goal label with no category, the next sentence glued
after the last figure:

    (二)绩效目标:道路硬化≥0.565km;项目(工程)验收合格率≥100% ;…;受益建档立卡贫困人口数≥23人改善…

Such a list is read when two or more of its clauses are a name and a comparison; a figure ends at its
unit (the longest unit of units.txt, or Latin letters such as km) when words run on after it.  And a
table flattened with no header reads as such a list after each category label ("数量指标足额保障率
=100% 22.5 科目调整次数≤10次 22.5").

A goal sentence may open such a list with its verb, the clauses a name and its count
("绩效目标是全年完成应急救护普及培训3000人,发展志愿者50人,…", glue_cues.txt 目标动词).  A text read as
a table whose rows are all clauses of such lists takes the listed targets of the categories it has no
row of ("质量指标:项目(工程)验收合格率100%" beside "社会效益指标:…人数≥27人;"), targets_beyond_rows.

The 二级 is the last category label met before an indicator ("时效指标。", "(2)成本目标:").  Read
when no table was found (or one cut before its first row); beside a self-evaluation's one table,
only the categories the table has no row of are taken (categories_beyond_table): its sentences
repeat the table's rows.
Positions are the printed lines and columns (a pinyin gloss taken out of a traditional-character
line moves what follows it, `SourceText.printed_column`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from kpi_lint.han import HAN
from kpi_lint.lazy_re import lazy_compile
from kpi_lint.lexicon import Lexicon, alternation
from kpi_lint.model import Form, Indicator, Located, Project
from kpi_lint.parse.common import make_indicator
from kpi_lint.parse.form_reader import name_from_title
from kpi_lint.parse.numbering import CHINESE_NUMERAL, DIGIT, DIGIT_MARK, NUMBER_STOP, ORDINAL
from kpi_lint.parse.prose_named import (
    NAMED_ITEM,
    bare_name,
    heading_sentences,
    narrative_name_start,
    opens_named,
    semicolon_list,
    sentences,
)
from kpi_lint.read.source import SourceText, fold
from kpi_lint.read.text_grid import double_spaced
from kpi_lint.vocab import COST_LEVEL2, LEVEL2_NAMES, WORDED_SIGNS, GlueHints, Vocabulary, marked, strip_marks

_GLUE = r"\s*(?:为|是|[:：])\s*"
_TEMPLATE_LEVEL2 = frozenset((*LEVEL2_NAMES, *COST_LEVEL2))  # the categories KPI201/KPI202 look for
_FIGURE_START = r"\s*[≥≤=<>≧≦＞＜]?\s*\d"  # a figure, its sign before it
_NUMBERING = lazy_compile(rf"^\s*(?:{DIGIT_MARK}|[(（]{CHINESE_NUMERAL}{{1,2}}[)）])\s*")
# A target stated in a clause: "应急运维系统保障率≥80%", "培训合格率不低于95%", "日常运转定性有效"
# ("定性" says the target is worded: it stands between the name and the words, in neither); a clause
# holding a cell separator ("|", a tab) is a table's text, not a sentence.  A rate's linking verb before
# its sign is in neither ("种苗覆盖率达≥90%": 达 / 达到 after a name ending in 率, 度, 数 or 量).
_STATED = lazy_compile(
    r"^(?P<name>[^≥≤=<>≧≦＞＜|\t]{2,40}?)\s*(?:(?<=[率度数量])达到?\s*(?=[≥≤=<>≧≦＞＜]))?"
    rf"(?:定性|(?=[≥≤=<>≧≦＞＜]|{'|'.join(WORDED_SIGNS)}))"
    r"(?P<value>[^\s|][^|\t]{0,29}?)\s*$"
)
# A comparison sign and a figure right after a label ("服务对象满意度≥80%", "满意度达到≥90%"): the label is
# the name of an item of a list, not a heading.
_SIGNED_FIGURE = r"\s*(?:达到?)?\s*[≥≤=<>≧≦＞＜]=?\s*\d"
# A stated target's figure: its sign and number, and any latin unit ("≥0.565km").
_FIGURE = lazy_compile(r"^[^\d\u4e00-\u9fff]{0,2}\s*\d[\d,]*(?:\.\d+)?\s*[A-Za-z]*")
_TITLE_LENGTH = 60  # a report's title is one short line
_SENTENCE = lazy_compile(r"[。；;，,:：]")  # … with no sentence mark, naming the document it heads
_DOCUMENT = lazy_compile(r"(?:报告|报告书|表)\s*(?:[(（][^()（）]{1,12}[)）])?$")
_GOAL_LIST = 2  # comparisons after a goal label that make it a list of targets
_RUN_ON = lazy_compile(r"[\u4e00-\u9fff]{3}")  # words after a figure and its unit: the next sentence
# Clauses end at a comma or semicolon, or at spaces beside a figure ("=100% 22.5 科目调整次数…").
_CLAUSE_END = lazy_compile(r"[;；,，]|(?<=[\d%‰])\s+|\s+(?=\d)")
# A line opening with an item's number starts a new sentence ("2、效益指标", "(3)", "二、"): no wrap of
# a figure ("5.5万元") opens so.
_LINE_NUMBER = rf"(?:{ORDINAL}、|[(（]{ORDINAL}[)）])"  # "2、", "二、", "(3)", "(二)"
_NUMBERED_LINE = lazy_compile(rf"^\s*{_LINE_NUMBER}")
_HEADING_END = lazy_compile(r"\s*。")  # a label closed by a full stop, nothing after it in its sentence
# A numbered heading printed as a line of its own, no sentence mark or figure after its number ("(二)项目绩效指标").
_HEADING_LINE = lazy_compile(rf"\s*{_LINE_NUMBER}\s*[^。,，;；:：!！?？\d]{{2,20}}")
# A line going on with a figure (not an item's number, "1.产出…"), a sign or a mark.
_WRAPPED_ON = lazy_compile(r"(?!\d{1,2}[.、．](?!\d))[\d≥≤=<>≧≦＞＜%％.,，;；。)）]")
_HEADING_NUMBER = lazy_compile(rf"\s*(?:{ORDINAL}{NUMBER_STOP}|[(（]{ORDINAL}[)）])?\s*")  # "6." "(1)" "二、"
_WORDED_NAME = 30  # a worded statement longer than this is a sentence of the report, not an indicator
_STATEMENT_ENDS = frozenset(",，;；。")  # a worded statement ends at one of these, not at the text's end
_LIST_SEPARATED = lazy_compile(r"[^,，。]*[;；][^,，。]*")  # a sentence of clauses apart by semicolons, no comma
_MAGNITUDE = "[万亿千]"  # before a unit: "1.8万亩" counts 亩 in ten thousands
_TIME_SPAN = "个?工作日|个月|小时|天|周"  # a span of time a target may count in ("3天以内"), no unit of units.txt
# How many indicators a sentence announces right before it enumerates them ("绩效指标设置5个,分别为:",
# "…设置指标5个。分别是:", "设置绩效指标三项,分别为:").
_ANNOUNCED = lazy_compile(rf"指标[^。,，;；:：\d]{{0,6}}?(?P<count>{ORDINAL})\s*[个项条]\s*[。,，;；]?\s*$")
_ANNOUNCED_REACH = 30  # characters before an enumeration word searched for its count
_CHINESE_DIGITS = "一二三四五六七八九"
# The words joining the categories a sentence names ("数量指标、时效指标…和满意度指标"), and what follows the
# run: "5个方面", "等方面", "三个维度".
_CATEGORY_JOINT = r"\s*(?:以及|、|，|,|和|及|与)\s*"
_CATEGORY_SCOPE = rf"\s*等?\s*{ORDINAL}?\s*[个项类]?\s*(?:方面|维度)"
# A label's cell ending where the next cell lists targets apart by semicolons, as a colon opens a list in prose: a
# table giving each category one cell of clauses ("年度绩效总目标 | 产出指标 | 开展文物安全巡查频次8次;…;文物展品安全
# 保障率≥96%。 |").  A row's ordinary cells hold no semicolon, so a table read cell by cell is not taken for lists.
_CELL_LIST = r"(?P<cell>\|)\s*(?=[^|]*[;；])"


@lru_cache(maxsize=4)
def _item_pattern(
    value_words: tuple[str, ...], actual_words: tuple[str, ...], achieved: tuple[str, ...] = ()
) -> re.Pattern[str]:
    """`achieved`: words opening a clause that states in words what was done (glue_cues.txt 实际开头):
    after a comma, such a clause ends the target in place of an actual word and figure ("项目完成时间年初
    指标值为2023年12月底,实际在规定时间内完成"); the item then has no actual."""

    def worded(words: tuple[str, ...]) -> str:
        # A word and 为 / 是 / a colon, or a word of three characters or more and a figure right after
        # it ("年初任务数101974人,全年完成值103119人"): "指标" alone is too common a word to go unglued.
        long = tuple(w for w in words if len(w) >= 3)
        return rf"(?:(?:{alternation(words)}){_GLUE}|(?:{alternation(long) or '(?!)'})(?={_FIGURE_START}))"

    return re.compile(
        rf"(?P<name>[^,，;；。:：!！?？]{{2,40}}?){worded(value_words)}[“\"]?"
        rf"(?P<value>[^,，;；。“”\"]{{1,30}}?)[”\"]?(?:\s*[,，]?\s*{worded(actual_words)}"
        r"(?P<actual>[^,，;；。]{1,30}?)(?=[,，;；。]|\s*$|(?<=%)[\u4e00-\u9fff(（])"
        rf"|\s*[,，]\s*(?={alternation(achieved) or '(?!)'}))"
    )


def _pattern(vocab: Vocabulary) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """The pattern of a stated indicator, and one of the actual words it needs (None: it needs none)."""
    value_words = (*(w for w, role in vocab.columns.items() if role == "value" and len(w) >= 3), "指标")
    actual_words = tuple(w for w, role in vocab.columns.items() if role == "actual" and len(w) >= 3)
    achieved = vocab.glue_hints.achieved_starts
    return _item_pattern(value_words, actual_words, achieved), _any_word((*actual_words, *achieved))


@lru_cache(maxsize=4)
def _any_word(words: tuple[str, ...]) -> re.Pattern[str] | None:
    return re.compile("|".join(map(re.escape, words))) if words else None


@lru_cache(maxsize=4)
def _label_head(
    labels: str,
    goals: tuple[str, ...],
    verbs: tuple[str, ...],
    leads: tuple[str, ...] = (),
    enumerations: tuple[str, ...] = (),
    sections: tuple[str, ...] = (),
) -> re.Pattern[str]:
    """A category label, its colon optional or a lead word a few words on ("在产出指标方面,要求"), or the
    end of its cell when the next cell lists targets apart by semicolons ("产出指标 | 开展巡查频次8次;…"),
    or a goal label and its colon ("(二)绩效目标:"), or a goal word, 是 / 为 and a goal verb a few words on
    ("绩效目标是全年完成"; not "是否…完成"), or a lead word opening a sentence ("。要求…"), or a word
    announcing an enumeration and its colon, anywhere ("绩效指标设置5个,分别为:"), or a section heading over
    the targets, a sentence of its own ("(二)项目绩效指标。", a heading line `_paragraphs` closed)."""
    goal = alternation(goals) or "(?!)"
    verb = "|".join(map(re.escape, verbs)) or "(?!)"
    lead = "|".join(map(re.escape, leads)) or "(?!)"
    enumeration = "|".join(map(re.escape, enumerations)) or "(?!)"
    section = "|".join(map(re.escape, sections)) or "(?!)"
    return re.compile(
        rf"(?P<label>{labels})(?!{_SIGNED_FIGURE})\s*(?:[:：]|{_CELL_LIST}|[^,，。;；:：\d]{{0,3}}[,，]?\s*(?P<lead>{lead}))?"
        rf"|(?:{goal})\s*(?:[:：]|(?:是|为)(?!否)[^,，。;；:：]{{0,6}}?(?P<verb>{verb}))"
        rf"|(?:^|(?<=[。!！?？]))\s*(?P<opening>{lead})"
        rf"|(?P<enumeration>{enumeration})\s*[:：]"
        rf"|(?:^|(?<=[。!！?？])){_HEADING_NUMBER.pattern}(?P<section>{section})\s*(?=。)"
    )


def _count(word: str) -> int:
    """ "5" → 5, "五" → 5, "十二" → 12 (an announced count of indicators, one to nineteen in words)."""
    if word.isdigit():
        return int(word)
    if word.startswith("十"):
        return 10 + (_CHINESE_DIGITS.index(word[1]) + 1 if len(word) > 1 else 0)
    return _CHINESE_DIGITS.index(word[0]) + 1


def _announced_count(folded: str, at: int) -> int | None:
    """The number of indicators announced right before an enumeration word at `at`, or None."""
    m = _ANNOUNCED.search(folded, max(0, at - _ANNOUNCED_REACH), at)
    return _count(m["count"]) if m is not None else None


@lru_cache(maxsize=4)
def _category_run(labels: tuple[str, ...]) -> re.Pattern[str]:
    """Two or more category labels joined in a sentence and closed by 方面 / 维度 ("主要从数量指标、时效指标、
    质量指标、社会效益指标和满意度指标5个方面设置指标5个", "从产出、效益、满意度等方面"): the categories the
    report says its indicators cover.  Labels of two characters count too ("数量、质量"): the run and its
    方面 make them labels."""
    label = alternation(labels) or "(?!)"
    return re.compile(rf"(?P<run>(?:{label})(?:{_CATEGORY_JOINT}(?:{label}))+){_CATEGORY_SCOPE}")


def _named_categories(text: str, vocab: Vocabulary) -> Iterator[tuple[int, str, list[str]]]:
    """Each run of category labels `text` names (`_category_run`): where it begins, its printed words, and its
    categories (canonical 二级, or 一级 where the label is one: "效益"), in the report's order, once each."""
    labels = tuple(w for w in (*vocab.level1, *vocab.level2) if len(w) >= 2)
    for m in _category_run(labels).finditer(fold(text)):
        named: list[str] = []
        for word in re.split(_CATEGORY_JOINT, m["run"]):
            category = vocab.canonical_level2(word) or vocab.canonical_level1(word)
            if category and category not in named:
                named.append(category)
        if len(named) >= 2:
            yield m.start("run"), text[m.start("run") : m.end("run")], named


@dataclass(frozen=True)
class _Item:
    """One indicator a sentence states: its 二级 and its located name, target and actual."""

    level2: str | None
    name: Located
    value: Located | None  # None: the category's target is stated in words, no figure
    actual: Located | None = None
    level1: str | None = None  # a list under a 一级 label ("产出指标:名称20个;") names no 二级
    listed: bool = False  # in a list a label's colon opens ("质量指标:…"), not a flattened table's row
    printed: Located | None = None  # the name as printed, when marks were taken out of it ("(≥**人)", "★")


def report_projects(src: SourceText, lexicon: Lexicon) -> list[Project]:
    """The indicators a report states in sentences, as one project; none when it states none."""
    vocab = lexicon.vocabulary
    form = Form.SELF_EVALUATION
    items = list(_reported_items(src, vocab))
    if items:
        # Categories stated as a list after their label's colon, no target word in it ("4、社会效益指标:
        # 残疾人康复服务水平有所提高;…" after items "…年初指标值为…"), as beside a table (categories_beyond_table).
        held = {item.level2 for item in items}
        listed = _stated_targets(src, vocab, _units(lexicon), listed_only=True)
        items += [item for item in listed if item.level2 and None not in held and item.level2 not in held]
    if not items:
        form, items = Form.TARGET, list(_stated_targets(src, vocab, _units(lexicon)))
    if not items:
        return []
    named = _named_projects(src, vocab, items)
    scopes = _category_scopes(src, vocab)
    if named:
        projects = [Project(name=n.text, form=form, line=n.line, column=n.column, in_prose=True) for n, _, _ in named]
        for project, (_, stated, end) in zip(projects, named, strict=True):
            project.indicators.extend(_indicator(src, project, item, lexicon) for item in stated)
            # … the categories it names between its name and the next project's
            _name_categories(project, [s for s in scopes if project.line <= s[0].line < end])
        return projects
    first = items[0].name
    title = _title(src, first.line)
    project = Project(
        name=title.text if title else "（未命名项目1）",
        form=form,
        line=title.line if title else first.line,
        column=title.column if title else first.column,
        in_prose=True,
    )
    project.indicators.extend(_indicator(src, project, item, lexicon) for item in items)
    _name_categories(project, scopes)
    return [project]


def _category_scopes(src: SourceText, vocab: Vocabulary) -> list[tuple[Located, list[str]]]:
    """The runs of category labels a report names (`_named_categories`), each where it is printed."""
    paragraphs = _paragraphs(src)
    return [
        (Located(printed, *paragraphs.place(at)), named)
        for at, printed, named in _named_categories(paragraphs.text, vocab)
    ]


def _name_categories(project: Project, scopes: list[tuple[Located, list[str]]]) -> None:
    """The first run of categories said of `project`'s indicators, if any (Project.named_categories)."""
    if scopes:
        project.categories_named_at, named = scopes[0]
        project.named_categories = list(named)


@lru_cache(maxsize=4)
def _name_statement(words: tuple[str, ...]) -> re.Pattern[str]:
    """A line opening, after its number, with a project's name word and colon: "(2)项目名称:从业资格考试工作经费
    单位自有资金,主要用于…" → the name, up to the first mark of a sentence."""
    word = alternation(words) or "(?!)"
    # after the item's number a heading opens with ("(2)", "二、", "6."): _HEADING_NUMBER
    return re.compile(rf"^{_HEADING_NUMBER.pattern}(?:{word})\s*[:：]\s*(?P<name>[^,，。;；:：]{{2,40}})")


def _named_projects(src: SourceText, vocab: Vocabulary, items: list[_Item]) -> list[tuple[Located, list[_Item], float]]:
    """A report describing several projects in turn, each opened by its name ("(1)项目名称:单位自有资金,…
    绩效指标设置5个,分别为:…", "(2)项目名称:从业资格考试工作经费…"): each named project with the items stated
    after its name and before the next, when two or more of them state items and none is stated before the
    first name (else the report is one project, as before).  A named project stating no item is left out.
    With each, the line the next name opens (inf for the last): where its text ends."""
    pattern = _name_statement(tuple(w for w, fact in vocab.facts.items() if fact == "name"))
    names: list[Located] = []
    for n, line in enumerate(src.lines, start=1):
        if (m := pattern.match(line)) is not None:
            names.append(Located(m["name"].strip(), n, _printed(src, n, m.start("name"))))
    if len(names) < 2 or items[0].name.line < names[0].line:
        return []
    lines = [name.line for name in names]
    held: list[list[_Item]] = [[] for _ in names]
    for item in items:
        held[bisect_right(lines, item.name.line) - 1].append(item)
    ends: list[float] = [*lines[1:], float("inf")]
    named = [(name, its, end) for name, its, end in zip(names, held, ends, strict=True) if its]
    return named if len(named) >= 2 else []


def categories_beyond_table(src: SourceText, lexicon: Lexicon, project: Project) -> list[Indicator]:
    """A report with a table and sentences, whose sentences state indicators of categories the table
    has no row of (a table of the 数量/质量 targets, then "(1)时效目标:…到位时间绩效目标值是2023年12月前,
    实际完成值为…"): those indicators, for the table's project.  Sentences restating a category the
    table holds are its rows again and give nothing."""
    held = {ind.level2 for ind in project.indicators}
    if None in held:
        return []  # rows of no known category: which categories the table left out cannot be told
    items = [item for item in _reported_items(src, lexicon.vocabulary) if item.level2 and item.level2 not in held]
    return [_indicator(src, project, item, lexicon) for item in items]


@dataclass
class StatedLists:
    """The lists of targets a colon or a goal verb opens in a text (`_stated_targets`, listed_only), read once
    for both questions asked of them: their items, and the 二级 labels whose list no clause of reads as a
    name and a target (`unsplit`)."""

    items: list[_Item]
    unsplit: list[tuple[str, Located]]


def stated_lists(src: SourceText, lexicon: Lexicon) -> StatedLists:
    unsplit: list[tuple[str, Located]] = []
    items = list(_stated_targets(src, lexicon.vocabulary, _units(lexicon), listed_only=True, unsplit=unsplit))
    return StatedLists(items, unsplit)


def targets_beyond_rows(src: SourceText, lexicon: Lexicon, project: Project, lists: StatedLists) -> list[Indicator]:
    """A "table" that is a list of targets in sentences, read where its clauses hold a comparison
    ("社会效益指标:…人数≥27人;"), its lines of a name and a figure glued with none ("质量指标:项目(工程)
    验收合格率100%") left out: when every row read is one the sentences state (same name, same line),
    the stated targets of the categories no row has, for the table's project.  Only lists a colon opens
    count: a table flattened with no header is read as clauses too, and the overview above it
    ("社会效益:…带动受益总人口200人,…") is no list of its targets."""
    held = {ind.level2 for ind in project.indicators}
    if None in held:
        return []
    stated = lists.items
    places = {(item.name.text, item.name.line) for item in stated}
    if not all((ind.level3, ind.span("level3")[0]) in places for ind in project.indicators):
        return []
    return [_indicator(src, project, item, lexicon) for item in stated if item.level2 and item.level2 not in held]


def unsplit_categories(project: Project, lists: StatedLists) -> list[tuple[str, Located]]:
    """The 二级 labels a list of targets opens ("1、产出指标数量指标:石头卧子村新建水房1座、铺设输水管线;…")
    whose clauses state figures the reader could not split into a name and a target, for the categories
    no row of `project` holds: the category is written, not left out (one label each)."""
    held = {ind.level2 for ind in project.indicators}
    first: dict[str, Located] = {}
    for level2, where in lists.unsplit:
        if level2 not in held and level2 in _TEMPLATE_LEVEL2:  # not a scoring heading (资金管理指标)
            first.setdefault(level2, where)
    return list(first.items())


def _title(src: SourceText, before: int) -> Located | None:
    """The project a report's title names ("关于2019年度高其坑通组道路工程绩效评价报告" → 高其坑通组道路工程),
    from the last title-like line before its first indicator (line `before`)."""
    for n in range(min(before, len(src.lines)), 0, -1):
        line = src.lines[n - 1]
        text = line.strip()
        if not text or len(text) > _TITLE_LENGTH or _SENTENCE.search(text) or not _DOCUMENT.search(text):
            continue
        found = name_from_title(Located(text, n, _printed(src, n, len(line) - len(line.lstrip()))))
        if found is not None:
            return found
    return None


def _indicator(src: SourceText, project: Project, item: _Item, lexicon: Lexicon) -> Indicator:
    return make_indicator(
        path=src.path,
        project=project.name,
        form=project.form,
        period=None,
        level1=item.level1 or lexicon.vocabulary.parent_of(item.level2),
        level2=item.level2,
        level3=item.name,
        value=item.value,
        row_line=item.name.line,
        row_column=item.name.column,
        lexicon=lexicon,
        printed_level3=item.printed,
        actual=item.actual,
    )


def _reported_items(src: SourceText, vocab: Vocabulary) -> Iterator[_Item]:
    """Target and actual stated per indicator, line by line ("…指标为100%实际完成值为100%")."""
    items, actual = _pattern(vocab)
    labels = vocab.label_pattern
    level2: str | None = None
    # `folded`: the line with full-width figures read as plain ones (SourceText.norm); cells keep the print.
    for n, (line, folded) in enumerate(zip(src.lines, src.norm, strict=True), start=1):
        at = 0
        if actual is not None and actual.search(folded) is None:
            level2 = _last_label(line, labels, vocab) or level2  # no actual word: no indicator stated
            continue
        for m in _stated_items(items, folded):

            def printed(group: str, m: re.Match[str] = m, line: str = line) -> str:
                return line[m.start(group) : m.end(group)]

            level2 = _last_label(line[at : m.start("name")], labels, vocab) or level2
            at = m.end()
            name = _NUMBERING.sub("", strip_marks(printed("name"))).strip()
            opening = labels.match(name) if labels else None  # "4.成本指标国家规定标准发放指标为…"
            if opening is not None and vocab.canonical_level2(opening.group()):
                level2, name = vocab.canonical_level2(opening.group()), name[opening.end() :].lstrip("。.:：, ，")
            if len(name) < 2:
                continue
            at_name = m.start("name") + len(m["name"]) - len(m["name"].lstrip())
            as_printed = Located(printed("name").strip(), n, _printed(src, n, at_name))
            yield _Item(
                level2,
                Located(name, n, _printed(src, n, at_name + printed("name").strip().find(name))),
                Located(printed("value").strip(), n, _printed(src, n, m.start("value"))),
                Located(printed("actual").strip(), n, _printed(src, n, m.start("actual"))) if m["actual"] else None,
                printed=as_printed if marked(as_printed.text) else None,
            )
        level2 = _last_label(line[at:], labels, vocab) or level2


def _stated_items(items: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The items `items` finds in `text`.  One with no actual figure needs a target word of three characters
    or more ("年初指标值为"): "指标" and a colon is a category label over what follows ("数量指标:完成道路建设
    491米,已完成", "产出时效指标:项目完成时间年初指标值为…"), so the search goes on inside its value."""
    at = 0
    while (m := items.search(text, at)) is not None:
        if m["actual"] is None and len(text[m.end("name") : m.start("value")].strip(' 为是:：“"')) < 3:
            at = m.start("value")
            continue
        yield m
        at = m.end()


def _units(lexicon: Lexicon) -> tuple[str, ...]:
    """Every unit of units.txt, longest first."""
    return tuple(sorted({u for kind in lexicon.units.values() for u in kind}, key=len, reverse=True))


def _figure_end(value: str, units: tuple[str, ...], ends: tuple[str, ...] = ()) -> int:
    """Where a stated figure ends when a sentence runs on after it with no stop: "≥23人改善村基础设施"
    → after "人" (its unit `_unit_pattern`); the whole value when no such run of words follows its number
    and unit."""
    m = _FIGURE.match(value)
    if m is None:
        return len(value)
    end = m.end()
    unit = _unit_at(units, ends).match(value, end)
    end = unit.end() if unit else end
    return end if _RUN_ON.match(value, end) else len(value)


@lru_cache(maxsize=4)
def _unit_at(units: tuple[str, ...], ends: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(_unit_pattern(units, ends))


def _stated_targets(
    src: SourceText,
    vocab: Vocabulary,
    units: tuple[str, ...],
    listed_only: bool = False,
    unsplit: list[tuple[str, Located]] | None = None,
) -> Iterator[_Item]:
    """Targets listed clause by clause after a category label ("质量指标:保障率≥80%;") or a goal label
    ("绩效目标:道路硬化≥0.565km;…"), or a row of a table flattened with no header ("数量指标足额保障率
    =100% 22.5 科目调整次数≤10次 22.5").  `listed_only`: only the lists a colon or a goal verb opens
    (the items `listed`).  `unsplit` gathers the 二级 labels a colon opens, or a label sentence heads
    ("1.数量指标。该项目处治里程8公里,…"), whose list states figures but no clause of it reads as a name and
    a target ("数量指标:石头卧子村新建水房1座、铺设输水管线;…")."""
    if vocab.label_pattern is None:
        return
    paragraphs = _paragraphs(src)
    text = paragraphs.text
    folded = fold(text)  # full-width figures read as plain ones (the same length); items keep the print
    heads = _heads(folded, vocab)
    if not heads:
        return
    achieved = tuple(sorted((w for w, role in vocab.columns.items() if role == "actual"), key=len, reverse=True))
    hints = vocab.glue_hints
    achieved_starts = hints.achieved_starts
    ends = [h.start() for h in heads[1:]] + [len(text)]
    for head, end in zip(heads, ends[: len(heads)], strict=True):
        # Under a goal label the targets are listed with no category ("绩效目标:道路硬化≥0.565km;…").
        level2 = vocab.canonical_level2(head["label"]) if head["label"] else None
        # A 一级 label closed by its colon lists targets with no 二级 ("产出指标:名称20个;").
        level1 = vocab.canonical_level1(head["label"]) if head["label"] and not level2 else None
        # A list a colon or a goal verb opens ("项目目标:…", "绩效目标是全年完成…").
        opened = any(head[k] is not None for k in ("verb", "lead", "cell", "section"))
        colon = head.group().rstrip().endswith((":", "：")) or opened
        # A label standing as a sentence of its own ("6.可持续影响指标。", "1.产出指标完成情况。") heads what follows.
        heading = bool(head["label"] and (level2 or level1) and not colon and _heading(folded, head, hints))
        if head["label"] and level2 is None and (level1 is None or not (colon or heading)):
            continue
        if listed_only and not colon and not (heading and unsplit is not None):
            continue  # a category sentence heading the next is read only for `unsplit` here, never listed
        start = head.end()
        if heading:
            # A category label standing as a sentence of its own heads the next sentence
            # ("6.可持续影响指标。…保障水平≥95%。"): its comparisons are the category's targets.
            start = folded.index("。", start) + 1
        stop = _list_end(folded, start, end, achieved)
        if head["section"] is not None:
            # A section heading's targets are stated anywhere in the paragraph printed under it.
            start = folded.index("。", head.end()) + 1
            stop = paragraphs.line_end(start, end)
        if head["cell"] is not None and "|" in folded[start:stop]:
            stop = folded.index("|", start, stop)  # the list is its cell
        # … and a sentence of clauses set apart by semicolons alone is its list ("(1)数量指标。办理法律援助案件
        # 94件;调解各类纠纷数量1087件;…"), where a name and its count is an item as after a colon; commas
        # join the clauses of a narrative ("该项目处治里程8公里,完成工程量…1820米").
        semicolons = heading and _LIST_SEPARATED.fullmatch(folded, start, stop) is not None
        # … or one sentence per indicator, its name before a colon ("开展工作督导: 一个季度开展工作督导一次,共4次。"),
        # or, after a summary, a sentence of items apart by semicolons ("1.产出指标完成情况。该项指标完成100%。
        # …发生森林火灾3起,低于…控制指标82起;火案查处率100%;…").
        spans = heading_sentences(folded, start, stop, end, paragraphs.line_end(start, end)) if heading else None
        spans = spans or sentences(folded, start, stop)
        listing = {s for s, e in spans if heading and s != start and semicolon_list(folded, s, e)}
        stop = spans[-1][1]
        clauses = [(clause, s in listing) for s, e in spans for clause in _clauses(folded, s, e)]
        listed: list[_Item] = []
        name_ends: list[tuple[int, int]] = []  # each listed item's clause and where its name ends
        unread: list[tuple[int, int, str]] = []  # clauses read as no target: (items before it, where, text)
        for (at, plain), in_list in clauses:
            # A name and its count alone is a target only in a list a colon opens ("项目目标:辅具适配200人,…").
            # … but not a clause stating what was achieved ("实际培训326人次", glue_cues.txt 实际开头), nor one
            # comparing the figure before it with another ("低于…控制指标82起", glue_cues.txt 比较开头).
            counted = (colon or semicolons or in_list) and not (achieved_starts and plain.startswith(achieved_starts))
            counted = counted and not (hints.comparison_starts and plain.startswith(hints.comparison_starts))
            m = _STATED.match(plain) or (_counted(plain, units, hints.target_ends) if counted else None)
            if m is None and colon and level2:
                m = _worded_pattern(hints.worded_starts, hints.worded_ends).match(plain)
            if m is None and level2 and (colon or len(spans) > 1 or opens_named(folded, start)):
                m = NAMED_ITEM.match(plain)  # "开展工作督导:一个季度开展工作督导一次" in a category's list
            if m is None:
                if plain.strip():
                    unread.append((len(listed), at, plain))
                continue
            clause = text[at : at + len(plain)]
            name = bare_name(_NUMBERING.sub("", strip_marks(clause[: m.end("name")])).strip(), hints)
            # A label followed straight by a comparison and a figure is an item named by that label
            # ("服务对象满意度指标:服务对象满意度≥80%").
            named = not vocab.canonical_level2(name) or re.match(_SIGNED_FIGURE, clause[m.end("name") :]) is not None
            if len(name) >= 2 and HAN.search(name) and named:
                value = clause[m.start("value") : m.end("value")].strip()
                value = value[: _figure_end(fold(value), units, hints.target_ends)]
                name_at, value_at = at + clause.find(name), at + m.start("value")
                name_ends.append((at, at + m.end("name")))
                listed.append(
                    _Item(
                        level2,
                        Located(name, *paragraphs.place(name_at)),
                        Located(value, *paragraphs.place(value_at)),
                        level1=level1,
                        listed=colon,
                        printed=_printed_name(clause[: m.end("name")], at, paragraphs),
                    )
                )
        if heading and not semicolons and len(listed) == 1 and len(spans) == 1:
            listed[0] = _whole_sentence_named(listed[0], [c for c, _ in clauses], name_ends[0], text, paragraphs)
        if head["enumeration"] and listed and unread:
            listed = _announced_items(text, head, listed, unread, paragraphs, vocab, achieved_starts)
        if level2 and colon and not listed and not listed_only:
            worded = _worded_statement(text, folded, start, stop, vocab, achieved_starts, paragraphs)
            if worded is not None:
                listed.append(replace(worded, level2=level2))
        # A category whose list (after its colon, or the sentence its label heads: "1.数量指标。该项目处治里程
        # 8公里,完成工程量…1820米") states figures no clause of reads as a name and a target is written, unsplit.
        # (Not the number of the next label's sentence alone: "1.数量指标。2.质量指标。…")
        stated = (colon or heading) and not listed and DIGIT.search(folded, head.end(), stop) is not None
        if heading and _HEADING_NUMBER.fullmatch(folded, start, stop) is not None:
            stated = False
        if unsplit is not None and level2 and stated:
            unsplit.append((level2, Located(head["label"], *paragraphs.place(head.start("label")))))
        if listed_only and not colon:
            continue
        # A goal stated as one comparison is a sentence about the goal; two or more are its list.
        if head["label"] or len(listed) >= _GOAL_LIST:
            yield from listed


def _whole_sentence_named(
    item: _Item, clauses: list[tuple[int, str]], name_end: tuple[int, int], text: str, paragraphs: _Paragraphs
) -> _Item:
    """A heading's narrative sentence whose only comparison closes it, no figure before it ("降低交通事故损失,
    提升公路交通安全保障水平≥95%"): the sentence up to the comparison is the indicator's name."""
    clause_at, end = name_end
    begin = narrative_name_start(clauses, clause_at)
    if begin is None:
        return item
    printed = text[begin:end]
    name = _NUMBERING.sub("", strip_marks(printed)).strip()
    place = paragraphs.place(begin + printed.find(name))
    return replace(item, name=Located(name, *place), printed=_printed_name(printed, begin, paragraphs))


def _announced_items(
    text: str,
    head: re.Match[str],
    listed: list[_Item],
    unread: list[tuple[int, int, str]],
    paragraphs: _Paragraphs,
    vocab: Vocabulary,
    achieved_starts: tuple[str, ...],
) -> list[_Item]:
    """An enumeration whose sentence announces how many indicators it lists ("绩效指标设置5个,分别为:…,职工个税
    正常申报缴纳,…") and has that many clauses: each clause is one of them, so a clause with no figure that reads
    as a name is an indicator stated in words, its target not given (as a category's worded statement,
    `_worded_statement`).  `listed` unchanged when the count is not announced or does not match, or when such a
    clause is no name (a figure, a label, what was achieved, a sentence)."""
    announced = _announced_count(fold(text), head.start())
    if announced is None or len(listed) + len(unread) != announced:
        return listed
    worded: list[tuple[int, _Item]] = []
    for before, at, plain in unread:
        item = _worded_item(text[at : at + len(plain)], at, paragraphs, vocab, achieved_starts)
        if item is None:
            return listed
        worded.append((before, item))
    merged = list(listed)
    for before, item in reversed(worded):
        merged.insert(before, item)
    return merged


def _worded_item(
    clause: str, at: int, paragraphs: _Paragraphs, vocab: Vocabulary, achieved_starts: tuple[str, ...]
) -> _Item | None:
    """A clause with no figure (printed at `at` of the joined text) read as an indicator stated in words, its target
    not given, no 二级 yet; None when it cannot stand as a name (_worded_name)."""
    name = _NUMBERING.sub("", strip_marks(clause)).strip()
    if not _worded_name(name, vocab, achieved_starts):
        return None
    place = paragraphs.place(at + clause.find(name))
    return _Item(None, Located(name, *place), None, listed=True, printed=_printed_name(clause, at, paragraphs))


def _printed_name(printed: str, at: int, paragraphs: _Paragraphs) -> Located | None:
    """A name's clause as printed (from `at` of the joined text), when strip_marks takes marks out of it ("★",
    the asterisks of a hint "(≥**人)"): the row keeps it as `printed_level3` (make_indicator); None otherwise."""
    if not marked(printed):
        return None
    return Located(printed.strip(), *paragraphs.place(at + len(printed) - len(printed.lstrip())))


def _worded_name(name: str, vocab: Vocabulary, achieved_starts: tuple[str, ...]) -> bool:
    """A clause with no figure that can stand as an indicator's name: two Chinese characters or more, no longer
    than a name, no category label, not what was achieved."""
    if DIGIT.search(name) or not (len(HAN.findall(name)) >= 2 and len(name) <= _WORDED_NAME):
        return False
    if vocab.canonical_level2(name):
        return False
    return not (achieved_starts and name.startswith(achieved_starts))


def _heading(folded: str, head: re.Match[str], hints: GlueHints) -> bool:
    """A category label that is a sentence of its own, at most its number before it ("6.可持续影响指标。"), a word
    of glue_cues.txt 标题后缀 after it at most ("1.产出指标完成情况。")."""
    at = head.end()
    at += next((len(w) for w in hints.heading_ends if folded.startswith(w, at)), 0)
    if _HEADING_END.match(folded, at) is None:
        return False
    opened = max(folded.rfind(mark, 0, head.start()) for mark in "。!！?？") + 1
    return _HEADING_NUMBER.fullmatch(folded, opened, head.start()) is not None


def _worded_statement(
    text: str,
    folded: str,
    start: int,
    stop: int,
    vocab: Vocabulary,
    achieved_starts: tuple[str, ...],
    paragraphs: _Paragraphs,
) -> _Item | None:
    """A category label's colon over a list none of whose clauses reads as a name and a target, the first
    with no figure, states the category's indicator in words, its status after it ("质量指标:确保天桥质量,
    已完成;", "时效指标:按时完成建设,随项目进度把控;"): that first clause as an item, no 二级 yet.  None when it is
    no such statement (a figure in it, another label, what was achieved, too short or long for a name, cut
    by the end of the text)."""
    first = next(((at, plain) for at, plain in _clauses(folded, start, stop) if plain.strip()), None)
    if first is None:
        return None
    at, plain = first
    if folded[at + len(plain) : at + len(plain) + 1] not in _STATEMENT_ENDS:
        return None  # the text ends inside it ("社会效益指标:受益学"): a cut statement, no row
    return _worded_item(text[at : at + len(plain)], at, paragraphs, vocab, achieved_starts)


def _heads(folded: str, vocab: Vocabulary) -> list[re.Match[str]]:
    """The category and goal labels that may open a list of targets in a report's joined text."""
    if vocab.label_pattern is None:
        return []
    goals = tuple(sorted(w for w, fact in vocab.facts.items() if fact == "goal"))
    hints = vocab.glue_hints
    head = _label_head(
        vocab.label_pattern.pattern,
        goals,
        hints.goal_verbs,
        hints.list_leads,
        hints.enumeration_leads,
        hints.section_words,
    )
    heads: list[re.Match[str]] = []
    for m in head.finditer(folded):
        if not _inside_name(folded, m, heads[-1].end() if heads else -1):
            heads.append(m)
    return heads


def _inside_name(folded: str, head: re.Match[str], last_end: int) -> bool:
    """A category word with words glued before it and words or a figure after it, no colon or lead word after
    it and no label right before it, is a word of an indicator's name, not a label over a list ("效益指标:项目
    建成后可持续影响年限≥10年", "…文化需求的可持续影响70元": 可持续影响 in the name; but "产出指标数量指标足额保障率…",
    a label after a label, heads its rows)."""
    if not head["label"] or head.end() != head.end("label") or head.start() == last_end:
        return False
    before, after = folded[head.start() - 1 : head.start()], folded[head.end() : head.end() + 1]
    return bool(HAN.match(before) and (HAN.match(after) or after.isdigit()))


def _list_end(text: str, start: int, end: int, achieved: tuple[str, ...]) -> int:
    """Where a list of targets ends: at its sentence's end, or where the report goes on to what was
    achieved ("…假肢安装及基本康复服务21实际完成:资助…230人,…": an actual word and its colon)."""
    stop = text.find("。", start, end)
    stop = stop if stop >= 0 else end
    if achieved:
        m = _achieved_colon(achieved).search(text, start, stop)
        if m is not None:
            stop = m.start()
    return stop


@lru_cache(maxsize=4)
def _achieved_colon(achieved: tuple[str, ...]) -> re.Pattern[str]:
    """An actual word and its colon ("实际完成:")."""
    return re.compile(rf"(?:{'|'.join(map(re.escape, achieved))})\s*[:：]")


@lru_cache(maxsize=4)
def _worded_pattern(starts: tuple[str, ...], ends: tuple[str, ...]) -> re.Pattern[str]:
    """A clause of a category's list that is a name and a worded target, an opener (有所, 明显 …) and a
    verb that ends worded targets ("残疾人康复服务水平有所提高", "…的社会氛围有所改善"; glue_hints)."""
    opener = "|".join(map(re.escape, starts)) or "(?!)"
    verb = alternation(ends) or "(?!)"
    return re.compile(rf"^(?P<name>[^\d≥≤=<>≧≦＞＜|\s]{{2,30}}?[\u4e00-\u9fff])(?P<value>(?:{opener})(?:{verb}))$")


@lru_cache(maxsize=4)
def _unit_pattern(units: tuple[str, ...], ends: tuple[str, ...]) -> str:
    """The unit a department prints after a figure, not only those units.txt lists: a listed one (after a
    magnitude: "1.8万亩"), one of them per another or two ("元/亩", "人/天", "元/生·年", "元/月/人", "/年"), a
    span of time ("3天", "24小时", "5个工作日"), Latin letters ("150km"); a date or a span may close with 前 / 内
    ("12月底前", "3天内"), any with a word of glue_cues.txt 目标后缀 ("3天以内")."""
    unit = "|".join(map(re.escape, units)) or "(?!)"
    end = "|".join(map(re.escape, ends)) or "(?!)"
    one = rf"(?:{unit}|{_TIME_SPAN}|[\u4e00-\u9fff])"
    per = rf"/{one}(?:[/·]{one})?"
    latin = r"[A-Za-z]{1,4}(?:/[A-Za-z\u4e00-\u9fff]{1,2})?"
    return rf"(?:{_MAGNITUDE}?(?:{_TIME_SPAN}|{unit})(?:{per})?(?:前|内)?|{per}|%|‰|{latin})(?:{end})?"


@lru_cache(maxsize=4)
def _counted_pattern(units: tuple[str, ...], ends: tuple[str, ...]) -> re.Pattern[str]:
    """A name and its figure, its unit `_unit_pattern`, or a magnitude alone ("45万"), or a measure word
    units.txt lacks ("80头": a figure closing a clause is followed by its measure word, if by any)."""
    end = "|".join(map(re.escape, ends)) or "(?!)"
    return re.compile(
        r"^(?P<name>[^≥≤=<>≧≦＞＜|\s]{1,40}?[\u4e00-\u9fff)）”\"])(?:(?<=[率度数量])达到?)?"
        rf"(?P<value>\d[\d,]*(?:\.\d+)?(?:{_unit_pattern(units, ends)}|(?:{_MAGNITUDE}|[\u4e00-\u9fff])(?:{end})?)?)$"
    )


def _counted(clause: str, units: tuple[str, ...], ends: tuple[str, ...] = ()) -> re.Match[str] | None:
    """A target stated as a name and its count, no comparison: "辅具适配200人", "试点县数量20个",
    "宣传活动3次以上", "甘蔗良种推广1.8万亩" (a unit after a magnitude, 万 / 亿 / 千), "合格率达100%" (a rate's
    linking verb in neither; glue_cues.txt 目标后缀; a
    sentence's clause, with no space: spaced figures are the cells of a flattened table)."""
    return _counted_pattern(units, ends).match(clause)


def _clauses(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """Each clause of text[start:end] and where it begins."""
    for cut in _CLAUSE_END.finditer(text, start, end):
        yield start, text[start : cut.start()]
        start = cut.end()
    yield start, text[start:end]


@dataclass(frozen=True)
class _Paragraphs:
    """The text with its lines joined within a paragraph (a sentence wraps anywhere, even inside a
    word) and a blank line or a numbered line as a sentence end ("。" put in, placed at the start of
    the next line); `place(i)` is the printed (line, column) of character i, found when asked."""

    src: SourceText
    text: str
    starts: list[int]  # where each joined line's characters begin in `text`
    lines: list[tuple[int, int]]  # … and its (0-based line index, indent)
    stops: dict[int, int]  # a sentence end put in: its place in `text` → the 0-based line it opens

    def line_end(self, i: int, end: int) -> int:
        """Where the printed line holding character i ends in `text` (at most `end`)."""
        k = bisect_right(self.starts, i)
        return min(self.starts[k] if k < len(self.starts) else len(self.text), end)

    def place(self, i: int) -> tuple[int, int]:
        if i in self.stops:
            return self.stops[i] + 1, 1
        k = bisect_right(self.starts, i) - 1
        index, indent = self.lines[k]
        return index + 1, self.src.printed_column(index, indent + i - self.starts[k]) + 1


def _paragraphs(src: SourceText) -> _Paragraphs:
    parts: list[str] = []
    size = 0
    starts: list[int] = []
    lines: list[tuple[int, int]] = []
    stops: dict[int, int] = {}
    last = ""  # the last character of the text so far
    spaced = double_spaced(src.norm)  # then a blank line ends no paragraph
    for index, line in enumerate(src.lines):
        body = line.strip()
        if not body and spaced:
            continue
        if not body or (size and last != "。" and _NUMBERED_LINE.match(body)):
            if size and last != "。":
                parts.append("。")
                stops[size] = index
                size, last = size + 1, "。"
            if not body:
                continue
        starts.append(size)
        lines.append((index, len(line) - len(line.lstrip())))
        parts.append(body)
        size, last = size + len(body), body[-1]
        if _HEADING_LINE.fullmatch(body) and not _goes_on(src.lines, index):
            # "(二)项目绩效指标": a heading is a sentence of its own
            parts.append("。")
            stops[size] = index + 1
            size, last = size + 1, "。"
    return _Paragraphs(src, "".join(parts), starts, lines, stops)


def _goes_on(lines: list[str], index: int) -> bool:
    """The next printed line goes on with a figure or a sign: line `index` is the start of a sentence wrapped
    there ("1、全年完成道路养护里程" ⏎ "120公里,…"), not a heading."""
    after = next((line.strip() for line in lines[index + 1 :] if line.strip()), "")
    return _WRAPPED_ON.match(after) is not None


def _last_label(text: str, labels: re.Pattern[str] | None, vocab: Vocabulary) -> str | None:
    """The 二级 of the last category label in `text` ("3.时效指标。", "(2)成本目标:")."""
    found = [vocab.canonical_level2(m.group()) for m in labels.finditer(text)] if labels else []
    known = [f for f in found if f]
    return known[-1] if known else None


def _printed(src: SourceText, n: int, at: int) -> int:
    """The 1-based printed column of 0-based `at` in line `n` (a gloss taken out moved what follows)."""
    return src.printed_column(n - 1, at) + 1
