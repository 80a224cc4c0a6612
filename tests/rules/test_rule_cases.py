"""Every rule's YAML cases (tests/rules/KPINNN.yml): must-fail and must-pass tables."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from kpi_lint.config import Config
from kpi_lint.model import Document
from kpi_lint.parse import parse
from kpi_lint.rules.base import Rule, RuleContext
from kpi_lint.rules.context import build_context
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import all_rules, rule_by_code
from tests.rules.builder import build_document

CASE_DIR = Path(__file__).parent


def _cases() -> list[Any]:
    params = []
    for path in sorted(CASE_DIR.glob("KPI*.yml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in spec["cases"]:
            # A file's `options` apply to each of its cases unless the case gives its own (`options: {}`: the defaults).
            case = {"options": spec.get("options") or {}, **case}
            params.append(pytest.param(spec["rule"], case, id=f"{spec['rule']}-{case['name']}"))
    return params


def _case_document(case: dict[str, Any], tmp_path: Path) -> Document:
    """A case's document: raw table text (`source:`) read by the real parser, else built from `project:`."""
    if "source" not in case:
        return build_document(case)
    path = tmp_path / "case.txt"
    path.write_text(case["source"], encoding="utf-8")
    doc = parse(path)
    assert not doc.problems, [p.message for p in doc.problems]
    return doc


def _rule(code: str) -> type[Rule]:
    rule = rule_by_code(code)
    assert rule is not None, f"no rule {code}"
    return rule


@pytest.mark.parametrize(("code", "case"), _cases())
def test_rule_case(code: str, case: dict[str, Any], tmp_path: Path) -> None:
    rule = rule_by_code(code)
    assert rule is not None, f"no rule {code}"
    doc = _case_document(case, tmp_path)
    # `options` (the file's, or the case's own) configure the rule as [tool.kpi-lint.rules.KPINNN] would.
    # `with` runs the rules that own a defect this one defers to (Rule.defers_to: one defect, one finding)
    # beside it; `context: check` builds what `kpi-lint check` gives the rules (the shipped classifiers, peers).
    rules = [rule, *(_rule(other) for other in case.get("with", ()))]
    if case.get("context") == "check":
        context = build_context([doc], Config(), rules)
    else:
        # `extras` lets a case hand the rule what the check command would (e.g. a reviewer's model for KPI307).
        context = RuleContext(documents=[doc], extras=case.get("extras") or {})
    if case["options"]:
        context.options = {**context.options, code: dict(case["options"])}
    findings = [f for f in run_rules([doc], rules, context) if f.code == code]
    if case["expect"] == "pass":
        assert findings == [], f"{case['why']}: unexpected {[f.message for f in findings]}"
    else:
        assert findings, f"{case['why']}: expected a {code} finding"
        if "findings" in case:
            assert len(findings) == case["findings"], [f.message for f in findings]
        for f in findings:
            assert f.message and f.path == doc.path and f.line >= 1 and f.column >= 1
            # what the finding says: words it must carry, words it must not (a reworded message is held to them)
            assert all(word in f.message for word in case.get("says", ())), f.message
            assert not any(word in f.message for word in case.get("not_says", ())), f.message
            assert f.severity == case.get("severity", f.severity), (f.severity, f.message)
        if "suggestion" in case:  # the value each finding proposes (null: none)
            assert [f.suggestion for f in findings] == [case["suggestion"]] * len(findings)
        if "at" in case:  # text → finding end to end: where in the source text each finding points
            assert [(f.line, f.column) for f in findings] == [tuple(place) for place in case["at"]]


def test_every_rule_has_failing_and_passing_cases() -> None:
    for rule in all_rules():
        path = CASE_DIR / f"{rule.code}.yml"
        assert path.exists(), f"{rule.code} has no YAML cases"
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
        expects = {c["expect"] for c in cases}
        assert expects == {"fail", "pass"}, f"{rule.code} needs both failing and passing cases"
