"""Layout-independent pieces every table parser uses."""

from __future__ import annotations

import re

from kpi_lint import vocab
from kpi_lint.lexicon import Lexicon
from kpi_lint.model import Form, Indicator, Located
from kpi_lint.parse.values import parse_value
from kpi_lint.read.source import fold

LEVEL1_NAMES = vocab.LEVEL1_NAMES
# Canonical 二级指标 and the 一级 they belong to (the names are kpi_lint.vocab's).
LEVEL2_PARENT: dict[str, str] = {
    **dict.fromkeys((vocab.QUANTITY, vocab.QUALITY, vocab.TIMELINESS, vocab.COST), vocab.OUTPUT),
    **dict.fromkeys((vocab.ECONOMIC, vocab.SOCIAL, vocab.ECOLOGICAL, vocab.SUSTAINABLE), vocab.EFFECT),
    vocab.SATISFACTION: vocab.SATISFACTION_L1,
    # 财预〔2021〕101号: 成本指标 is a 一级 group of its own.
    **dict.fromkeys((vocab.ECONOMIC_COST, vocab.SOCIAL_COST, vocab.ECOLOGICAL_COST), vocab.COST_L1),
}
# Short or cut forms seen in the tables → canonical name.
_LEVEL2_ALIASES = {
    "数量": "数量指标",
    "质量": "质量指标",
    "时效": "时效指标",
    "成本": "成本指标",
    "经济效益": "经济效益指标",
    "社会效益": "社会效益指标",
    "生态效益": "生态效益指标",
    "可持续影响": "可持续影响指标",
    "服务对象满意度": "服务对象满意度指标",
    "服务对象满意度指": "服务对象满意度指标",
    "满意度": "服务对象满意度指标",
}


def squash(text: str) -> str:
    """Drop all white space (PDF wrapping and DOCX padding put spaces inside words)."""
    # str.split() cuts at exactly the characters `\s` matches (str.isspace), without the regex machinery.
    return "".join(text.split())


def canonical_level2(text: str | None) -> str | None:
    """'服务对象满\\n意度指标', '服务对象满意度' → '服务对象满意度指标'; unknown → None."""
    if not text:
        return None
    s = squash(text)
    if s in LEVEL2_PARENT:
        return s
    return _LEVEL2_ALIASES.get(s)


def canonical_level1(text: str | None) -> str | None:
    if not text:
        return None
    s = squash(text)
    return s if s in LEVEL1_NAMES else None


def undouble(text: str) -> str:
    """Repair PDF double rendering: '全年全年' → '全年', '提高提高' → '提高'.

    Only an exact repetition of the whole cell is repaired; '279279家' stays
    (the digits are not the whole cell), so genuine typos survive for the rules.
    """
    s = text.strip()
    n = len(s)
    if n >= 2 and n % 2 == 0 and s[: n // 2] == s[n // 2 :]:
        return s[: n // 2]
    return s


def make_indicator(
    *,
    path: str,
    project: str,
    form: Form,
    period: str | None,
    level1: str | None,
    level2: str | None,
    level3: Located | None,
    value: Located | None,
    row_line: int,
    row_column: int = 1,
    level1_cell: Located | None = None,
    level2_cell: Located | None = None,
    lexicon: Lexicon | None = None,
    printed_level3: Located | None = None,
    **extra: Located | None,
) -> Indicator:
    """An Indicator with its spans; `extra` holds description/basis/actual/weight/... cells.

    `level1`/`level2` are the canonical names; `level1_cell`/`level2_cell` the
    printed cells they were read from (kept as spans).  Numeric extras (weight,
    score) are converted to float; the printed cell stays in spans.  `printed_level3`: the
    三级指标 as printed when the reader took marks out of the name ("★★★农村低保发放人数(≥**人)"
    read as "农村低保发放人数(≥人)"), kept as a span only, so a rule can quote what the document prints.
    """
    line, column = (level3.line, level3.column) if level3 else (row_line, row_column)
    ind = Indicator(
        path=path,
        project=project,
        form=form,
        period=period,
        level1=level1,
        level2=level2,
        level3=level3.text if level3 else None,
        value=value.text if value else None,
        line=line,
        column=column,
        parsed=parse_value(value.text if value else None, lexicon),
    )
    if level3:
        ind.spans["level3"] = level3
    if value:
        ind.spans["value"] = value
    if level1_cell:
        ind.spans["level1"] = level1_cell
    if level2_cell:
        ind.spans["level2"] = level2_cell
    for name, loc in extra.items():
        if loc is None or not loc.text.strip():
            continue
        ind.spans[name] = loc
        if name in ("weight", "score"):
            setattr(ind, name, to_number(loc.text))
        else:
            setattr(ind, name, loc.text)
    if printed_level3:
        ind.spans["printed_level3"] = printed_level3
    return ind


def to_number(text: str | None) -> float | None:
    """'13,140,000' → 13140000.0; '86.66%' → 86.66; '１０' → 10.0; anything else → None."""
    if text is None:
        return None
    text = fold(text)  # full-width digits and signs ('１０．５％') read like their ASCII forms
    m = re.fullmatch(r"\s*([-+]?\d[\d,]*(?:\.\d+)?)\s*%?\s*", text)
    return float(m.group(1).replace(",", "")) if m else None
