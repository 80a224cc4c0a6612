"""A whole run: file tasks for the input files (cached, in a pool or on Dask), then the peer rules.

The order of everything that comes out — documents, input errors, findings — is the order a
single-process run gives, whatever ran the file tasks and whichever came from the cache.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from kpi_lint.collector import rarer_full_passes
from kpi_lint.config import Config
from kpi_lint.errors import InputError
from kpi_lint.lexicon import load_lexicon
from kpi_lint.read import iter_input_files
from kpi_lint.read.files import Skipped
from kpi_lint.rules.base import Finding, Rule, RuleContext
from kpi_lint.run.cache import Cache, code_digest, file_digest
from kpi_lint.run.memos import forget_reading_memos
from kpi_lint.run.native_heap import keep_large_buffers_mapped
from kpi_lint.run.pool import FileMap, pool_map, serial_map
from kpi_lint.run.records import DocumentHead, FileResult, Loaded, SharedValues
from kpi_lint.run.spill import FindingStore, FindingStream
from kpi_lint.run.tasks import TaskSpec, forget_prepared, run_file

if TYPE_CHECKING:
    from kpi_lint.cluster.clustering import BlockMap
    from kpi_lint.model import Document
    from kpi_lint.read.exclude import Exclusion

FILES = "files"  # cache entries: one FileResult per input file
PEERS = "peers"  # cache entries: the peer rules' findings over one exact set of files
RUNS = "runs"  # cache entries: what a whole run reported (Reported), over one exact set of files


class Run:
    """What a run hands to the reports: the inputs as read, and every finding in output order.

    The findings are read from where the run left them (`kpi_lint.run.spill`): `stream` gives them
    one at a time, never all in memory (the reports that write finding by finding), `findings` as
    one list, read once and kept.
    """

    def __init__(
        self, loaded: Loaded, findings: list[Finding] | FindingStream, context: RuleContext | None = None
    ) -> None:
        self.loaded = loaded
        self._findings = findings if isinstance(findings, list) else None
        self._stream = findings
        self.context = context  # with the peer index, when asked to keep it (score)

    @property
    def findings(self) -> list[Finding]:
        if self._findings is None:
            self._findings = list(self._stream)
            self._stream = self._findings
        return self._findings

    def stream(self) -> Iterable[Finding]:
        """The findings in output order, read as they are used (a list if `findings` was asked first)."""
        return self._stream


def _run_key(cache: Cache, spec: TaskSpec) -> str:
    return cache.key(code_digest(), repr(spec))


def check_files(
    paths: Sequence[str | Path],
    config: Config,
    rules: Sequence[type[Rule]] = (),
    *,
    where: Where | None = None,
    cache: Cache | None = None,
    whole: bool = False,
    keep_context: bool = False,
    exclusion: Exclusion | None = None,
    on_total: Callable[[int], None] | None = None,
    on_file: Callable[[], None] | None = None,
) -> Run:
    """Read every input file under `paths`, run `rules`, and return the run.

    The local rules run in the file tasks (where `where` says: this process by default); the peer
    rules (``uses_peers``) run here over the peer records of all files, with the peer index's
    clustering blocks mapped where `where` says.  `whole` keeps whole documents (the scorecards
    need them); `keep_context` builds the peer context even when no peer rule is selected.  Raises
    InputError when a model file cannot be used.
    """
    keep_large_buffers_mapped()  # the peer index's arrays, freed, leave no holes in the heap
    where = where or Where()
    items = list(iter_input_files(paths, exclusion))
    skipped = [item for item in items if isinstance(item, Skipped)]
    spec = TaskSpec.of(config, tuple(rules), whole=whole, copies=str(cache.root) if cache is not None else None)
    results: list[FileResult | InputError] = []
    paths_read: dict[int, str] = {}
    keys: dict[int, str] = {}
    run_key = _run_key(cache, spec) if cache is not None else ""
    for item in items:
        if isinstance(item, Skipped):
            continue
        if isinstance(item, InputError):
            results.append(item)
            continue
        index = len(results)
        results.append(FileResult(str(item)))
        paths_read[index] = str(item)
        digest = file_digest(str(item)) if cache is not None else None
        if cache is not None and digest is not None:
            keys[index] = cache.key(run_key, str(item), digest)
    if on_total is not None:
        on_total(len(paths_read))
    # An unchanged folder: what the whole run reported comes from one entry, the documents only if asked.
    whole_key = None
    if cache is not None and len(keys) == len(paths_read) and not keep_context:
        parts = [keys[i] if i in keys else f"{type(entry).__name__}:{entry}" for i, entry in enumerate(results)]
        whole_key = cache.key(run_key, ",".join(r.code for r in rules if r.uses_peers), *parts)
        hit = cache.get(RUNS, whole_key)
        if isinstance(hit, Reported):
            reported, by_path, store = hit, {paths_read[i]: keys[i] for i in keys}, cache

            def read() -> list[Document]:
                return [_document(store, by_path[head.path], head.path, spec) for head in reported.heads]

            return Run(Loaded.deferred(reported.heads, read, reported.errors, skipped), reported.findings)
    misses: list[int] = []  # in order of the paths
    for index, path in paths_read.items():
        hit = cache.get(FILES, keys[index]) if cache is not None and index in keys else None
        if isinstance(hit, FileResult) and hit.path == path:
            results[index] = hit
            if on_file is not None:
                on_file()
        else:
            misses.append(index)
    # Each file's findings go to the store as its result comes: through the peer phase the run holds
    # the peer records, not the findings.
    # The records' equal texts and places are held once (SharedValues), as each record arrives.
    spill = FindingStore()
    shared = SharedValues()
    local_of: dict[int, int] = {}
    missed = set(misses)
    for index, entry in enumerate(results):
        if isinstance(entry, FileResult) and index not in missed:
            results[index], local_of[index] = _kept(entry, shared), spill.put(entry.findings)
    fresh = where.file_map([str(paths_read[i]) for i in misses], spec)
    with rarer_full_passes():  # the file tasks' documents die with their task, not in cycles
        for index, result in zip(misses, fresh, strict=True):
            if cache is not None and index in keys:
                cache.put(FILES, keys[index], result)
            results[index], local_of[index] = _kept(result, shared), spill.put(result.findings)
            if on_file is not None:
                on_file()
    del shared
    if misses:  # files were parsed (here with --jobs 1): the peer phase parses nothing, nor runs a local rule
        forget_reading_memos(load_lexicon(spec.lexicons))
        forget_prepared()
    loaded = Loaded(skipped=skipped)
    local: list[int] = []  # per document, the store's handle of what the file task found
    for index, entry in enumerate(results):
        if isinstance(entry, InputError):
            loaded.errors.append(entry)
        elif entry.error is not None:
            loaded.errors.append(entry.error)
        elif entry.document is not None:
            loaded.documents.append(entry.document)
            local.append(local_of[index])
    del results
    # The peer findings depend on every file: cached only when every file has a key.
    peers_key = None
    if cache is not None and len(keys) == len(paths_read):
        peers_key = cache.key(run_key, ",".join(r.code for r in rules if r.uses_peers), *keys.values())
    peer_findings, context = _peer_findings(
        loaded.documents, config, rules, cache, peers_key, keep_context=keep_context, block_map=where.block_map
    )
    stream = _reported(loaded.documents, local, peer_findings, rules, spill)
    run = Run(loaded, stream, context if keep_context else None)
    if cache is not None and whole_key is not None:
        cache.put(RUNS, whole_key, Reported(run.findings, loaded.heads, loaded.errors))
    return run


def _kept(result: FileResult, shared: SharedValues) -> FileResult:
    """What the run keeps of a file task's result through the peer phase: the record, its values shared."""
    document = shared.record(result.document) if result.document is not None else None
    return replace(result, document=document, findings=[])


@dataclass
class Reported:
    """A cache entry for a whole run: its findings in output order and what it read, without the documents."""

    findings: list[Finding]
    heads: list[DocumentHead]
    errors: list[InputError]


def _document(cache: Cache, key: str, path: str, spec: TaskSpec) -> Document:
    """A document of a run served from the cache: its file entry, or parsed again if that is gone."""
    hit = cache.get(FILES, key)
    result = hit if isinstance(hit, FileResult) and hit.path == path else run_file(path, spec)
    if result.document is None:  # the file changed under the run: as good as unreadable now
        raise InputError(path, "文件在检查过程中发生了变化，请重新运行")
    return result.document


def _reported(
    documents: list[Document],
    local: list[int],
    peer: Iterable[list[Finding]],
    rules: Sequence[type[Rule]],
    store: FindingStore,
) -> FindingStream:
    """The findings a run reports, in output order: the engine's per-document filters (one finding per
    defect, none inside a garbled table) over each document's local and peer findings together, as
    `run_rules` applies them to one run of all the rules.  Each document's are stored as they are
    known; `peer` (each document's peer findings, in order, or nothing) is read one document at a time."""
    from kpi_lint.rules.engine import kept_findings

    reported = FindingStream(store)
    peers = iter(peer)
    for doc, handle in zip(documents, local, strict=True):
        found = store.get(handle) + next(peers, [])
        kept = kept_findings(doc, found, rules) if found else found
        reported.add(doc.path, sorted(kept, key=lambda f: f.sort_key))
    return reported


def _peer_findings(
    documents: list[Document],
    config: Config,
    rules: Sequence[type[Rule]],
    cache: Cache | None,
    key: str | None,
    *,
    keep_context: bool,
    block_map: BlockMap | None,
) -> tuple[Iterable[list[Finding]], RuleContext | None]:
    """What the peer rules find in each document (in document order, before the engine's filters),
    run over every file's peer record in one context; from the cache when the files are unchanged.
    Without a cache entry to write, each document's are found as they are read.

    With `keep_context` the whole context is built (every extra, as `score` uses it).
    """
    from kpi_lint.rules.context import build_context
    from kpi_lint.rules.engine import document_findings

    peer_rules = [r for r in rules if r.uses_peers]
    if not documents or (not peer_rules and not keep_context):
        return [], None
    if cache is not None and key is not None and not keep_context:
        hit = cache.get(PEERS, key)
        if isinstance(hit, list) and len(hit) == len(documents):
            return hit, None
    rules_used = None if keep_context else peer_rules
    context = build_context(documents, config, rules_used, block_map=block_map, copies=cache)
    instances = [rule(context) for rule in peer_rules]
    for rule in instances:
        rule.prepare(documents)
    findings: Iterable[list[Finding]] = (document_findings(doc, instances) for doc in documents)
    if cache is not None and key is not None:
        findings = list(findings)
        cache.put(PEERS, key, findings)
    return findings, context


@dataclass(frozen=True)
class Where:
    """What runs a command's work: the file tasks (`file_map`) and the clustering blocks (`block_map`)."""

    file_map: FileMap = serial_map
    block_map: BlockMap | None = None  # None: in this process


@contextmanager
def running(jobs: int, dask: str | None = None) -> Iterator[Where]:
    """This process, `jobs` processes, or the Dask cluster whose scheduler is at `dask`.

    Raises InputError (one line) when the Dask scheduler cannot be reached.
    """
    if dask is None:
        yield Where(serial_map if jobs <= 1 else pool_map(jobs))
        return
    from kpi_lint.run.dask_run import connect, dask_blocks, dask_map

    with connect(dask) as client:
        yield Where(dask_map(client), dask_blocks(client))
