"""The patterns and word tuples built from the word lists come out the same in every process: words of one length in
code-point order, never in a set's order (which follows the string hash seed and changes from run to run) — so that a
GlueHints, a cache key of the glued-row cutter, or a compiled pattern is one value whatever the seed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from kpi_lint.lexicon import alternation
from kpi_lint.vocab import vocabulary_from

ROOT = Path(__file__).resolve().parent.parent

_PRINT = """
import json
from kpi_lint.lexicon import BUNDLED_DIR
from kpi_lint.parse.form_glued import _counted_units
from kpi_lint.vocab import vocabulary_from
vocab = vocabulary_from(BUNDLED_DIR)
patterns = (vocab.word_pattern, vocab._header_tail, vocab.label_pattern, vocab._label_run)
print(json.dumps([list(vocab.glue_hints.units), list(_counted_units(vocab.glue_hints)), [p.pattern for p in patterns]]))
"""


def _orders(seed: str) -> list[object]:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-P", "-c", _PRINT], env=env, capture_output=True, text=True, check=True)
    result = json.loads(out.stdout)
    assert isinstance(result, list)
    return result


def test_an_alternation_is_the_same_whatever_order_its_words_come_in() -> None:
    assert alternation(["人", "台", "人次", "个"]) == alternation(["个", "人次", "台", "人"]) == "人次|个|人|台"
    assert alternation({"万元", "平方米", "元", "亩"}) == "平方米|万元|亩|元"


def test_glue_hint_units_and_the_vocabulary_patterns_do_not_follow_the_hash_seed() -> None:
    units, counted, patterns = _orders("1")
    assert (units, counted, patterns) == tuple(_orders("2"))
    assert isinstance(units, list) and units[:2] == sorted(units[:2], key=lambda w: (-len(w), w))
    # 人次 before 人; of one length, code-point order
    assert units.index("人次") < units.index("人")
    same_length = [u for u in units if len(u) == 1]
    assert same_length == sorted(same_length)
    assert units == list(vocabulary_from(ROOT / "lexicons").glue_hints.units)
