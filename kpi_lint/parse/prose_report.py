"""A self-evaluation report written as sentences, with no table at all.

    3.时效指标。优抚对象生活补助金每月中旬发放指标为100%实际完成值为100%义务兵家庭优待金…
    (2)成本目标:项目资金投入绩效目标值是10万元,实际完成值为0万元,目标完成率为0%,

Each indicator is a name, its target after a target word (指标值 / 目标值 / 绩效目标值 / 指标) and 为 / 是,
then its actual after an actual word (实际完成值 / 完成值). The 二级 is the last category label met
before it ("时效指标。", "(2)成本目标:"). Read only when no table was found: a report that has its
table repeats the table's rows in its sentences.

A report may also list its targets after a goal label, one item per clause, each a name glued to its
comparator and figure, with no category label:

    (二)绩效目标:道路硬化≥0.565km;项目(工程)验收合格率≥100% ;受益贫困人口满意度≥96%;受益…数≥23人改善…

Such a list is read when at least two of its clauses are a name, a sign and a number; the figure ends
at its unit (the longest unit word of the lexicon, or a run of Latin letters such as km), so that the
sentence glued after the last figure is not taken as part of it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kpi_lint.lexicon import Lexicon
from kpi_lint.model import Form, Indicator, Located, Project
from kpi_lint.parse.common import make_indicator
from kpi_lint.read.source import SourceText
from kpi_lint.vocab import WORDED_SIGNS, Vocabulary, strip_marks

_GLUE = r"\s*(?:为|是|[:：])\s*"
_NUMBERING = re.compile(r"^\s*(?:[(（]?\d{1,2}[)）.、．]|[(（][一二三四五六七八九十]{1,2}[)）])\s*")


@lru_cache(maxsize=4)
def _item_pattern(value_words: tuple[str, ...], actual_words: tuple[str, ...]) -> re.Pattern[str]:
    def alternation(words: tuple[str, ...]) -> str:
        return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))

    return re.compile(
        rf"(?P<name>[^,，;；。:：!！?？]{{2,40}}?)(?:{alternation(value_words)}){_GLUE}[“\"]?"
        rf"(?P<value>[^,，;；。“”\"]{{1,30}}?)[”\"]?\s*[,，]?\s*(?:{alternation(actual_words)}){_GLUE}"
        r"(?P<actual>[^,，;；。]{1,30}?)(?=[,，;；。]|\s*$|(?<=%)[\u4e00-\u9fff(（])"
    )


# A clause of a listed target: a name, a sign (symbol or word) and a number; the unit is taken after it.
_SIGN = "|".join(map(re.escape, (*WORDED_SIGNS, ">=", "<=", "≥", "≤", "≧", "≦", ">", "<", "=", "＝")))
_LISTED = re.compile(rf"^\s*(?P<name>[^,，。:：!！?？]{{2,40}}?)\s*(?P<value>(?:{_SIGN})\s*\d[\d,]*(?:\.\d+)?)")
_CLAUSES = re.compile(r"[;；]")
_LATIN_UNIT = re.compile(r"[A-Za-z%‰㎡]{1,4}")


def _pattern(vocab: Vocabulary) -> re.Pattern[str]:
    value_words = (*(w for w, role in vocab.columns.items() if role == "value" and len(w) >= 3), "指标")
    actual_words = tuple(w for w, role in vocab.columns.items() if role == "actual" and len(w) >= 3)
    return _item_pattern(value_words, actual_words)


def report_projects(src: SourceText, lexicon: Lexicon) -> list[Project]:
    """The indicators a report states in sentences, as one project; none when it states none."""
    vocab = lexicon.vocabulary
    items = _pattern(vocab)
    labels = vocab.label_pattern
    project = Project(name="（未命名项目1）", form=Form.SELF_EVALUATION, line=1, column=1)
    level2: str | None = None
    for n, line in enumerate(src.lines, start=1):
        at = 0
        if items.search(line) is None:
            project.indicators.extend(_listed_targets(src, project, line, n, lexicon))
        for m in items.finditer(line):
            level2 = _last_label(line[at : m.start("name")], labels, vocab) or level2
            at = m.end()
            name = _NUMBERING.sub("", strip_marks(m["name"])).strip()
            opening = labels.match(name) if labels else None  # "4.成本指标国家规定标准发放指标为…"
            if opening is not None and vocab.canonical_level2(opening.group()):
                level2, name = vocab.canonical_level2(opening.group()), name[opening.end() :].lstrip("。.:：, ，")
            if len(name) < 2:
                continue
            at_name = m.start("name") + len(m["name"]) - len(m["name"].lstrip())
            column = _printed(src, n, at_name)
            ind = make_indicator(
                path=src.path, project=project.name, form=project.form, period=None,
                level1=vocab.parent_of(level2), level2=level2,
                level3=Located(name, n, _printed(src, n, at_name + m["name"].strip().find(name))),
                value=Located(m["value"].strip(), n, _printed(src, n, m.start("value"))),
                row_line=n, row_column=column, lexicon=lexicon,
                actual=Located(m["actual"].strip(), n, _printed(src, n, m.start("actual"))),
            )
            project.indicators.append(ind)
        level2 = _last_label(line[at:], labels, vocab) or level2
    if not project.indicators:
        return []
    first = project.indicators[0]
    project.line, project.column = first.line, first.column
    return [project]


def _last_label(text: str, labels: re.Pattern[str] | None, vocab: Vocabulary) -> str | None:
    """The 二级 of the last category label in `text` ("3.时效指标。", "(2)成本目标:")."""
    found = [vocab.canonical_level2(m.group()) for m in labels.finditer(text)] if labels else []
    known = [f for f in found if f]
    return known[-1] if known else None


def _listed_targets(src: SourceText, project: Project, line: str, n: int, lexicon: Lexicon) -> list[Indicator]:
    """The targets a goal label lists in clauses ("绩效目标:道路硬化≥0.565km;…"), none unless two or more."""
    vocab = lexicon.vocabulary
    start = _goal_label_end(line, vocab)
    if start is None:
        return []
    found: list[tuple[int, str, int, str]] = []
    at = start
    for part in _CLAUSES.split(line[start:]):
        m = _LISTED.match(part)
        if m is not None:
            value = m["value"] + _unit_after(part[m.end() :], lexicon)
            name = _NUMBERING.sub("", strip_marks(m["name"])).strip()
            if len(name) >= 2:
                found.append((at + m.start("name") + max(m["name"].find(name), 0), name, at + m.start("value"), value))
        at += len(part) + 1
    if len(found) < 2:
        return []
    return [
        make_indicator(
            path=src.path, project=project.name, form=project.form, period=None, level1=None, level2=None,
            level3=Located(name, n, _printed(src, n, name_at)),
            value=Located(value.strip(), n, _printed(src, n, value_at)),
            row_line=n, row_column=_printed(src, n, name_at), lexicon=lexicon,
        )
        for name_at, name, value_at, value in found
    ]


def _goal_label_end(line: str, vocab: Vocabulary) -> int | None:
    """Where the list after a goal label ("(二)绩效目标:") starts in `line`, or None."""
    for m in re.finditer(r"[:：]", line):
        head = _NUMBERING.sub("", line[: m.start()])
        if vocab.fact(head) == "goal":
            return m.end()
    return None


def _unit_after(text: str, lexicon: Lexicon) -> str:
    """The unit that opens `text` (the longest unit word of the lexicon, or Latin letters such as km)."""
    latin = _LATIN_UNIT.match(text)
    if latin is not None:
        return latin.group()
    words = [w for kind_words in lexicon.units.values() for w in kind_words if text.startswith(w)]
    return max(words, key=len) if words else ""


def _printed(src: SourceText, n: int, at: int) -> int:
    """The 1-based printed column of 0-based `at` in line `n` (a gloss taken out moved what follows)."""
    return src.printed_column(n - 1, at) + 1
