"""A garbled table's rows (Indicator.reading) are listed, never used as data: no cluster member, no library
occurrence, no peer project, no row to copy.  The corpus's garbled tables with rows: x03's (8 rows) and sample
000's "离干…医疗费" (11 rows, one with a 三级指标)."""

from __future__ import annotations

from kpi_lint.cluster import ClusterSet, PeerIndex
from kpi_lint.cluster.peers import project_key
from kpi_lint.library.model import Library
from kpi_lint.library.suggest import Suggester
from kpi_lint.model import Document, Project
from kpi_lint.rules.text.kpi303_copied_across_projects import indicator_rows

X03 = "x03_hubei_emergency_selfeval_glued.txt"
GARBLED_000 = "离干、伤残军人、新中国成立前老工人医疗费"


def garbled(all_docs: list[Document]) -> list[tuple[str, Project]]:
    return [(doc.path, p) for doc in all_docs for p in doc.projects if p.garbled and p.indicators]


def test_the_corpus_garbled_tables_with_rows_are_x03_and_000(all_docs: list[Document]) -> None:
    found = {(path.rsplit("/", 1)[-1], p.name, len(p.indicators)) for path, p in garbled(all_docs)}
    assert found == {
        (X03, "2021年卫生健康人才培养培训一次性开办费", 8),
        ("000_ddaa44b2c1d0d458.txt", GARBLED_000, 11),
    }


def test_no_cluster_member_comes_from_a_garbled_table(all_docs: list[Document], all_clusters: ClusterSet) -> None:
    members = [m for c in all_clusters.clusters for m in c.members]
    assert all(m.row.trusted for m in members)
    assert not [m for m in members if m.path.endswith(X03)]
    assert not [m for m in members if m.project == GARBLED_000]
    # the rows of 000's other projects are still clustered: "贫困人口" (line 1329) of 城乡医疗救助补助资金
    assert any(m.path.endswith("000_ddaa44b2c1d0d458.txt") and m.line == 1329 for m in members)


def test_the_library_holds_no_garbled_row(library: Library) -> None:
    occurrences = [o for c in library.concepts for o in c.occurrences]
    assert not [o for o in occurrences if o.path.endswith(X03)]
    assert not [o for o in occurrences if o.project == GARBLED_000]
    assert not [c for c in library.concepts if c.name in ("15分派车次数", "离休干部、二等乙级伤残军人数")]


def test_a_garbled_project_is_no_peer(all_docs: list[Document], suggester: Suggester) -> None:
    peers: PeerIndex = suggester.peers
    keys = {project_key(path, p) for path, p in garbled(all_docs)}
    x03_path, x03_project = next((path, p) for path, p in garbled(all_docs) if path.endswith(X03))
    assert len(keys) == 2 and len(peers.subset(lambda key: key in keys).indexes) == 0  # not indexed
    assert len(peers.subset(lambda key: key[0] == x03_path).indexes) == 0  # x03's only project
    # asked about itself, it is ranked like a project outside the index (by its name alone) and never meets itself
    ranked = peers.similar_projects(x03_project, x03_path, limit=20)
    assert not {key for key, _ in ranked} & keys
    for doc in all_docs[:5]:  # the samples' projects never get a garbled peer either
        for project in doc.projects[:10]:
            assert not {key for key, _ in peers.similar_projects(project, doc.path, limit=10)} & keys


def test_kpi303_compares_no_garbled_row(all_docs: list[Document]) -> None:
    for _, project in garbled(all_docs):
        assert project.indicators and indicator_rows(project) == []
