"""A peer suggestion's and a library name's `example` name an office row by its anchor, not the reader's running line.

A text file's example stays "path:line" (tests/cluster/test_peers.py); an office file's is its location as a
finding's prefix writes it ("path:表1 行16 格4", "path!目标表!C12").

The peers are the real office forms of tests/fixtures/office; target.docx's 成本指标 row is removed, so that its
project asks its peers for one: the 目标表 workbook and the 自评表 Word file hold theirs.
"""

from __future__ import annotations

from pathlib import Path

from kpi_lint.cluster import PeerIndex, build_clusters
from kpi_lint.library.build import build_library
from kpi_lint.parse import parse

OFFICE = Path(__file__).resolve().parent.parent / "fixtures" / "office"
NAMES = ("target.docx", "target.xlsx", "target.pdf", "selfeval.docx")


def test_a_peer_example_in_an_office_file_is_its_anchor() -> None:
    docs = [parse(OFFICE / name) for name in NAMES]
    project = docs[0].projects[0]
    project.indicators = [ind for ind in project.indicators if ind.level2 != "成本指标"]
    peers = PeerIndex(build_clusters(docs), docs)
    found = peers.suggest(project, "成本指标", k=3)
    assert [(s.level3, s.example) for s in found] == [
        ("第三方专业机构审核服务费", f"{OFFICE / 'target.xlsx'}!目标表!C12"),
        ("临时人员人均劳务费", f"{OFFICE / 'selfeval.docx'}:表1 行16 格4"),
    ]


def test_a_library_names_example_in_an_office_file_is_its_anchor() -> None:
    # the library has always written its examples with rules.base.location: checked here beside the peers'
    docs = [parse(OFFICE / name) for name in NAMES]
    library = build_library(docs, build_clusters(docs))
    (concept,) = [c for c in library.concepts if c.name == "参保群众满意度"]
    assert [(use.name, use.example) for use in concept.names] == [
        ("参保群众满意度", f"{OFFICE / 'target.docx'}:表1 行15 格3"),
        ("救助对象满意度", f"{OFFICE / 'selfeval.docx'}:表2 行19 格4"),
        ("群众满意度", f"{OFFICE / 'selfeval.docx'}:表1 行19 格4"),
    ]
