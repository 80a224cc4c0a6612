"""Any indicator → the library concept it belongs to, by the names the library lists.

A name is *listed* when it equals one of the library's names up to what does not change a
name (numbering, year, place name, a bracketed unit, spacing).  Otherwise it still belongs to
a concept when the clustering would put it there: the same text after the synonym list
(lexicons/cluster_synonyms.txt: 满意率 → 满意度), or the closest listed name by the
clustering's own text features (kpi_lint.cluster.features) within the clustering threshold, or
a near-duplicate (a cell cut short).  A curated library so recognises the same indicator
written in other words, and can say that this wording is not one it keeps.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import fuzz

from kpi_lint.cluster.clustering import DEFAULT_THRESHOLD, NEAR_DUPLICATE, NEAR_DUPLICATE_MIN_LENGTH
from kpi_lint.cluster.features import make_vectorizer, segment
from kpi_lint.cluster.normalize import TextNormalizer
from kpi_lint.library.model import Concept, Library

if TYPE_CHECKING:  # built only when a library is given: a check without one does not import scikit-learn
    from sklearn.pipeline import Pipeline


@dataclass(frozen=True)
class ConceptMatch:
    """What the library says of a name: its concept, or None when no listed name is close enough."""

    concept: Concept | None
    listed: bool  # the printed name is one the library lists
    similarity: float  # cosine similarity to the closest listed name (1.0 when the same text)
    closest: str  # that name, as the library prints it
    closest_concept: Concept


class LibraryMatcher:
    """Matches indicator names against a library's names; answers are cached per printed name."""

    def __init__(self, library: Library, normalizer: TextNormalizer, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.library = library
        self.normalizer = normalizer
        self.threshold = threshold
        self._plain = replace(normalizer, synonyms=())  # what "the same name" means
        self._listed: set[str] = set()
        self._by_text: dict[str, tuple[Concept, str]] = {}  # normalized (with synonyms) → concept, name
        for concept in library.concepts:  # the larger concept keeps a text two concepts share
            for use in concept.names:
                plain, norm = self._plain.normalize(use.name), normalizer.normalize(use.name)
                if plain:
                    self._listed.add(plain)
                if norm:
                    self._by_text.setdefault(norm, (concept, use.name))
        self._texts = list(self._by_text)
        self._vectorizer: Pipeline | None = None
        if self._texts:
            self._vectorizer = make_vectorizer()
            self._matrix = self._vectorizer.fit_transform(segment(self._texts, normalizer))
        self._cache: dict[str, ConceptMatch | None] = {}

    def prime(self, names: Iterable[str | None]) -> None:
        """Match many names at once (one matrix product instead of one per name)."""
        todo = list(dict.fromkeys(n for n in names if n and n not in self._cache))
        if todo:
            self._cache.update(zip(todo, self._match_many(todo), strict=True))

    def match(self, name: str | None) -> ConceptMatch | None:
        """None for a name with nothing left after normalization, or an empty library."""
        if not name:
            return None
        if name not in self._cache:
            self._cache[name] = self._match_many([name])[0]
        return self._cache[name]

    def _match_many(self, names: list[str]) -> list[ConceptMatch | None]:
        norms = [self.normalizer.normalize(n) for n in names]
        unknown = list(dict.fromkeys(t for t in norms if t and t not in self._by_text))
        best: dict[str, tuple[int, float]] = {}
        if unknown and self._vectorizer is not None:
            sims = (self._vectorizer.transform(segment(unknown, self.normalizer)) @ self._matrix.T).toarray()
            for text, row in zip(unknown, sims, strict=True):
                i = int(np.argmax(row))
                best[text] = (i, float(row[i]))
        out: list[ConceptMatch | None] = []
        for name, text in zip(names, norms, strict=True):
            listed = self._plain.normalize(name) in self._listed
            if text in self._by_text:
                concept, printed = self._by_text[text]
                out.append(ConceptMatch(concept, listed, 1.0, printed, concept))
            elif text in best:
                i, sim = best[text]
                near = self._texts[i]
                same = sim >= 1.0 - self.threshold or (
                    min(len(text), len(near)) >= NEAR_DUPLICATE_MIN_LENGTH and fuzz.ratio(text, near) >= NEAR_DUPLICATE
                )
                concept, printed = self._by_text[near]
                out.append(ConceptMatch(concept if same else None, listed, sim, printed, concept))
            else:
                out.append(None)
        return out
