"""The library's concept names: a name cut short is not the concept's name."""

from __future__ import annotations

from kpi_lint.library.build import _not_a_beginning
from kpi_lint.library.model import Library


def test_a_name_another_name_begins_with_is_left_out() -> None:
    names = ["城乡居民参保就", "参保率", "城乡居民参保就医人均数", "参保"]
    assert _not_a_beginning(names) == ["参保率", "城乡居民参保就医人均数"]


def test_the_names_kept_are_those_no_other_name_begins_with(library: Library) -> None:
    """On every concept of the samples and the wild set, as the pairwise comparison says."""
    compared = 0
    for concept in library.concepts:
        names = [use.name for use in concept.names]
        assert _not_a_beginning(names) == [n for n in names if not any(o != n and o.startswith(n) for o in names)]
        compared += len(names) > 1
    assert compared > 50
