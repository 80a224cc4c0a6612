"""Importing a large library without the cyclic collector walking what the run already holds.

Importing SciPy and scikit-learn (≈ 1.5–2.5 s of CPU) makes some 10⁵ objects that live as long as the process:
functions, classes, module dictionaries.  Each 700 new objects start a young pass, every tenth of those a middle
one, and a middle pass starts a full one once the survivors reach a quarter of the older objects: an import that
follows the parse of a large run (`kpi-lint check` of a folder builds its peer index after reading every file) sets
off full passes over every document and record the run holds, though the import leaves almost nothing to collect
(on the generated 10k corpus: two full passes during the import, ≈ 0.2–0.45 s).  `import_paused` imports with the
collector off and turns it back on afterwards; the objects the import made are then seen by the next young pass,
once.

`rarer_full_passes` is for the reading of a run's files: each file's parse and checks make objects that live
through several young passes (the documents of a task's files are held until their checks are done) and reach
the oldest generation, then die with their task.  Python counts them all towards its next full pass, which walks
every record the run has kept so far: on the generated 10k corpus, 9 full passes while reading the files.
"""

from __future__ import annotations

import gc
import importlib
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """The cyclic collector off for the block, on again after it (also when the block raises); a collector the
    caller turned off stays off."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def import_paused(*modules: str) -> None:
    """Import `modules` (dotted names) with the collector paused (see the module's docstring); the ones already
    imported cost nothing."""
    with paused():
        for name in modules:
            importlib.import_module(name)


# While a run reads its files, the oldest generation is passed over at most once per this many middle passes
# (Python's default: 10, the third of `gc.get_threshold()`).
READING_FULL_EVERY = 100


@contextmanager
def rarer_full_passes(every: int = READING_FULL_EVERY) -> Iterator[None]:
    """Full collector passes at most once per `every` middle passes for the block (see the module's docstring),
    the thresholds as they were after it (also when the block raises); a larger third threshold is kept.

    What the readers free relies on reference counts, not on the collector (they make no reference cycles of
    their own), so what waits longer for a full pass is little: the libraries' cycles (a workbook, a package).
    """
    before = gc.get_threshold()
    gc.set_threshold(before[0], before[1], max(before[2], every))
    try:
        yield
    finally:
        gc.set_threshold(*before)
