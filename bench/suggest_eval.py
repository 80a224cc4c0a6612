"""Suggestions on the samples + wild set: how many the catalog would flag, how many are scaled to the funds.

    .venv/bin/python bench/suggest_eval.py [-k 3]

Compares the peer index's plain suggestions (kpi_lint.cluster.peers.PeerIndex.suggest: the most
common printed value of the closest projects) with kpi_lint.library.suggest.Suggester (peers by
name, sector and funds; totals scaled; values vetted by the catalog).  "flagged" = a rule of the
target / completeness / text families reports the proposed value as a row of the project.
成本指标 is asked only for the projects that lack it (as KPI201 does); the others for every project.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kpi_lint.cli.common import load_documents  # noqa: E402
from kpi_lint.cluster.peers import build_peer_index  # noqa: E402
from kpi_lint.lexicon import load_lexicon  # noqa: E402
from kpi_lint.library.suggest import Suggester, flagged  # noqa: E402
from kpi_lint.vocab import COST, QUALITY, QUANTITY, SOCIAL  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-k", type=int, default=3, help="suggestions per category")
    args = parser.parse_args()
    paths = [*sorted((ROOT / "corpus").glob("*.txt")), *sorted((ROOT / "corpus" / "wild").glob("*.txt"))]
    docs = load_documents(paths, progress=False).documents
    peers = build_peer_index(docs)
    suggester = Suggester(docs, peers)
    lexicon = load_lexicon()
    print(f"{len(docs)} 个文件，{sum(len(d.projects) for d in docs)} 个项目")
    print("| 二级指标 | 原建议数 | 原建议被规则报告 | 新建议数 | 新建议被规则报告 | 按资金换算 | 未列资金未换算 |")
    print("|---|---|---|---|---|---|---|")
    for level2 in (COST, SOCIAL, QUALITY, QUANTITY):
        before: Counter[str] = Counter()
        after: Counter[str] = Counter()
        for doc in docs:
            for proj in doc.projects:
                if level2 == COST and COST not in peers.missing_categories(proj, doc.path):
                    continue
                period = proj.periods[0] if proj.periods else None
                for old in peers.suggest(proj, level2, args.k):
                    before["n"] += 1
                    value = old.typical_value
                    before["flagged"] += bool(value and flagged(proj, level2, old.level3, value, period, lexicon))
                for new in suggester.suggest(proj, level2, doc.path, args.k):
                    after["n"] += 1
                    after["flagged"] += flagged(proj, level2, new.level3, new.value, period, lexicon)
                    after["scaled"] += new.basis.startswith("按资金规模换算")
                    after["unscaled"] += "未按资金规模换算" in new.basis
        print(
            f"| {level2} | {before['n']} | {before['flagged']} | {after['n']} | {after['flagged']} | "
            f"{after['scaled']} | {after['unscaled']} |"
        )


if __name__ == "__main__":
    main()
