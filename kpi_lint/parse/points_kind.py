"""Points read out of a rate: a table prints its 分值 column one way.

A self-evaluation's 分值 (weight) column holds bare points ("10", "4") in most templates, or a share of
the whole in some ("权重(%)": "20%", "10%", every row alike). When the rows of one project print bare points
and one row's "weight" carries a percent sign, that figure is no weight: a glued row was cut in the wrong
place and a rate of its target or actual ("签约率提高1%…") slid into the points column, and the figure after
it into the score column. Its weight and score are not known; they are left unread rather than judged (a
"full score 1/1" that the table never printed).
"""

from __future__ import annotations

from kpi_lint.model import Project

_PERCENT = ("%", "％")
# Rows with bare points a table needs before one percent "weight" among them is taken for a misread: one
# other row could itself be the odd one.
_BARE_ROWS = 2


def _percent(text: str) -> bool:
    return any(sign in text for sign in _PERCENT)


def drop_rates_read_as_points(project: Project) -> None:
    """Leave unread the weight and score of each row whose weight was printed with a percent sign, when the
    project's other weighted rows print bare points, at least _BARE_ROWS of them and more than such rows."""
    weighted = [ind for ind in project.indicators if "weight" in ind.spans]
    odd = [ind for ind in weighted if _percent(ind.spans["weight"].text)]
    bare = len(weighted) - len(odd)
    if not odd or bare < _BARE_ROWS or bare <= len(odd):
        return
    for ind in odd:
        ind.weight = ind.score = None
        ind.spans.pop("weight", None)
        ind.spans.pop("score", None)
