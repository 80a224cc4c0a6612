"""The same input gives the same findings in every process: nothing may follow a set's order, which Python
draws from the string hash seed anew in each run (PYTHONHASHSEED)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from kpi_lint.vocab import longest_first

ROOT = Path(__file__).resolve().parents[2]
# u01 (a prose self-evaluation of wild batch u): "完成预算执行支出进度11月30日前" holds two process measures of one
# length, 支出进度 and 预算执行; KPI402 named whichever a set happened to give first.
U01 = ROOT / "corpus" / "wild" / "u01_yunnan_transportenforcement_selfeval_prose.txt"


def _findings(seed: str, out: Path) -> list[dict[str, object]]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    cmd = [
        sys.executable,
        "-m",
        "kpi_lint",
        "check",
        str(U01),
        "--select",
        "KPI402",
        "--no-cache",
        "--fail-on",
        "never",
        "--output-format",
        "json",
        "-o",
        str(out),
    ]
    result = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env, check=False)
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    items = data if isinstance(data, list) else data["findings"]
    return [f for f in items if f.get("code") == "KPI402"]


def test_longest_first_orders_ties_by_code_point() -> None:
    assert longest_first(["预算执行", "支出进度", "拨款率", "支出进度"]) == ("支出进度", "预算执行", "拨款率")


def test_findings_do_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    runs = [_findings(seed, tmp_path / f"seed{seed}.json") for seed in ("1", "2", "3")]
    assert runs[0] == runs[1] == runs[2]
    messages = [str(f["message"]) for f in runs[0]]
    assert len(messages) == 1 and "（支出进度）" in messages[0]
