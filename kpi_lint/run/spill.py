"""Findings kept on disk between the phases of a run, and read back in output order.

A run finds about one finding per indicator row.  Held as objects from the file task that found
them until the report is written, every finding of a national run would sit in memory through the
peer phase, the largest one.  Instead each document's findings are written to a temporary file as
soon as they are known (`FindingStore`), and the report reads them back one document at a time, in
the order the findings are reported (`FindingStream`): sorted by path, line, column and code, ties
in the order of the documents.
"""

from __future__ import annotations

import heapq
import itertools
import pickle
import tempfile
import weakref
from collections.abc import Iterator
from typing import Any

from kpi_lint.rules.base import Finding

NOTHING = -1  # the handle of a document without findings: nothing written


class FindingStore:
    """Lists of findings in an unnamed temporary file (gone when closed or when the process ends)."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="kpi-lint-findings-")  # noqa: SIM115 (open while the store lives)
        self._spans: list[tuple[int, int]] = []  # (offset, length) per handle
        weakref.finalize(self, self._file.close)  # closed with the last reference to the store

    def put(self, findings: list[Finding]) -> int:
        """Write `findings` away; the handle `get` reads them back with."""
        if not findings:
            return NOTHING
        data = pickle.dumps(findings, protocol=pickle.HIGHEST_PROTOCOL)
        offset = self._file.seek(0, 2)
        self._file.write(data)
        self._spans.append((offset, len(data)))
        return len(self._spans) - 1

    def get(self, handle: int) -> list[Finding]:
        if handle == NOTHING:
            return []
        offset, length = self._spans[handle]
        self._file.seek(offset)
        findings: list[Finding] = pickle.loads(self._file.read(length))
        return findings


_Keyed = tuple[tuple[Any, ...], Finding]  # ((sort key, document, place in its list), finding)


class FindingStream:
    """The reported findings of a run, read from a store in output order, never all in memory.

    The order is that of ``sorted(all findings in document order, key=Finding.sort_key)``: each
    document's findings are stored sorted, documents are read in the order of their paths, and the
    findings of documents that share a path (a file named twice) are merged.  A finding whose path
    is not its document's (none of today's rules makes one) is kept aside in memory and merged in.
    """

    def __init__(self, store: FindingStore) -> None:
        self._store = store
        self._paths: list[str] = []
        self._handles: list[int] = []
        self._strays: list[_Keyed] = []
        self.count = 0

    def add(self, path: str, findings: list[Finding]) -> None:
        """The next document's findings, sorted by `Finding.sort_key`."""
        document = len(self._paths)
        self._strays.extend(((f.sort_key, document, place), f) for place, f in enumerate(findings) if f.path != path)
        self._paths.append(path)
        self._handles.append(self._store.put(findings))
        self.count += len(findings)

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[Finding]:
        keyed = self._keyed()
        if self._strays:
            keyed = heapq.merge(keyed, sorted(self._strays, key=lambda kv: kv[0]), key=lambda kv: kv[0])
        for _, finding in keyed:
            yield finding

    def _keyed(self) -> Iterator[_Keyed]:
        order = sorted(range(len(self._paths)), key=self._paths.__getitem__)
        for path, group in itertools.groupby(order, key=self._paths.__getitem__):
            documents = list(group)
            streams = [self._document(path, d) for d in documents]
            yield from streams[0] if len(streams) == 1 else heapq.merge(*streams, key=lambda kv: kv[0])

    def _document(self, path: str, document: int) -> Iterator[_Keyed]:
        for place, f in enumerate(self._store.get(self._handles[document])):
            if f.path == path:  # the strays are merged in from memory
                yield (f.sort_key, document, place), f
