"""A row never scores more than its points: 得分 ≤ 分值, for a cutter that reads a row's cells in order.

Between the 分值 column and the 得分 column (with the columns between them, e.g. 实际完成值), what
cutting the rest of a text costs depends on the 分值 chosen: a cut whose 得分 exceeds it is possible
(a misprint, a bonus) but costs `POINTS_ABOVE` more.  Each such cost is kept as a *front*: pairs
(least 分值 needed, cost), the 分值 needed rising as the cost falls, so that the 分值 column asks what
the rest costs for the points it holds.
"""

from __future__ import annotations

from collections.abc import Iterable

Front = tuple[tuple[float, float], ...]  # (least 分值 needed, cost): needs rising, costs falling

POINTS_ABOVE = 3  # what a 得分 above its row's 分值 costs
_INF = 10**9


def points_band(roles: tuple[str, ...]) -> range:
    """The columns after 分值 up to 得分 when 分值 comes first (empty range otherwise)."""
    if "weight" not in roles or "score" not in roles:
        return range(0)
    weight, score = roles.index("weight"), roles.index("score")
    return range(weight + 1, score + 1) if weight < score else range(0)


def pareto(options: Iterable[tuple[float, float]]) -> Front:
    """The options no other beats: none needs as little or less and costs as little or less."""
    out: list[tuple[float, float]] = []
    for need, cost in sorted(options):
        if cost < _INF and (not out or cost < out[-1][1]):
            out.append((need, cost))
    return tuple(out)


def least_of(front: Front) -> float:
    """The cheapest cost in `front`, whatever the points (a lower bound of `at_points`)."""
    return front[-1][1] if front else _INF


def at_points(front: Front, points: float) -> float:
    """The cost of the rest for a row of `points`: the cheapest option needing no more, or the cheapest
    of all with a score above its points."""
    allowed = float(_INF)
    for need, cost in front:
        if need > points:
            break
        allowed = cost
    return min(allowed, least_of(front) + POINTS_ABOVE) if front else _INF
