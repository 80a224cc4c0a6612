"""Large native buffers (NumPy and SciPy arrays) kept out of the C heap, so that freeing them gives their memory back.

glibc's malloc serves a request of 128 KiB or more with its own memory mapping, returned to the system when
the request is freed — but by default it raises that threshold to the size of every mapped block freed (up
to 32 MiB), so that after the first large array goes, later ones of up to that size come from the heap.  The
peer index makes and drops many such arrays (TF-IDF matrices, the projects' similarity blocks, the
clustering's sparse products); in the heap, each one freed leaves a hole that the long-lived objects
allocated after it keep from being given back.  At 100,000 generated rows a ``--jobs 1`` run held 36–55 MiB
of such free heap at the end of the peer index and 54–77 MiB at the end of the peer rules (glibc's mallinfo2),
growing with the rows.  Fixing the threshold at glibc's own default keeps every large buffer in its own mapping.
"""

from __future__ import annotations

import ctypes
import os
import sys

M_MMAP_THRESHOLD = -3  # mallopt's parameter number (malloc.h)
MMAP_THRESHOLD = 128 * 1024  # glibc's default; set explicitly, it is no longer raised as blocks are freed
_ENVIRONMENT = "MALLOC_MMAP_THRESHOLD_"  # a user's own setting, which glibc read at start-up: left alone


def keep_large_buffers_mapped() -> bool:
    """Fix glibc's mmap threshold at its default for this process; whether it was set.

    Nothing is done off glibc (another C library, another system), or when the environment sets the
    threshold already.  Only where memory comes from changes, never what a computation gives.
    """
    if not sys.platform.startswith("linux") or _ENVIRONMENT in os.environ:
        return False
    try:
        if not os.confstr("CS_GNU_LIBC_VERSION"):
            return False
        libc = ctypes.CDLL(None)
    except (OSError, ValueError):
        return False
    mallopt = getattr(libc, "mallopt", None)
    if mallopt is None:
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD))
