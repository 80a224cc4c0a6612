"""A cost row whose name sets a reference price or a spending standard as its ceiling (lexicons/price_ceilings.txt).

"种薯采购价格不高于市场价 | 是", "按照物价部门定价标准采购 | 100%": the year-end accounts can hold each purchase against
the market price, the set price or the standard, so the row is a checkable cost control — only without an amount.
KPI104 says so at info level; KPI404 does not move such a row out of 成本 (it speaks of a price).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kpi_lint.lexicon import Lexicon, alternation
from kpi_lint.model import Indicator
from kpi_lint.rules.target.common import clean

PRICE_CEILINGS_FILE = "price_ceilings.txt"
_GAP = 8  # at most this many characters between the bound word and the price ("按照物价部门定价标准", "不超过规定标准")


@lru_cache(maxsize=8)
def _pattern(lexicon: Lexicon) -> re.Pattern[str] | None:
    """(上限 or 依照 word) … 价格 word, or 上限 word … 标准 word, built once per word-list folder."""
    keyed = lexicon.keyed(PRICE_CEILINGS_FILE)
    ceiling, follow, price, standard = (keyed.get(k, ()) for k in ("上限", "依照", "价格", "标准"))
    parts = []
    if (ceiling or follow) and price:
        parts.append(f"(?:{alternation((*ceiling, *follow))}).{{0,{_GAP}}}?(?:{alternation(price)})")
    if ceiling and standard:
        parts.append(f"(?:{alternation(ceiling)}).{{0,{_GAP}}}?(?:{alternation(standard)})")
    return re.compile("|".join(parts)) if parts else None


def names_price_ceiling(name: str | None, lexicon: Lexicon) -> bool:
    """The name bounds a price or a spending by a reference printed elsewhere: "种薯采购价格不高于市场价",
    "按照物价部门定价标准采购", "差旅费不超过规定标准"."""
    pattern = _pattern(lexicon)
    return pattern is not None and pattern.search(clean(name)) is not None


def price_ceiling_met(ind: Indicator, lexicon: Lexicon) -> bool:
    """A price ceiling set as the target: written in the value ("种薯采购单价 | 不高于市场价", "差旅费 | 不超过规定
    标准"), or named by the row whose value says it is kept — a yes answer ("是", "符合": price_ceilings.txt's 作答
    words) or a share of the purchases ("100%")."""
    if names_price_ceiling(ind.value, lexicon):
        return True
    if not names_price_ceiling(ind.level3, lexicon):
        return False
    if ind.parsed is not None and ind.parsed.kind == "percent":
        return True
    return clean(ind.value) in lexicon.keyed(PRICE_CEILINGS_FILE).get("作答", ())
