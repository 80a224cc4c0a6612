"""Handing the heap memory a phase of a run freed back to the system (glibc's malloc_trim).

The C allocator keeps the pages of freed blocks (the file tasks' parse trees, the clustering's
matrices) for later use; only the top of the heap is given back by itself.  Between the phases of a
run most of that memory is not used again soon, and an idle free page still counts in the process's
resident size: `release_freed_memory` gives back every whole free page.  A no-op where the C library
has no malloc_trim (musl, macOS, Windows).
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _trim() -> Any:
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        return getattr(ctypes.CDLL(name), "malloc_trim", None)
    except OSError:
        return None


def release_freed_memory() -> None:
    """Give the system back the whole pages the C heap holds free (glibc; elsewhere nothing)."""
    trim = _trim()
    if trim is not None:
        trim(0)
