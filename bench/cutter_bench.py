"""The glued-row cutter alone (`form_glued._best_cut`), over every glued text the reader cuts in a corpus.

    PYTHONPATH=. .venv/bin/python -P bench/cutter_bench.py [DIR ...] [--repeat 5] [--save FILE] [--compare FILE]

Parses every file under the folders given (default: the wild set, corpus/wild) once, recording each distinct
question the reader asks the cutter (text, columns, glue hints, broken); then cuts all of them again `--repeat`
times with nothing remembered between runs (the cutter's own cache is bypassed), and prints the CPU time of each
run (user + system of this process), its median and the questions per second.

`--save FILE` writes every question with the cut found (JSON); `--compare FILE` asserts that the cuts found now
are those of the file for every question both hold, so that a faster cutter is shown to cut exactly as the one
that wrote the file (run `--save` from the old tree, `--compare` from the new one).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kpi_lint.cli.common import load_documents  # noqa: E402
from kpi_lint.parse import form_glued  # noqa: E402
from kpi_lint.vocab import GlueHints  # noqa: E402

_Question = tuple[str, tuple[str, ...], GlueHints, bool]
_Cut = list[list[tuple[int, int, int]]] | None


def collect(folders: list[Path]) -> list[_Question]:
    """Every distinct question the reader asks the cutter while parsing the files under `folders`, in the order
    first asked."""
    asked: dict[_Question, None] = {}
    best_cut: Callable[..., _Cut] = form_glued._best_cut

    def recording(text: str, roles: tuple[str, ...], hints: GlueHints, broken: bool = False) -> _Cut:
        asked.setdefault((text, roles, hints, broken))
        return best_cut(text, roles, hints, broken)

    form_glued._best_cut = recording  # type: ignore[assignment]
    try:
        load_documents(folders, progress=False)
    finally:
        form_glued._best_cut = best_cut  # type: ignore[assignment]
    return list(asked)


def cut_all(questions: list[_Question]) -> tuple[float, list[_Cut]]:
    """CPU seconds to cut every question afresh, and the cuts."""
    cut = form_glued._best_cut.__wrapped__
    start = time.process_time()
    found = [cut(text, roles, hints, broken) for text, roles, hints, broken in questions]
    return time.process_time() - start, found


def _key(question: _Question) -> str:
    text, roles, hints, broken = question
    # The hints' lists as sets: a list sorted by length alone (units.txt's) keeps its words of one length in the
    # order of a set, which changes from run to run (and cannot change a cut: two words of one length never
    # both stand at one place).
    fields = {name: sorted(words) for name, words in vars(hints).items()}
    hinted = hashlib.sha1(json.dumps(fields, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:12]
    return json.dumps([text, list(roles), hinted, broken], ensure_ascii=False)


def _plain(found: _Cut) -> Any:
    return None if found is None else [[list(piece) for piece in row] for row in found]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[ROOT / "corpus" / "wild"])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--save", type=Path)
    parser.add_argument("--compare", type=Path)
    args = parser.parse_args()
    start = time.process_time()
    questions = collect(args.folders)
    print(f"collected {len(questions)} distinct questions in {time.process_time() - start:.1f} s CPU")
    lengths = [len(text) for text, _, _, _ in questions]
    print(f"text length: mean {statistics.mean(lengths):.1f}, max {max(lengths)}")
    times: list[float] = []
    found: list[_Cut] = []
    for _ in range(max(1, args.repeat)):
        spent, found = cut_all(questions)
        times.append(spent)
    print("runs (CPU s): " + ", ".join(f"{t:.3f}" for t in times))
    median = statistics.median(times)
    each = 1000 * median / len(questions)
    print(f"median {median:.3f} s CPU, {len(questions) / median:.0f} questions/s, {each:.2f} ms each")
    cuts = {_key(q): _plain(f) for q, f in zip(questions, found, strict=True)}
    if args.save:
        args.save.write_text(json.dumps(cuts, ensure_ascii=False), encoding="utf-8")
        print(f"saved {len(cuts)} cuts to {args.save}")
    if args.compare:
        saved = json.loads(args.compare.read_text(encoding="utf-8"))
        shared = [k for k in cuts if k in saved]
        differ = [k for k in shared if cuts[k] != saved[k]]
        absent = len(cuts) - len(shared)
        print(f"compared {len(shared)} questions with {args.compare} ({absent} not in it): {len(differ)} differ")
        for k in differ[:10]:
            print(f"  {k}\n    now   {cuts[k]}\n    saved {saved[k]}")
        return 1 if differ else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
