"""A run keeps large native buffers in their own mappings: freed, their memory goes back (glibc's mmap threshold)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from kpi_lint.run.native_heap import keep_large_buffers_mapped

GLIBC = sys.platform.startswith("linux") and bool(os.confstr("CS_GNU_LIBC_VERSION") or "")

# In a fresh process: free an 8 MiB buffer, then make a 4 MiB one; report where glibc put the second
# (mallinfo2's hblkhd: bytes in mapped blocks) and whether the threshold was fixed first.
PROBE = """
import ctypes, json, sys
from kpi_lint.run.native_heap import keep_large_buffers_mapped
class Info(ctypes.Structure):
    names = "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost"
    _fields_ = [(n, ctypes.c_size_t) for n in names.split()]
libc = ctypes.CDLL(None)
libc.mallinfo2.restype = Info
fixed = keep_large_buffers_mapped() if sys.argv[1] == "fix" else False
first = bytearray(8 << 20)
del first
before = libc.mallinfo2().hblkhd
second = bytearray(4 << 20)
print(json.dumps({"fixed": fixed, "mapped": libc.mallinfo2().hblkhd - before >= 4 << 20}))
"""


def _probe(mode: str, **env: str) -> dict[str, bool]:
    # glibc's own settings left out (Dask sets MALLOC_TRIM_THRESHOLD_ in this process, which also stops
    # glibc raising the threshold): the probe sees glibc's defaults and what `env` sets.
    environment = {k: v for k, v in os.environ.items() if not k.startswith("MALLOC_")} | env
    out = subprocess.run(
        [sys.executable, "-c", PROBE, mode], capture_output=True, text=True, check=True, env=environment
    ).stdout
    result: dict[str, bool] = json.loads(out)
    return result


@pytest.mark.skipif(not GLIBC, reason="glibc's allocator only")
def test_a_buffer_made_after_a_larger_one_was_freed_gets_its_own_mapping_once_the_threshold_is_fixed() -> None:
    assert _probe("default") == {"fixed": False, "mapped": False}  # glibc raised the threshold: in the heap
    assert _probe("fix") == {"fixed": True, "mapped": True}


@pytest.mark.skipif(not GLIBC, reason="glibc's allocator only")
def test_a_threshold_set_in_the_environment_is_left_as_it_is() -> None:
    assert _probe("fix", MALLOC_MMAP_THRESHOLD_="33554432") == {"fixed": False, "mapped": False}


def test_off_glibc_nothing_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    assert keep_large_buffers_mapped() is False
