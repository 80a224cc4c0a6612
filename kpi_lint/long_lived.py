"""What a run holds to its end, kept out of the cyclic garbage collector's passes while its rules run.

CPython's collector walks every object it tracks on each pass over its oldest generation, and a run starts
those passes as it allocates.  By the rules a run holds its documents (or their peer records) and its peer
index: built once, held to the end, and walked again by every pass.  On the generated 10k corpus the rules
stage made one such pass (0.22 s) and 280 over the youngest generation (0.08 s), a pass over the oldest
growing with what the run holds.

`settled` moves every object alive when it starts into the collector's permanent generation (`gc.freeze`)
and back when it ends (`gc.unfreeze`), and passes over the youngest generation less often (YOUNG_PASS): what
the rules make is still collected, what they found is not walked again.  A run's documents are trees freed by
their reference counts, not by the collector, so nothing waits longer to be freed than the block lasts.  The
peer context is not settled: there the clustering's large arrays go with the collector's passes, and a frozen
context build peaked 8 MiB higher at 10k (docs/notes/issue-10-speed-context.md).

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
