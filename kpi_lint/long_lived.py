"""What a run holds to its end, kept out of the cyclic garbage collector's passes while a stage works on it.

CPython's collector walks every object it tracks on each pass over its oldest generation, and a run starts
those passes as it allocates.  By the peer context a run holds its documents (or their peer records) and,
in the rules, the peer index too: built once, held to the end, and walked again by every pass.  On the
generated 10k corpus the context and rules stages made four such passes (0.2 s each) and 900 over the youngest
generation: 0.87 s of their 7.7 s of CPU, and a pass over the oldest grows with what the run holds.

`settled` moves every object alive when it starts into the collector's permanent generation (`gc.freeze`)
and back when it ends (`gc.unfreeze`), and passes over the youngest generation less often (YOUNG_PASS): what
the stage makes is still collected, what it found is not walked again.  A run's documents are trees freed by
their reference counts, not by the collector, so nothing waits longer to be freed than the block lasts.

Nothing is done when the collector is off or something is frozen already (an enclosing `settled`, or a
caller's own `gc.freeze`): the freeze and its end belong to whoever made it.  Asking whether something is
frozen walks what is (`gc.get_freeze_count` counts the permanent generation): `settled` is for a stage of a
run, not for a small call made many times inside one (kpi_lint.rules.engine.checked).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# Allocations between two passes over the youngest generation inside `settled` (CPython's default: 700).  What a
# stage makes lives long too (the peer index, its clusters, the memos): a pass every 700 objects finds most of them
# alive, moves them to an older generation and walks them again there.  Short-lived cycles wait for at most this
# many objects.  A cost of time, not of any answer: every pass frees what it would free later.
YOUNG_PASS = 20_000


@contextmanager
def settled() -> Iterator[None]:
    """Leave what exists now out of the collector's passes until the block ends, and pass over what the block
    makes every YOUNG_PASS allocations; the collector as it was after."""
    if not gc.isenabled() or gc.get_freeze_count():
        yield
        return
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(thresholds[0], YOUNG_PASS), *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()
