"""A self-evaluation report written as sentences, with no table at all.

    3.时效指标。优抚对象生活补助金每月中旬发放指标为100%实际完成值为100%义务兵家庭优待金…
    (2)成本目标:项目资金投入绩效目标值是10万元,实际完成值为0万元,目标完成率为0%,

Each indicator is a name, its target after a target word (指标值 / 目标值 / 绩效目标值 / 指标) and 为 / 是,
then its actual after an actual word (实际完成值 / 完成值). The 二级 is the last category label met
before it ("时效指标。", "(2)成本目标:"). Read only when no table was found: a report that has its
table repeats the table's rows in its sentences.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kpi_lint.lexicon import Lexicon
from kpi_lint.model import Form, Located, Project
from kpi_lint.parse.common import make_indicator
from kpi_lint.read.source import SourceText
from kpi_lint.vocab import Vocabulary, strip_marks

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
        for m in items.finditer(line):
            level2 = _last_label(line[at : m.start("name")], labels, vocab) or level2
            at = m.end()
            name = _NUMBERING.sub("", strip_marks(m["name"])).strip()
            opening = labels.match(name) if labels else None  # "4.成本指标国家规定标准发放指标为…"
            if opening is not None and vocab.canonical_level2(opening.group()):
                level2, name = vocab.canonical_level2(opening.group()), name[opening.end() :].lstrip("。.:：, ，")
            if len(name) < 2:
                continue
            column = m.start("name") + len(m["name"]) - len(m["name"].lstrip()) + 1
            ind = make_indicator(
                path=src.path, project=project.name, form=project.form, period=None,
                level1=vocab.parent_of(level2), level2=level2,
                level3=Located(name, n, column + m["name"].strip().find(name)),
                value=Located(m["value"].strip(), n, m.start("value") + 1),
                row_line=n, row_column=column, lexicon=lexicon,
                actual=Located(m["actual"].strip(), n, m.start("actual") + 1),
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
