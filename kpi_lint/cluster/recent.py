"""A memo of a run's recent answers: at most a fixed number, the least recently used forgotten first.

The peer index and the suggester answer the same questions many times (every row of a large cluster asks
for its peers' range, every project for its neighbours' rows), so they remember answers.  Remembering every
answer of a run holds one entry per cluster or project asked, a few hundred bytes a row held to the end of
the peer phase: a province's run is a million rows.  The questions come document by document and the hot
ones (the large clusters, the near projects) are asked again soon, so the recent answers keep nearly all
the hits; an answer forgotten is worked out again, the same answer (the memos hold pure functions).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

_Key = TypeVar("_Key", bound=Hashable)
_Answer = TypeVar("_Answer")


class Recent(Generic[_Key, _Answer]):
    """At most `size` answers by key, the least recently used dropped first."""

    __slots__ = ("_held", "_size")

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError(f"a memo holds at least one answer, not {size}")
        self._size = size
        self._held: OrderedDict[_Key, _Answer] = OrderedDict()

    def get(self, key: _Key, work_out: Callable[[], _Answer]) -> _Answer:
        """The answer for `key`: remembered, else `work_out()` (and remembered)."""
        held = self._held
        if key in held:
            held.move_to_end(key)
            return held[key]
        answer = work_out()
        held[key] = answer
        if len(held) > self._size:
            held.popitem(last=False)
        return answer

    def __len__(self) -> int:
        return len(self._held)

    def __contains__(self, key: object) -> bool:
        return key in self._held
