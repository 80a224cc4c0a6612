"""KPI205 template-placeholder."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from kpi_lint.model import Document, Indicator, Located, ParsedValue, Project, places_of
from kpi_lint.parse.numbering import INDICATOR_NUMBER, NUMBER_END
from kpi_lint.penalty import Dimension, Penalty
from kpi_lint.rules.base import Finding, Rule, Severity
from kpi_lint.rules.target.common import clean
from kpi_lint.vocab import squash, strip_marks

PLACEHOLDERS = "placeholders.txt"
# The template's hint "（≥**%）" printed in the name, with or without its asterisks: a comparator
# followed by a unit and no figure ("(≥%)", "（≥人次）", "(≤元/株)", "≥**人").
_UNIT = r"(?P<unit>%|％|[\u4e00-\u9fff]{1,3}(?:/[\u4e00-\u9fff·]{1,3})?)"
_COMPARATOR = r"(?P<comparator>[≥≤＞＜><]=?|不低于|不高于)"
_HINT = re.compile(r"[(（]?\s*" + _COMPARATOR + r"\s*[*＊]*\s*" + _UNIT + r"\s*[)）]")
_HINT_BARE = re.compile(r"(?:[≥≤＞＜><]=?)\s*[*＊]+\s*(?:%|％|[\u4e00-\u9fff]{1,3})")
# The same hint printed without brackets at the end of the name ("受益建档立卡贫困人口数≥**人", read without its
# asterisks as "…数≥人"): a symbol comparator, then a unit units.txt knows (so "成本≤预算" is no hint), nothing after.
_HINT_END = re.compile(r"(?P<comparator>[≥≤＞＜><]=?)\s*[*＊]*\s*" + _UNIT + "$")
# A run of asterisks standing for part of a figure or a code ("≤****000元", "THXCG****0059"): a mask, never the
# template's hint, which stands for the whole figure ("≥**人").
_MASKED_FIGURE = re.compile(r"\d[*＊]{2,}|[*＊]{2,}\d")
_ASTERISKS = re.compile(r"[*＊]{2,}")
_SIGNS = {">=": "≥", "<=": "≤", ">": "＞", "<": "＜"}  # the hint's comparator as a target writes it
# A 三级指标 that is only the template's numbering: "指标2", "指标2：".
_NUMBER_ONLY = re.compile(rf"^{INDICATOR_NUMBER}\s*{NUMBER_END}?$")
_FIELDS = (("level3", "三级指标"), ("value", "指标值"), ("description", "绩效指标描述"))
HINT = "（≥**）"  # the value hint left in a name whose row has no written target
HINT_LEFT = "（≥**）已填值"  # the same hint beside a full target: a leftover of the template, to delete
HINT_CARRY = "（≥**）裸数"  # …beside a bare figure whose comparator and unit only the hint carries ("(≥%) | 85")
_LACKING_SHOWN = 3  # the places named whose unit only the hint carries
MASKED = "遮去"  # asterisks in a value of a document that masks its other fields too: redacted, not unfilled
_MASK_TOKENS = ("**", "＊＊")  # placeholders.txt's asterisk entries: a mask in a redacted document


@dataclass
class _Hit:
    token: str  # what was left in
    where: str  # which field ("三级指标", "总体目标")
    text: str  # the text it was found in
    line: int
    column: int
    anchor: str | None
    indicator: Indicator | None
    # A full target whose unit only the name's hint carries (">=85" under "(≥%)"): the value with that unit written
    # in ("≥85%"); None elsewhere.
    unit_written: str | None = None


class TemplatePlaceholder(Rule):
    """表格模板的占位符没有替换：“（≥**%）”“XX”“……”“目标内容1”、只有编号的“指标2”。

    默认级别：warning。

    **做什么**

    在三级指标、指标值、绩效指标描述、总体目标和绩效目标里，找填报模板留下的提示
    字样（``lexicons/placeholders.txt``：``**``、XX、××、……、目标内容、请填写），
    指标名称里只有比较符和单位、没有数字的提示（“苗木成活率（≥**%）”“（≥人）”），
    以及只写编号、没有名称和指标值的行（“指标2”）。同一项目里同一种占位符只报一次，
    写明出现次数和行号。

    名称里的提示（带括号的“(≥**人)”，或写在名称末尾、不带括号的“≥**人”）旁边，指标值已经是完整的目标
    （值解析器读出比较符，或数字带单位：“>=21933人”“≤1125万元”）时，提示只是模板的遗留：报为提示 info，
    说删去即可，不说“未写实”；其中有指标值写了比较符、单位却只在提示里的（“种植作物成活率(≥**%) | >=85”，
    “补助成本(≤**元/株) | ≤28.40/株”），删去提示会丢掉单位：消息逐处写出这些位置和补上单位后的值（“≥85%”），
    报为警告；指标值只有数字、比较符和单位只在提示里（“苗木成活率(≥**%) | 85”）时，
    说把提示的比较符和单位写进指标值，并给出结果（“≥85%”）；指标值为空或是占位符时，仍按“未写实”报告。

    文件自己把别的内容也用星号遮去了——主管部门及代码、实施单位、立项依据这些模板从不用星号提示的栏目
    （“[055]****”），或数字、编码的一部分（“≤****000元”）——说明这是公开前的脱敏，不是没填的模板：
    指标里被遮去的值只报一条提示 info（无法核查），总体目标里被遮去的字不报。出现多处时，按行号顺序列出。

    **为什么不好**

    占位符说明表格是照模板填的，没有逐项写实：“（≥**%）”本应换成具体的目标值，
    “指标2”一行什么也没说，“目标内容1”是模板的提示语。财预〔2015〕88号要求绩效
    目标完整、具体；留着占位符的表，审核时既看不出目标，也说明填报没有复核。

    **示例**（corpus/wild/a10，湖南 2018 年市级专项扶贫资金；003 的绩效目标“1.目标内容1”）::

        满意度指标 | 服务对象满意度指标 | 旅游行业经营主体满意度(≥**%) | >=90%
        绩效目标   | 1.目标内容1

    **改为**::

        满意度指标 | 服务对象满意度指标 | 旅游行业经营主体满意度 | ≥90%
        绩效目标   | 1.2023年完成全县医保经办窗口改造12个，群众办事满意度不低于95%
    """

    code = "KPI205"
    name = "template-placeholder"
    title_zh = "模板占位符未替换"
    penalty = Penalty(Dimension.COMPLETENESS, 3, 9)
    severity = Severity.WARNING
    family = "completeness"

    def check_project(self, project: Project, doc: Document) -> Iterator[Finding]:
        tokens = tuple(squash(t) for t in self.lexicon.words(PLACEHOLDERS))
        hits: list[_Hit] = []
        for ind in project.indicators:
            hits += self._in_indicator(ind, tokens, project.cut_cell)
        texts = [(f"{period}总体目标" if period else "总体目标", loc) for period, loc in project.goals.items()]
        if project.target_text is not None:
            texts.append(("绩效目标", project.target_text))
        for where, loc in texts:
            token = _token_in(loc.text, tokens)
            if token:
                hits.append(_Hit(token, where, loc.text, loc.line, loc.column, loc.anchor, None))
        evidence = _masking_evidence(doc) if any(h.token in _MASK_TOKENS for h in hits) else None
        if evidence is not None:
            # The document masks its own fields: its asterisks hide what was written. A masked value cannot be
            # checked (an info); a masked word in the goal prose ("完成**日常执法") hides nothing a rule checks.
            hits = [_masked(h) for h in hits if h.token not in _MASK_TOKENS or h.indicator is not None]
        groups: dict[str, list[_Hit]] = {}
        for hit in hits:
            groups.setdefault(hit.token, []).append(hit)
        for token, group in groups.items():
            if token == MASKED:
                assert evidence is not None
                yield self._masked_finding(doc, project, group, evidence)
            else:
                yield self._finding(doc, project, token, group)

    def _in_indicator(self, ind: Indicator, tokens: tuple[str, ...], cut_cell: tuple[int, int] | None) -> list[_Hit]:
        hits = []
        for field, label in _FIELDS:
            text = getattr(ind, field)
            if not text:
                continue
            token = None
            unit_written = None
            hint = self._hint(text) if field == "level3" else None
            if hint is not None:
                token = HINT_LEFT if full_target(ind.parsed) else HINT_CARRY if bare_figure(ind.parsed) else HINT
                cut = cut_cell is not None and ind.span("value") == cut_cell  # b02 ">=9" where the text stops
                if token == HINT_LEFT and ind.parsed is not None and not cut and unit_only_in_hint(ind.parsed, hint[1]):
                    unit_written = with_unit(ind.value or "", ind.parsed, hint[1])
                text = hint_as_printed(text, ind.spans.get("printed_level3"))
            token = token or _token_in(text, tokens)
            if token is None and field == "level3" and _NUMBER_ONLY.match(squash(text)) and not clean(ind.value):
                token = "只有编号的指标"
            if token is not None:
                line, column = ind.span(field)
                hits.append(_Hit(token, label, str(text), line, column, ind.anchor(field), ind, unit_written))
        return hits

    def _hint(self, name: str) -> tuple[str, str] | None:
        """The template's value hint in a name — its comparator and unit ("(≥%)" → ("≥", "%")) — or None."""
        text = squash(name)
        found = _HINT.search(text)
        if found is not None:
            return found["comparator"], found["unit"]
        end = _HINT_END.search(text)
        if end is not None and self.lexicon.unit_kind(end["unit"]) is not None:
            return end["comparator"], end["unit"]
        return ("", "") if _HINT_BARE.search(text) else None

    def _finding(self, doc: Document, project: Project, token: str, group: list[_Hit]) -> Finding:
        first = group[0]
        count = _count(group)
        if token == HINT_CARRY:
            return self._carry_finding(doc, project, first, count)
        if token == HINT_LEFT:
            return self._left_finding(doc, project, group, count)
        if token == HINT:
            what = f"{first.where}里留着模板的取值提示（比较符和单位，没有数字），如“{_text(first)}”"
            fix = "把提示删去，目标值写在指标值一栏"
        elif token == "只有编号的指标":
            what = f"“{_text(first)}”一行只有模板编号，没有指标名称和指标值"
            fix = "填上具体指标，或删去这一行"
        else:
            what = f"{first.where}里留着模板占位符“{token}”：“{_text(first)}”"
            fix = "换成实际内容"
        message = f"{what}{count}。占位符说明表格照模板填写而未写实，应{fix}。"
        if first.indicator is not None:
            field = {"三级指标": "level3", "指标值": "value", "绩效指标描述": "description"}[first.where]
            return self.finding(doc, message, project=project, indicator=first.indicator, span=field)
        finding = self.finding(doc, message, project=project, line=first.line, column=first.column)
        finding.anchor = first.anchor
        return finding

    def _left_finding(self, doc: Document, project: Project, group: list[_Hit], count: str) -> Finding:
        """Hints beside full targets: a leftover to delete (an info) — except where a value carries its comparator
        but its unit only in the hint (g08 "种植作物成活率(≥**%) | >=85", "补助成本(≤**元/株) | ≤28.40/株"): deleting
        the hint there loses the unit, so those places are named with the unit written in (a warning)."""
        first = group[0]
        lacking = sorted((h for h in group if h.unit_written), key=lambda h: (h.line, h.column))
        whole = [h for h in group if not h.unit_written]
        shown = "、".join(f"“{_text(h)}”的“{_value(h)}”应写成“{h.unit_written}”" for h in lacking[:_LACKING_SHOWN])
        more = f"等 {len(lacking)} 处" if len(lacking) > _LACKING_SHOWN else ""
        if not whole:
            message = (
                f"三级指标里留着模板的取值提示，如“{_text(first)}”{count}；指标值写了比较符和数字，单位却只在名称的"
                f"提示里：{shown}{more}。应把单位写进指标值，再删去名称里的提示。"
            )
        else:
            message = (
                f"三级指标里留着模板的取值提示，如“{_text(whole[0])}”{count}。指标值已写明（“{_value(whole[0])}”），"
                "名称里的提示只是模板的遗留，删去即可"
                + (
                    f"；但有 {len(lacking)} 处指标值的单位只在提示里，删去前先写进指标值：{shown}{more}。"
                    if lacking
                    else "。"
                )
            )
        return self.finding(
            doc,
            message,
            project=project,
            indicator=first.indicator,
            span="level3",
            severity=Severity.WARNING if lacking else Severity.INFO,
            suggestion=lacking[0].unit_written if lacking and not whole else None,
        )

    def _carry_finding(self, doc: Document, project: Project, first: _Hit, count: str) -> Finding:
        """Bare figures under a hint: the target is written, only its comparator and unit stand in the name."""
        assert first.indicator is not None
        figure = (first.indicator.value or "").strip()
        comparator, unit = self._hint(first.indicator.level3 or "") or ("", "")
        carried = f"{_SIGNS.get(comparator, comparator)}{figure}{unit}"
        message = (
            f"三级指标里留着模板的取值提示，如“{_text(first)}”{count}；指标值只写了数字（“{figure}”），比较符和单位"
            f"只在名称的提示里。应把提示的比较符和单位写进指标值（“{carried}”），再删去名称里的提示。"
        )
        return self.finding(
            doc, message, project=project, indicator=first.indicator, span="level3", suggestion=carried or None
        )

    def _masked_finding(self, doc: Document, project: Project, group: list[_Hit], evidence: Located) -> Finding:
        """Values masked in a document that masks its other fields too: redacted, so not checkable here."""
        first = group[0]
        assert first.indicator is not None
        field = {"三级指标": "level3", "指标值": "value", "绩效指标描述": "description"}[first.where]
        message = (
            f"{first.where}“{_text(first)}”用“*”遮去了部分内容{_count(group)}：本文件也遮去了其他内容"
            f"（{evidence.place}“{_quote(evidence.text)}”），是公开前的脱敏，不是没有填写的模板；"
            "遮去的目标值无法核查，只作提示。"
        )
        return self.finding(
            doc, message, project=project, indicator=first.indicator, span=field, severity=Severity.INFO
        )


def hint_as_printed(name: str, printed: Located | None) -> str:
    """`name` with its hint as the document prints it.  The reader takes every asterisk out of a name with the ★
    marks and the "指标1：" numbering (strip_marks), so "苗木成活率(≥**%)" is read as "苗木成活率(≥%)"; the printed
    cell it keeps (`printed_level3`) gives the hint back — only the hint, not the marks and numbering it took out
    on purpose ("★★★农村低保发放人数(按月平均)(≥**人)" → "农村低保发放人数(按月平均)(≥**人)").  `name` unchanged when
    nothing was taken out or the printed cell holds no hint that reads as the name's."""
    if printed is None:
        return name
    for pattern in (_HINT, _HINT_END):
        read = pattern.search(name)
        if read is None:
            continue
        same = (h for h in pattern.finditer(printed.text) if squash(strip_marks(h.group())) == squash(read.group()))
        hint = next(same, None)
        if hint is None:
            return name
        # a cell wrapped inside its hint ("(≥**\n人)"): joined as the reader joins the name's lines
        joined = "".join(part.strip() for part in hint.group().splitlines())
        return name[: read.start()] + joined + name[read.end() :]
    return name


def full_target(parsed: ParsedValue | None) -> bool:
    """The value parser reads a whole target: a figure with a comparator or with its unit (">=21933人", "≤1125万元",
    "≥90%"), not a bare figure whose unit only the name's hint carries ("85" under "(≥人)") nor text."""
    if parsed is None or parsed.number is None or parsed.kind in ("empty", "qualitative"):
        return False
    return parsed.comparator is not None or bool(parsed.unit)


def bare_figure(parsed: ParsedValue | None) -> bool:
    """A figure alone, without comparator or unit ("85", "22.8"): under a name's hint, the hint carries the rest."""
    return (
        parsed is not None
        and parsed.number is not None
        and parsed.kind == "number"
        and parsed.comparator is None
        and not parsed.unit
    )


def unit_only_in_hint(parsed: ParsedValue, unit: str) -> bool:
    """A target whose unit is the name's hint's and is not in the value: no unit (">=85" under "(≥%)"), or only the
    per-unit part of it ("≤28.40/株" under "(≤元/株)"). A unit of another scale ("≥80元" under "(≥万元)") is a unit."""
    own = parsed.unit or ""
    if not unit:
        return False
    return not own or (own.startswith("/") and own != unit and unit.endswith(own))


def with_unit(value: str, parsed: ParsedValue, unit: str) -> str:
    """The value with the hint's unit written in: ">=85" + "%" → "≥85%", "≤28.40/株" + "元/株" → "≤28.40元/株"."""
    text = value.strip()
    for sign, symbol in _SIGNS.items():
        if text.startswith(sign):
            text = symbol + text[len(sign) :]
            break
    own = parsed.unit or ""
    if own and text.endswith(own):
        return text[: -len(own)] + unit
    return text + unit


def _masking_evidence(doc: Document) -> Located | None:
    """Where the document masks a field with asterisks that no template hints with them — who is responsible,
    the code, the basis, the project's overview ("主管部门及代码 | [055]****", "实施单位 | ****") — or part of
    a figure or code anywhere ("≤****000元"): the document is redacted. None when it shows no such thing."""
    for project in doc.projects:
        # not the title: a template may hint its year there ("20**年度")
        facts = (project.department, project.implementer, project.legal_basis, project.overview)
        for loc in facts:
            if loc is not None and _ASTERISKS.search(loc.text):
                return loc
    for project in doc.projects:
        for ind in project.indicators:
            for name in ("value", "actual", "description"):
                loc = ind.spans.get(name)
                if loc is not None and _MASKED_FIGURE.search(loc.text):
                    return loc
    return None


def _masked(hit: _Hit) -> _Hit:
    return replace(hit, token=MASKED) if hit.token in _MASK_TOKENS else hit


def _count(group: list[_Hit]) -> str:
    """ "，共 N 处，在第24、32行" (the places in reading order), or "" for one place."""
    if len(group) < 2:
        return ""
    ordered = sorted(group, key=lambda h: (h.line, h.column))
    return f"，共 {len(group)} 处，在{places_of([(h.line, h.anchor) for h in ordered])}"


def _value(hit: _Hit) -> str:
    return (hit.indicator.value or "").strip() if hit.indicator is not None else ""


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 20 else text[:20] + "…"


def _token_in(text: str, tokens: tuple[str, ...]) -> str | None:
    s = squash(text)
    return next((t for t in tokens if t and t in s), None)


def _text(hit: _Hit) -> str:
    text = " ".join(hit.text.split())
    return text if len(text) <= 30 else text[:30] + "…"
