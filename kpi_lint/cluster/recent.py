"""A memo of a run's recent answers: at most a fixed number, those not asked lately forgotten.

The peer index and the suggester answer the same questions many times (every row of a large cluster asks
for its peers' range, every project for its neighbours' rows), so they remember answers.  Remembering every
answer of a run holds one entry per cluster or project asked, a few hundred bytes a row held to the end of
the peer phase: a province's run is a million rows.  The questions come document by document and the hot
ones (the large clusters, the near projects) are asked again soon, so the recent answers keep nearly all
the hits; an answer forgotten is worked out again, the same answer (the memos hold pure functions).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar, cast

_Key = TypeVar("_Key", bound=Hashable)
_Answer = TypeVar("_Answer")
_NONE = object()  # no answer held


class Recent(Generic[_Key, _Answer]):
    """At most `size` answers by key (one more for an odd size), in two generations of plain dicts.

    Answers go to the young generation; when it holds half of `size` it becomes the old one and the old
    one is dropped.  An answer asked again from the old generation moves to the young one, so an answer
    asked at least once per half `size` questions stays.  (Two dicts rather than an OrderedDict's exact
    recency: a dict entry is a third of an ordered one's, and the answers held are what the cap is for.)
    """

    __slots__ = ("_generation", "_old", "_young")

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError(f"a memo holds at least one answer, not {size}")
        self._generation = -(-size // 2)
        self._young: dict[_Key, _Answer] = {}
        self._old: dict[_Key, _Answer] = {}

    def get(self, key: _Key, work_out: Callable[[], _Answer]) -> _Answer:
        """The answer for `key`: remembered, else `work_out()` (and remembered)."""
        young = self._young
        held = young.get(key, _NONE)
        if held is not _NONE:
            return cast(_Answer, held)
        held = self._old.pop(key, _NONE)
        answer = work_out() if held is _NONE else cast(_Answer, held)
        if len(young) >= self._generation:
            self._old, young = young, {}
            self._young = young
        young[key] = answer
        return answer

    def __len__(self) -> int:
        return len(self._young) + len(self._old)

    def __contains__(self, key: object) -> bool:
        return key in self._young or key in self._old
