"""One file task: read and parse a file, run the local rules on it, send back a small result.

A file task runs in the parent (``--jobs 1``), in a pool worker or on a Dask worker; it is a plain
function of picklable arguments, and what it prepares once per process (lexicons, rule instances,
models) is cached per `TaskSpec`.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kpi_lint.config import Config
from kpi_lint.errors import InputError
from kpi_lint.lexicon import Lexicon, load_lexicon
from kpi_lint.model import Document
from kpi_lint.rules.base import Rule
from kpi_lint.run.records import FileResult, peer_record


@dataclass(frozen=True)
class TaskSpec:
    """What every file task of a run does (hashable: a worker prepares each spec once)."""

    lexicons: str | None = None  # --lexicons folder
    codes: tuple[str, ...] = ()  # the local rules to run; none: parse only
    options: str = "{}"  # per-rule options, as sorted JSON
    model: str | None = None  # --model (KPI307)
    flag_label: str | None = None
    library: str | None = None  # --library (KPI601)
    whole: bool = False  # send back whole documents (score) instead of peer records
    # Digest of the word lists and models in force: a worker that outlives a run (Dask) prepares
    # again when they change, and the cache keys on it.
    data: str = ""
    # The result cache's folder, where the shipped models' trusted copies are read and written
    # (kpi_lint.classify.copies); None: from their skops files.  Where the models come from does not
    # change a finding, so it stays out of the cache keys (repr).
    copies: str | None = field(default=None, repr=False)

    @classmethod
    def of(
        cls, config: Config, rules: Sequence[type[Rule]] = (), *, whole: bool = False, copies: str | None = None
    ) -> TaskSpec:
        from kpi_lint.run.cache import models_digest, words_digest

        lexicons = str(config.lexicons) if config.lexicons else None
        model = str(config.model) if config.model else None
        library = str(config.library) if config.library else None
        return cls(
            lexicons=lexicons,
            codes=tuple(r.code for r in rules if not r.uses_peers),
            options=json.dumps(config.rule_options, sort_keys=True, ensure_ascii=False, default=str),
            model=model,
            flag_label=config.flag_label,
            library=library,
            whole=whole,
            data=f"{words_digest(lexicons)}:{models_digest(model, library)}",
            copies=copies,
        )

    def config(self) -> Config:
        return Config(
            lexicons=Path(self.lexicons) if self.lexicons else None,
            rule_options=json.loads(self.options),
            model=Path(self.model) if self.model else None,
            flag_label=self.flag_label,
            library=Path(self.library) if self.library else None,
        )


def parse_file(path: str | Path, lexicon: Lexicon | None = None) -> Document | InputError:
    """The parsed document, or the one-line error that says why the file cannot be used."""
    from kpi_lint.parse import parse

    try:
        return parse(path, lexicon)
    except InputError as exc:
        return exc
    except Exception as exc:  # a parser bug on one odd file must not end a run over hundreds
        detail = f"{type(exc).__name__}: {exc}".splitlines()[0]
        return InputError(str(path), f"解析时发生内部错误（{detail}），已跳过此文件；请将此文件报告给维护者")


@lru_cache(maxsize=4)
def _prepared(spec: TaskSpec) -> tuple[Lexicon, list[Rule]]:
    """The lexicon and the local rule instances of a spec, built once per process (until `forget_prepared`)."""
    from kpi_lint.rules.context import local_context
    from kpi_lint.rules.registry import all_rules
    from kpi_lint.run.cache import Cache

    lexicon = load_lexicon(spec.lexicons)
    if not spec.codes:
        return lexicon, []
    selected = [rule for rule in all_rules() if rule.code in spec.codes]
    context = local_context(spec.config(), selected, Cache(spec.copies) if spec.copies is not None else None)
    return lexicon, [rule(context) for rule in selected]


def forget_prepared() -> None:
    """Let go of the local rule instances the file tasks prepared in this process, once they are done.

    Each instance holds its run's context, and the context what the rules remembered over every file: the
    readings of each distinct 三级指标 (`CellReadings`, up to 200,000 texts a question), the last 256 parsed
    projects whole (every field and place of their rows), the value checks' own context with the same, the
    vagueness predictions.  A ``--jobs 1`` run would hold all of it through the peer phase, which builds its own
    context and never reads this one (≈ 470 bytes a row at 10,000 generated rows).  The next file task
    prepares again, with the same answers: they are functions of the texts and the spec.
    """
    _prepared.cache_clear()


def run_file(path: str, spec: TaskSpec) -> FileResult:
    """Parse `path` and run the spec's local rules on it, as the engine runs them on one document.

    The findings are all the local rules found, before the engine's per-document filters (one
    finding per defect, none inside a garbled table): the parent applies those to the local and
    the peer rules' findings of the document together (`kpi_lint.run.checking`).
    """
    return run_files([path], spec)[0]


def run_files(paths: Sequence[str], spec: TaskSpec) -> list[FileResult]:
    """`run_file` over several files, in their order, with each rule prepared once for all of them.

    A rule's `prepare` batches its model predictions (a pipeline call costs far more than a row):
    over a few dozen files it is one call instead of one per file.  Each document's findings are the
    ones `run_file` gives: a local rule's preparation predicts rows, each on its own.
    """
    from kpi_lint.rules.engine import document_findings

    lexicon, rules = _prepared(spec)
    parsed = [parse_file(path, lexicon) for path in paths]
    documents = [doc for doc in parsed if not isinstance(doc, InputError)]
    if documents:
        for rule in rules:
            rule.prepare(documents)
    results: list[FileResult] = []
    for path, doc in zip(paths, parsed, strict=True):
        if isinstance(doc, InputError):
            results.append(FileResult(path, error=doc))
            continue
        findings = document_findings(doc, rules)
        results.append(FileResult(path, document=doc if spec.whole else peer_record(doc), findings=findings))
    return results
