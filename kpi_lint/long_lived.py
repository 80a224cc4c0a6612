"""What a run holds to its end, kept out of the cyclic garbage collector's passes while a stage works on it.

CPython's collector walks every object it tracks on each pass over its oldest generation, and a run starts
those passes as it allocates.  By the peer context a run holds its documents (or their peer records) and,
in the rules, the peer index too: built once, held to the end, and walked again by every pass.  On the
generated 10k corpus the context and rules stages made four such passes (0.2 s each, 0.7 s of their 7.7 s
of CPU), and a pass grows with what the run holds.

`settled` moves every object alive when it starts into the collector's permanent generation (`gc.freeze`)
and back when it ends (`gc.unfreeze`): what the stage makes is collected as before, only what it found is
not walked again.  A run's documents are trees freed by their reference counts, not by the collector, so
nothing waits longer to be freed than the block lasts.  Nothing is done when the collector is off or
something is frozen already (an enclosing `settled`, or a caller's own `gc.freeze`): the freeze and its
end belong to whoever made it.  Asking whether something is frozen walks what is (`gc.get_freeze_count`
counts the permanent generation): `settled` is for a stage of a run, not for a small call made many times
inside one (kpi_lint.rules.engine.checked).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def settled() -> Iterator[None]:
    """Leave what exists now out of the collector's passes until the block ends."""
    if not gc.isenabled() or gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
