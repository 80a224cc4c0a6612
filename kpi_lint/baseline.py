"""Baselines: accept today's findings, report only new ones.

A finding's fingerprint is its code, file name, project, 三级指标 and value —
not its line, so that edits elsewhere in a file do not bring old findings back.
Identical rows (the same indicator in 实施期 and 年度) share a fingerprint, so
the baseline counts them: a third copy is new.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from kpi_lint.parse.common import squash
from kpi_lint.rules.base import Finding

FORMAT = "kpi-lint-baseline"
VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read; the message is one line, naming the file."""


def _key(f: Finding) -> tuple[str, str, str, str, str]:
    return (f.code, Path(f.path).name, squash(f.project or ""), squash(f.level3 or ""), squash(f.value or ""))


def fingerprint(f: Finding) -> str:
    return hashlib.sha256("\x1f".join(_key(f)).encode("utf-8")).hexdigest()[:24]


def write_baseline(path: Path, findings: Sequence[Finding]) -> int:
    """Record `findings`; returns how many entries (distinct fingerprints) were written."""
    counts: Counter[str] = Counter()
    described: dict[str, dict[str, str]] = {}
    for f in findings:
        fp = fingerprint(f)
        counts[fp] += 1
        code, name, project, level3, value = _key(f)
        described[fp] = {"code": code, "file": name, "project": project, "level3": level3, "value": value}
    entries = [
        {"fingerprint": fp, **described[fp], "count": counts[fp]}
        for fp in sorted(counts, key=lambda k: tuple(described[k].values()))
    ]
    payload = {"format": FORMAT, "version": VERSION, "findings": entries}
    try:
        path.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    except OSError as exc:
        raise BaselineError(f"{path}: 无法写入基线文件：{exc.strerror or exc}") from exc
    return len(entries)


def load_baseline(path: Path) -> Counter[str]:
    """Fingerprint → how many findings with it were accepted."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: 基线文件不存在（用 --write-baseline 生成）") from None
    except OSError as exc:
        raise BaselineError(f"{path}: 无法读取基线文件：{exc.strerror or exc}") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{path}: 不是 kpi-lint 基线文件（JSON 无法解析：{exc}）") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: 不是 kpi-lint 基线文件（用 --write-baseline 生成）")
    counts: Counter[str] = Counter()
    for entry in data["findings"]:
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise BaselineError(f"{path}: 基线文件的条目缺少 fingerprint")
        count = entry.get("count", 1)
        counts[entry["fingerprint"]] += count if isinstance(count, int) and count > 0 else 1
    return counts


def new_findings(findings: Iterable[Finding], baseline: Counter[str]) -> Iterator[Finding]:
    """The findings not accepted by `baseline` (each accepted one is used once), as they come."""
    left = Counter(baseline)
    for f in findings:
        fp = fingerprint(f)
        if left[fp] > 0:
            left[fp] -= 1
        else:
            yield f
