"""Assembling what rules may consult: lexicons, options, peers, trained models.

The peer index (kpi_lint.cluster.peers) and the shipped vagueness classifier
(kpi_lint.classify.api) go into ``RuleContext.extras``; a context built without
them (the YAML rule cases) leaves the rules on the lexicons alone.

A rule declares what it consults in `Rule.uses` (the keys below); a run builds the peer index and
loads scikit-learn and the models only when a selected rule declares one of `SCIKIT_LEARN_USES`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from kpi_lint.config import Config
from kpi_lint.lexicon import load_lexicon
from kpi_lint.model import Document
from kpi_lint.rules.base import Rule, RuleContext

if TYPE_CHECKING:
    from kpi_lint.cluster.clustering import BlockMap
    from kpi_lint.run.cache import Cache

PEERS = "peers"
VAGUENESS = "vagueness"
# The shipped category classifier: KPI404 loads it itself on first use (its use_model option may
# leave it unloaded); declared so that a run knows the rule needs scikit-learn.
CATEGORY = "category"
# The run's result cache (kpi_lint.run.cache.Cache), where the shipped models' trusted copies are
# kept (kpi_lint.classify.copies); None with --no-cache: the models are read from their skops files.
MODEL_COPIES = "model_copies"
CUSTOM_MODEL = "custom_model"  # --model, for KPI307: loaded only when the reviewer gives one
FLAG_LABEL = "flag_label"
SUGGESTER = "suggester"  # kpi_lint.library.suggest.Suggester: what peers set, fitted to a project
LIBRARY = "library"  # a curated indicator library (kpi_lint.library.model.Library) for KPI601
# What may take scikit-learn (and its imports: SciPy, pandas) and the shipped models to build: the peer
# index (TF-IDF + clustering; a file's or a county's is built with NumPy alone, kpi_lint.cluster.exact_tfidf),
# the suggester over it, the two shipped classifiers (run from their cached NumPy forms once the cache has them).
SCIKIT_LEARN_USES = frozenset({PEERS, VAGUENESS, CATEGORY, SUGGESTER})


def uses_scikit_learn(rule: type[Rule]) -> bool:
    """Whether selecting `rule` loads scikit-learn and the shipped models (its `Rule.uses`)."""
    return bool(rule.uses & SCIKIT_LEARN_USES)


def check_custom_model(config: Config) -> None:
    """Load --model once up front so that a bad file or --flag-label fails before any rule runs."""
    if config.model is not None:
        from kpi_lint.classify.api import load_custom_model

        load_custom_model(config.model, config.flag_label)  # cached: KPI307 gets the same Model


def _used(rules: Sequence[type[Rule]] | None) -> set[str]:
    """The extras the selected rules consult (all of them when no rules are given)."""
    used: set[str] = set().union(*(rule.uses for rule in rules)) if rules is not None else set(SCIKIT_LEARN_USES)
    if SUGGESTER in used:
        used.add(PEERS)  # the suggester ranks what peers set
    return used


def local_context(
    config: Config, rules: Sequence[type[Rule]] | None = None, copies: Cache | None = None
) -> RuleContext:
    """What the rules that look at one document at a time consult: lexicons, options, models.

    With `rules`, only the models they use (`Rule.uses`) are loaded: no scikit-learn for a run of
    lexicon rules.  With `copies` (the run's result cache), the shipped models are read from their
    trusted copies there when it has them.  Raises InputError (one line) for a model file that
    cannot be used, LibraryError for a library file (--library) that cannot be read.
    """
    lexicon = load_lexicon(str(config.lexicons) if config.lexicons else None)
    check_custom_model(config)
    extras: dict[str, Any] = {
        PEERS: None,
        VAGUENESS: None,
        CUSTOM_MODEL: config.model,
        FLAG_LABEL: config.flag_label,
        MODEL_COPIES: copies,
    }
    # Imported where needed rather than at the top: rule modules import the key names above, and
    # loading the rule catalog (YAML cases, `kpi-lint rule`, lexicon rules) must not pull in scikit-learn.
    if VAGUENESS in _used(rules):
        from kpi_lint.classify.api import vagueness_predictor

        extras[VAGUENESS] = vagueness_predictor(copies)
    if config.library is not None:
        from kpi_lint.library.files import read_library

        extras[LIBRARY] = read_library(config.library)  # LibraryError (a ValueError): one line
    return RuleContext(
        lexicon=lexicon,
        options={code: dict(opts) for code, opts in config.rule_options.items()},
        extras=extras,
    )


def build_context(
    documents: Sequence[Document],
    config: Config,
    rules: Sequence[type[Rule]] | None = None,
    *,
    block_map: BlockMap | None = None,
    copies: Cache | None = None,
) -> RuleContext:
    """The RuleContext for one run of `kpi-lint check` over `documents`: the local one plus the peers.

    With `rules`, only what they use (`Rule.uses`) is built: no peer index and no scikit-learn
    for a run of lexicon rules.  `block_map` runs the clustering blocks of the peer index elsewhere
    (a Dask cluster); `copies` is the run's result cache (as for `local_context`).  Raises
    InputError (one line) for a model file that cannot be used, LibraryError for a library file
    (--library) that cannot be read.
    """
    context = local_context(config, rules, copies)
    used = _used(rules)
    if PEERS in used:
        from kpi_lint.cluster.peers import build_peer_index

        context.extras[PEERS] = build_peer_index(list(documents), block_map=block_map)
    if SUGGESTER in used:
        from kpi_lint.library.suggest import Suggester

        context.extras[SUGGESTER] = Suggester(
            list(documents), context.extras[PEERS], context.extras.get(LIBRARY), context.lexicon
        )
    context.documents = list(documents)
    return context
