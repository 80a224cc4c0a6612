"""The readers make no reference cycles of their own: what a parse leaves is freed by reference counts, not by a
full pass of the cyclic collector (kpi_lint.collector: the file tasks run with rarer full passes)."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from kpi_lint.run.tasks import parse_file

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("path", "on_main"),
    [
        ("tests/fixtures/office/approval.html", 525),  # read_html's recursive walk held the page's blocks
        ("tests/fixtures/office/selfeval.html", 2103),  # and _own_text's, per cell
        ("tests/fixtures/bad_input/selfeval.gb2312.html", 2117),  # + the UTF-8 error's traceback
        ("corpus/wild/a03_jiangxi_forestry_dept_target.txt", 394),  # a form block's value-kind held its reader
    ],
)
def test_a_parse_leaves_no_cyclic_garbage(path: str, on_main: int) -> None:
    parse_file(ROOT / path)  # first: imports and memos
    gc.collect()
    gc.disable()
    try:
        document = parse_file(ROOT / path)
        assert not isinstance(document, Exception)
        assert document.indicators
        del document
        left = gc.collect()  # main d8d2fcb / 4b8ff0e: `on_main` objects
    finally:
        gc.enable()
    assert left == 0
