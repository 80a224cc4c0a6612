"""Finding every rule: each module under a family folder holds one rule class."""

from __future__ import annotations

import pkgutil
from functools import lru_cache

from kpi_lint.rules import completeness, consistency, library, self_evaluation, target, text
from kpi_lint.rules.base import Rule, iter_rules_in

FAMILIES = (target, completeness, text, consistency, self_evaluation, library)


@lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    """Every rule class, sorted by code."""
    names = [
        f"{family.__name__}.{info.name}"
        for family in FAMILIES
        for info in pkgutil.iter_modules(family.__path__)
        if info.name.startswith("kpi")
    ]
    rules = sorted(iter_rules_in(names), key=lambda r: r.code)
    codes = [r.code for r in rules]
    duplicates = {c for c in codes if codes.count(c) > 1}
    if duplicates:
        raise RuntimeError(f"duplicate rule codes: {sorted(duplicates)}")
    return tuple(rules)


def rule_by_code(code: str) -> type[Rule] | None:
    for rule in all_rules():
        if rule.code == code.upper():
            return rule
    return None


def find_rule(key: str) -> type[Rule] | None:
    """A rule by its code (KPI101, kpi101), its stable name (vague-target) or its Chinese name (目标值含糊)."""
    text = key.strip()
    return rule_by_code(text) or next(
        (rule for rule in all_rules() if text.lower() == rule.name or text == rule.title_zh), None
    )


def select_rules(select: list[str] | None, ignore: list[str] | None) -> list[type[Rule]]:
    """Ruff-style selection by code prefix: --select KPI1,KPI302 --ignore KPI203."""
    chosen = [
        r for r in all_rules() if not select or any(r.code.startswith(p.strip().upper()) for p in select if p.strip())
    ]
    return [r for r in chosen if not any(r.code.startswith(p.strip().upper()) for p in ignore or [] if p.strip())]
