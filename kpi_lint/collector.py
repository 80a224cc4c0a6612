"""Importing a large library without the cyclic collector walking what the run already holds.

Importing SciPy and scikit-learn (≈ 1.5–2.5 s of CPU) makes some 10⁵ objects that live as long as the process:
functions, classes, module dictionaries.  Each 700 new objects start a young pass, every tenth of those a middle
one, and a middle pass starts a full one once the survivors reach a quarter of the older objects: an import that
follows the parse of a large run (`kpi-lint check` of a folder builds its peer index after reading every file) sets
off full passes over every document and record the run holds, though the import leaves almost nothing to collect
(on the generated 10k corpus: two full passes during the import, ≈ 0.2–0.45 s).  `import_paused` imports with the
collector off and turns it back on afterwards; the objects the import made are then seen by the next young pass,
once.
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
