"""What the peer phase holds per row: members that read their rows, memos of recent answers only."""

from __future__ import annotations

import sys
from collections import Counter
from functools import partial

import pytest

import kpi_lint.cluster.peers as peers_module
import kpi_lint.library.suggest as suggest_module
from kpi_lint.cluster.groups import build_clusters
from kpi_lint.cluster.recent import Recent
from kpi_lint.config import Config
from kpi_lint.rules.registry import select_rules
from kpi_lint.run.checking import check_files
from tests.corpus import SAMPLES, corpus_doc


def test_a_memo_keeps_the_answers_asked_lately_and_works_out_the_others_again() -> None:
    asked: list[int] = []

    def square(n: int) -> int:
        asked.append(n)
        return n * n

    memo: Recent[int, int] = Recent(4)  # two generations of two answers
    assert [memo.get(n, partial(square, n)) for n in (1, 2, 3, 1, 4, 5)] == [1, 4, 9, 1, 16, 25]
    # 1 and 2 aged when 3 came; 1, asked again, moved back to the young ones; 2 was dropped when 4 came.
    assert asked == [1, 2, 3, 4, 5]
    assert len(memo) == 4 and all(n in memo for n in (1, 3, 4, 5)) and 2 not in memo
    assert memo.get(2, partial(square, 2)) == 4 and asked[-1] == 2
    assert len(memo) <= 4
    with pytest.raises(ValueError):
        Recent(0)


def test_a_member_reads_its_row_and_holds_four_slots() -> None:
    docs = [corpus_doc(p.stem[:3]) for p in SAMPLES]
    clusters = build_clusters(docs)
    members = [m for c in clusters.clusters for m in c.members]
    rows = [i for d in docs for i in d.trusted_indicators if i.level3 and clusters.normalizer.normalize(i.level3)]
    assert len(members) == len(rows) > 300
    for m in members:
        ind = m.row
        assert (m.path, m.project, m.period, m.level2, m.level3, m.value, m.line, m.column) == (
            ind.path,
            ind.project,
            ind.period,
            ind.level2,
            ind.level3,
            ind.value,
            ind.line,
            ind.column,
        )
        assert m.anchor == ind.anchor("level3") and m.location == f"{ind.path}:{ind.line}:{ind.column}"
    assert sys.getsizeof(members[0]) <= 64


def test_peer_findings_are_the_same_when_every_memo_holds_one_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    config = Config()
    rules = [r for r in select_rules(config.select, config.ignore) if r.uses_peers]

    def found() -> list[tuple[str, str, int, int, str]]:
        run = check_files(list(SAMPLES), config, rules)
        return [(f.code, f.path, f.line, f.column, f.message) for f in run.findings]

    kept = found()
    for name in ("CLUSTER_ANSWERS", "UNIT_ANSWERS", "PROJECT_ANSWERS"):
        monkeypatch.setattr(peers_module, name, 1)
    monkeypatch.setattr(suggest_module, "PROJECT_ANSWERS", 1)
    monkeypatch.setattr(suggest_module, "SUGGESTIONS_KEPT", 1)
    assert found() == kept
    codes = Counter(code for code, *_ in kept)
    assert len(kept) > 20 and {"KPI104", "KPI201", "KPI404"} <= set(codes), codes
