"""Numbers of a 自评表 as the self-evaluation rules read them (not a rule module: no ``kpi`` prefix)."""

from __future__ import annotations

import math

from kpi_lint.model import Execution, Form, Indicator, Located, Project
from kpi_lint.parse.common import to_number


def is_self_evaluation(project: Project) -> bool:
    return project.form is Form.SELF_EVALUATION


def number(loc: Located | None) -> float | None:
    """A printed cell as a number ("93.67" → 93.67), or None."""
    return to_number(loc.text) if loc is not None else None


def decimals(text: str | None) -> int:
    """How many decimals a figure was printed with ("86.66" → 2, "100" → 0)."""
    if not text:
        return 0
    return len(text.strip().rstrip("%").partition(".")[2])


def rounding(text: str | None, tolerance: float) -> float:
    """The slack a printed figure allows: its rounding half-unit, at least `tolerance`."""
    return max(tolerance, 0.5 * 10 ** -decimals(text)) + 1e-9


def execution_weight(ex: Execution | None, default: float) -> float:
    """The 分值 of budget execution: as the form prints it, else `default` (a rule's ``execution_weight``
    option; 财预〔2020〕10号: 10)."""
    return ex.weight if ex is not None and ex.weight is not None else default


def scored_rows(project: Project) -> list[Indicator]:
    """The indicator rows that carry a 分值 or an 得分 (the 未填报 成本指标 row included)."""
    return [ind for ind in project.indicators if ind.weight is not None or ind.score is not None]


def fmt(value: float, places: int = 3) -> str:
    """93.67 → "93.67", 95.0 → "95", 8.507 → "8.507" (printed figures keep their decimals).

    Halves round up as on paper: 0.71 / 2 × 5 = 1.775 → "1.78" (the float is 1.77499…).
    """
    nudged = value + math.copysign(1e-9, value)
    return f"{nudged:.{places}f}".rstrip("0").rstrip(".")
