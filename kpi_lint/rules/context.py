"""Assembling what rules may consult: lexicons, options, peers, trained models.

The peer index (kpi_lint.cluster.peers) and the vagueness classifier
(kpi_lint.classify.api) are optional: when their module or model is absent the
rules run on the lexicons alone.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import Any

from kpi_lint.config import Config
from kpi_lint.lexicon import load_lexicon
from kpi_lint.model import Document, Indicator
from kpi_lint.rules.base import RuleContext

VaguenessPredictor = Callable[[Indicator], tuple[str, float]]

PEERS = "peers"
VAGUENESS = "vagueness"
CUSTOM_MODEL = "custom_model"
FLAG_LABEL = "flag_label"


def _optional_module(name: str) -> Any | None:
    """The module, or None when it (not one of its own imports) does not exist yet."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name is not None and (name == exc.name or name.startswith(exc.name + ".")):
            return None
        raise


def load_vagueness_predictor() -> VaguenessPredictor | None:
    module = _optional_module("kpi_lint.classify.api")
    factory = getattr(module, "vagueness_predictor", None)
    return factory() if factory else None


def build_peer_index(documents: Sequence[Document]) -> Any | None:
    module = _optional_module("kpi_lint.cluster.peers")
    builder = getattr(module, "build_peer_index", None)
    return builder(list(documents)) if builder else None


def check_custom_model(config: Config) -> None:
    """Load --model once up front so that a bad file or --flag-label fails before any rule runs."""
    if config.model is None:
        return
    module = _optional_module("kpi_lint.classify.api")
    loader = getattr(module, "load_custom_model", None)
    if loader is not None:
        loader(config.model, config.flag_label)  # cached: KPI307 gets the same Model


def build_context(documents: Sequence[Document], config: Config) -> RuleContext:
    """The RuleContext for one run of `kpi-lint check` over `documents`.

    Raises InputError (one line) for a model file that cannot be used.
    """
    lexicon = load_lexicon(str(config.lexicons) if config.lexicons else None)
    check_custom_model(config)
    extras: dict[str, Any] = {
        PEERS: build_peer_index(documents),
        VAGUENESS: load_vagueness_predictor(),
        CUSTOM_MODEL: config.model,
        FLAG_LABEL: config.flag_label,
    }
    return RuleContext(
        lexicon=lexicon,
        options={code: dict(opts) for code, opts in config.rule_options.items()},
        documents=list(documents),
        extras=extras,
    )
