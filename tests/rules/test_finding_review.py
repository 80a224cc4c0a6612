"""The hand-judged findings of tests/data/finding_review.csv stay judged.

A finance reviewer read findings drawn at random, stratified by rule, from `kpi-lint check`
(bench/finding_review_sample.py) and wrote a verdict for each: right, partly or wrong, and why.
Column `sample` says which draw a row belongs to: 1 = 164 findings over the wild set and the five
samples (seed 11), drawn before issue 11's fixes; 2 = 136 findings over the wild set only (seed 29,
15% of each rule, at least 8), drawn after the first round of them; 3 = 47 findings on the wild
set's batch j (seed 31), documents none of the fixes had seen — a held-out check; 4 = 127 findings over
the whole wild set (106 files; seed 47, 12 of each rule that fires at least 5 times, all of them when it
fires fewer), drawn before issue 11e's fixes; 5 = 153 findings over the whole wild set (113 files; seed 53,
12 of each of the 16 rules that fire at least 5 times, all of them when fewer), drawn on main 588b9be before
issue 11f's fixes; 6 = 164 findings over all 121 wild files (seed 61, 12 of each rule that fires at least 5
times and every finding of the rules that fire fewer, so that every rule that fires is judged), drawn on main
cd056c8 before issue 11g's fixes; 7 = every finding (63) in the wild set's batch n (n01–n09, documents no rule was
tuned on), from `kpi-lint check` over the whole wild set and the samples on main ed18907, before issue 11h's
fixes — a blind, complete (not sampled) review of that batch; 8 = 96 findings over all 132 wild files (seed 71,
half of each rule's findings not judged in samples 1–7, at least 5 of every rule that fires at least 5 times, all
of them when fewer are left), drawn on main 6e7d458 before issue 11i's fixes; 9 = 50 findings over all 134 wild files
not judged in samples 1–8 (seed 89, --share 0 --at-least 12 --min-fires 0 --exclude-reviewed: 12 of each rule's
unjudged findings, all of them when fewer are left — only KPI101, 103, 104, 202 and 404 had any), drawn on b363aea
and judged blind before issue 11j's fixes; 10 = 58 findings over the wild set and the five samples not judged in
samples 1–9 (seed 97 on main 2891192, --share 0 --at-least 3 --min-fires 5 --exclude-reviewed: 3 of each rule that
fires at least 5 times; all fell in the five samples, the wild set having only KPI101/103 findings left), judged
blind before issue 11l's fixes; 11 = 51 wild findings not judged in samples 1–10 (seed 101 on 5b43b3d, --share 0
--at-least 14 --min-fires 0 --only corpus/wild/ --exclude-reviewed: 14 of the 25 unjudged KPI101, every other unjudged
wild finding, most of them in the new batches p and q), judged blind before issue 11m's fixes; 12 = all 26 wild findings
not judged in samples 1–11 (seed 113 on bb16a1b, --share 1 --at-least 0 --only corpus/wild/ --exclude-reviewed: 15 on
the new batch r, 11 elsewhere), judged blind before issue 11n's fixes; 13 = the 3 KPI107 findings judged "partly" in
samples 2, 5, 6 and 10 for a "same basis on every row" message that session 10 reworded into an info hint (c01 44,
l02 95, 003 1888), judged again on the reworded message by issue 11o — not blind, not random: the old rows keep
their verdicts; 14 = the f06 KPI201 finding of sample 4 that was judged partly only for its project name
("其中:当年财政拨款"), judged again by issue 9z where it stands once the reader read the name (2:23, the name's
place) — not blind, not random: the old row keeps its verdict (now silent at 2:219); 15 = all 8 findings on the new
batch s (s01–s05, 5 documents no rule was tuned on), judged by the session lead on main d17162e before any rule
change — a census, not a draw, and not blind to the reader fixes batch s had already caused; 16 = 45 wild
findings judged blind by issue 11p on 16001ae before any rule change: all 28 never judged before (seed 116, --share 1
--at-least 0 --min-fires 0 --only corpus/wild/ --exclude-reviewed; fewer than 40 were left) and 17 drawn again at
random among the judged findings of the rules below 0.90 (seed 116, --share 1 --at-least 0 --min-fires 5 --only
corpus/wild/, the first 5 KPI404 and 4 each of KPI103, KPI104, KPI106 in draw order that were already judged), judged
without looking at their earlier verdicts; the earlier rows keep theirs; 17 = 13 findings judged again by issue 11p
after its fixes, on their current message — not blind, not random: 12 judged partly in earlier samples whose message
has changed since (g02's spreadsheet date ×2, d12's missing 元, s01's "1-6期…" no longer called a count, c01/l02's
satisfaction rows now sent to 满意度, g08's "持续发展", k07's 5 bare figures now said to be likely the row's points)
and q02's process measure that KPI402 reports since 11p; the old rows keep their verdicts
(bench/finding_review_precision.py --latest counts each finding once, by its latest sample); 18 = 32 findings judged
blind by issue 11r on bc771f0 before any rule change: up to 8 of each rule that fires at least 5 times on the wild set
among the findings not judged as they now read (seed 118, --exclude-reviewed --reworded; see its floors below) and the
2 findings of the rules never judged (KPI407, KPI308); 19 = 12 findings judged again by issue 11t after its message
fixes, on their new message — not blind, not random: KPI101 c01/l02 "空气质量 | 优良" (partly in samples 5, 8, 18; now
said to be a checkable grade lacking its share), KPI101 c09 "按进度计划实施情况 | 按计划实施" (partly in sample 9; now
said to lack the plan's dates) and the 8 KPI203 findings on a category name without 指标
("服务对象满意度", "社会效益"; b09 partly in sample 18, now called a category name, not an empty phrase) and KPI102
c05 43 "人均培训学时 | ≥90" (partly in samples 2, 4–6; a bare figure now said to lack its unit); the old rows
keep their verdicts; 20 = 12 KPI404 findings never judged before, drawn after issue 11u's first gates (seed 120, --share
0 --at-least 12 --only corpus/ --exclude-reviewed; all in the five samples, every wild KPI404 finding being judged) and
judged blind against the source (see its floors below); 21 = 35 wild findings judged blind by issue 11v on 0aa2a25
before any change: up to 6 of every rule among the wild findings not judged as they now read (seed 121, --share 0
--at-least 6 --min-fires 0 --only corpus/wild/ --exclude-reviewed --reworded; 26 never judged at their place, 9 judged
only on an older wording; see its floors below); 22 = all 21 wild findings not judged as they now read, judged blind
by issue 11w on main 7f8ec19 before any change (bench/finding_review_sample.py --share 1.0 --min-fires 1 --only
corpus/wild --exclude-reviewed tests/data/finding_review.csv --reworded; 12 KPI404 judged on their whole message,
its fill-in example included; see its floors below); 23 = the 12 KPI404 findings of sample 22 judged again by
issue 11w on the message its fix gave them, and 24 = the 38 other KPI404 findings that fix reworded — not blind, not
random: the old rows keep their verdicts; 25 = 12 KPI201 findings judged again by issue 11aa on the message its fix
gave them (no fixed "会议费 ≤20000元" example; a same-sector peer's or none), 10 of them judged before on the old
message, 2 never (000 3466, 004 825) — not blind, not random; 26 = the 4 findings on u01's two projects that issue
11y's reader reads apart (KPI201, KPI202 at 4:9 and 7:9, where one finding at 5:14 stood), judged by the session lead
where they stand — not blind, not random: the old rows keep their verdicts (now silent at 5:14); 27 = the 6 wild
KPI202 findings issue 11ad's fix reworded (m05's two printed-but-empty rows, the prose reports o02, q03 and u01 ×2)
and the KPI106 finding its reader change adds (u01 5:71), judged by its author on the new message — not blind, not
random: the old rows keep their verdicts (g05 41:5, partly in sample 9, now silent); 28 = the 3 findings
that issue 11ae's reader fixes changed or brought (004 729 KPI301 and KPI502 now under 时效指标, j03 17 KPI106 on
"规章制度建立与否", which prints 分值 20 and no target), judged by that helper where they stand — not blind, not random:
the old rows keep their verdicts (004 729 KPI404 and j03's KPI103 17:27 and KPI504 18:22 marked fixed); 29 = all
11 findings of `kpi-lint check corpus/wild/w*.txt` on the new wild batch w (w01–w04, documents no rule or reader
change had seen), judged blind by helper wild-w before any change (5 right, 3 partly, 3 wrong; the 2 input notes
— w02 read as no table, w01's cut last row — are not rule findings and are not in the CSV); 30 = the 4 new
findings on w02 once helper wild-w's reader fix read its prose cells (KPI201, KPI202 ×2, KPI408), judged by the
same helper after the fix — not blind, not random; 31 = the 27 wild KPI201 findings issue 11af's fix
changed (its suggestion only from peers of the project's own sector, no unscaled peer total, no row
the page cut; w03 pointed at its "项目成本控制 | 不超预算" row; g05's NDRC form noted as info), judged by that
helper on the new message and suggestion — not blind, not random: the old rows keep their verdicts
(w03 3:8, partly in sample 29, now silent); 32 = the 9 wild findings issue 11ag's rule fixes brought
or reworded (KPI402 ×6: a08, b01, g09, i01's 资金…及时率 and r05, w04's 资金足额拨付率, a process measure with a
manner word inside; KPI101 ×3: b10, i05, g06 now offered ≤N元 for a cost), judged by that helper
after the fix — not blind, not random: the old rows keep their verdicts (w03 10 KPI101 and w04 43
KPI404 of sample 29 marked fixed); 33 = the 15 wild findings whose suggestion issue 11ah's two-peer floor changed
(KPI201 ×5 now without a suggestion, KPI104 ×10 now offered its own "≤N元" form: every line they lost was set by one
peer project only), judged by that helper on the new suggestion — not blind, not random: the old rows keep their
verdicts (still reported, after_fix unchanged); 34 = all 8 findings of `kpi-lint check corpus` on the new wild
batch x (x01–x03, documents no rule or reader change had seen; bench/finding_review_sample.py --seed 134 --share 1.0
--at-least 0 --min-fires 0 --only corpus/wild/x), judged blind by helper wild-x before any change (4 right, 1 partly,
3 wrong; x02 and x03 were reported as garbled tables, input notes and not rule findings, so all 8 are on x01);
35 = all 3 findings on the new wild batch y (y01–y02, bench/finding_review_sample.py --seed 135 --share 1.0
--at-least 0 --min-fires 0 --only corpus/wild/y), judged blind by helper wild-y before any change (3 wrong, all the
reader's on y01);
36 = the 14 wild findings of main c841579 never judged before that bench/finding_review_sample.py --seed 136
--share 0 --at-least 8 --min-fires 0 --only corpus/wild/ --exclude-reviewed draws (8 of KPI404's 10 unjudged,
every other unjudged one), judged blind by issue 11-sample36 before any change; 37 = the 4 findings issue
11-sample36's fixes brought or reworded (a07 59 KPI404 without its copied example, h04 and l06 KPI402 on 结余率,
u04 30 KPI408), judged by that helper after the fix — not blind, not random: the old rows keep their verdicts;
38: see its floor below; 39 = the draw issue 11-sample38's brief calls "sample 38" (38 was taken): 210 of the 527 wild
findings of main 148731c, 15 of every rule that fires at least 5 times and all of the others (seed 138, --share 0
--at-least 15 --min-fires 0 --only corpus/wild/, earlier verdicts ignored, not --exclude-reviewed), judged blind before
any change and before their earlier verdicts were read — a fresh audit of the catalog as it is; 40 = the 5 findings
issue 11-sample38's fixes reworded, judged by that helper after the fix — not blind, not random; 41 = 8 findings of
sample 39 that helper judged partly blind and right on comparing with their earlier verdicts — not blind: the sample 39
rows keep the blind verdicts.
42 = 103 wild findings of main b457aa7 not in sample 39, drawn by issue 11-sample42 (seed 142, --share 0 --at-least 12
--min-fires 0 --only corpus/wild/ --exclude-sample 39: 12 of every rule's findings left, all when fewer are left) and
judged blind — a second, independent judge — before any earlier verdict of the same findings was read.
43 = the 20 findings issue 11-precision2's fixes brought or reworded (its reference JSON
against main after 11-sample38), judged by that helper after the fix — not blind, not random: the old rows keep their
verdicts (d06 12 KPI501, c05 43 and d08 77 KPI102, u04 27 KPI404 marked silent).
44 = the 43 findings issue 11-precision3's fixes brought or reworded (its reference JSON against main after
11-precision2 and wild-z), j01 45 KPI404 among them (sample 42's one wrong, re-judged), judged by that helper after the
fix — not blind, not random: the old rows keep their verdicts (b10/i05 651, j13 866, g11 39 KPI101, b02 5 KPI201 and
d01 182 KPI104 marked silent).
45 = 76 wild findings of main f07a6c0 in neither sample 39 nor 42, drawn by issue 11-sample45 (seed 145, --share 0
--at-least 10 --min-fires 0 --only corpus/wild/ --exclude-sample 39 --exclude-sample 42: 10 of every rule's findings
left, all when fewer are left) and judged blind — a third, independent judge — before any earlier verdict was read.
48 = 135 wild findings of main 97a0237 whose places an earlier blind judge saw (samples 39, 42, 45 or 47), drawn by
issue 11-sample48 (seed 148, --share 0 --at-least 10 --min-fires 5 --only corpus/wild/ --within-sample 39
--within-sample 42 --within-sample 45 --within-sample 47: 10 of every rule that fires at least 5 times on the wild set,
all when fewer) and judged blind — a fifth, independent judge — before any earlier verdict was read.
46 = the 1 finding issue 11-timely's fix took away (its reference JSON against main after reader-z): z01 20 KPI404, an
on-time adverb before the verb of a task read as a deadline, judged wrong by that helper after the fix — not blind,
not random.
51 = 135 wild findings of main 565c878, 10 of every rule that fires at least 5 times on the wild set, all when
fewer (seed 151, --share 0 --at-least 10 --min-fires 5 --only corpus/wild/, earlier verdicts ignored), judged blind
by issue 11-sample51 — a sixth, independent audit after session 20's fixes — before any earlier verdict was read.
53 = 155 wild findings of main 1c5b064, 15 of every rule that fires at least 5 times on the wild set but KPI205, KPI102
and KPI105 (being reworded), all when fewer (seed 153, --share 0 --at-least 15 --min-fires 5 --only corpus/wild/
--skip-code KPI205 --skip-code KPI102 --skip-code KPI105), judged blind by issue 11-sample53 — a seventh audit.
55 = 185 wild findings of main 54fead6, 15 of every rule that fires at least 5 times on the wild set, all when fewer
(seed 155, --share 0 --at-least 15 --min-fires 5 --only corpus/wild/, nothing skipped), judged blind by issue
11-sample55 — an eighth audit, of every rule after all fixes.
This test runs
the whole catalog over the same documents, in the context `kpi-lint check` builds (peers, the shipped
classifiers), and holds the catalog to those verdicts:

* a `right` finding is still reported, at its place (or as one occurrence of a finding that
  reports a document-wide pattern once), unless its `after_fix` column says why a change silenced
  it ("silent: …"): a regression on record, an expected failure, strict;
* a `wrong` finding is no longer reported, unless its `after_fix` column says why it still is
  (a reading problem of the parser that the rules cannot see): those are expected failures,
  strict, so that fixing one shows up here and the CSV is updated;
* a `partly` finding is documented only (its `after_fix` column says whether it is still shown).
"""

from __future__ import annotations

import csv
import importlib.util
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Literal

import pytest

from kpi_lint.config import Config
from kpi_lint.errors import InputError
from kpi_lint.model import Document
from kpi_lint.parse import parse
from kpi_lint.rules.base import Finding, Severity
from kpi_lint.rules.context import build_context
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import all_rules
from tests.corpus import CORPUS_DIR, ROOT

REVIEW = ROOT / "tests" / "data" / "finding_review.csv"
VERDICTS = ("right", "partly", "wrong")


def _rows() -> list[dict[str, str]]:
    with REVIEW.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


ROWS = _rows()


@cache
def _findings() -> dict[tuple[str, str], list[Finding]]:
    """Every finding of the catalog over the wild set and the samples, by (file, code)."""
    paths = sorted((CORPUS_DIR / "wild").glob("*.txt")) + sorted(CORPUS_DIR.glob("*.txt"))
    documents: list[Document] = []
    for path in paths:
        try:
            documents.append(parse(path))
        except InputError:
            continue  # a file without a table: reported by the CLI, nothing to judge
    found = run_rules(documents, list(all_rules()), build_context(documents, Config()))
    index: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for f in found:
        index[(Path(f.path).relative_to(ROOT).as_posix(), f.code)].append(f)
    return index


# Rules that report several facts of a project at one place (KPI202: each missing dimension at the
# project's first line): there the row's 二级 says which of them a verdict is about.
_ONE_PLACE_PER_DIMENSION = frozenset({"KPI202"})


def _reported(row: dict[str, str]) -> bool:
    place = (int(row["line"]), int(row["column"]))
    at = [f for f in _findings()[(row["file"], row["code"])] if (f.line, f.column) == place or place in f.occurrences]
    if row["code"] in _ONE_PLACE_PER_DIMENSION:
        at = [f for f in at if (f.level2 or "") == row["level2"]]
    return bool(at)


def _id(row: dict[str, str]) -> str:
    return f"{row['code']}-{Path(row['file']).stem[:3]}-{row['line']}:{row['column']}"


def test_the_review_covers_every_rule_that_fired_with_a_reason_for_each_verdict() -> None:
    assert len(ROWS) >= 150
    assert {r["verdict"] for r in ROWS} <= set(VERDICTS)
    assert all(r["why"].strip() for r in ROWS)
    codes = {r["code"] for r in ROWS}
    assert len(codes) >= 20  # every rule that fired on the wild set and the samples before the review
    assert all(Path(ROOT / r["file"]).is_file() for r in ROWS)


def _right_cases() -> list[object]:
    """Right findings; one that a change silenced and that is not fixed yet says why in `after_fix`
    ("silent: …") and is an expected failure, strict, so that reporting it again shows up here."""
    cases: list[object] = []
    for row in ROWS:
        if row["verdict"] != "right":
            continue
        lost = row["after_fix"].startswith(("silent:", "lost"))
        marks = [pytest.mark.xfail(strict=True, reason=row["after_fix"])] if lost else []
        cases.append(pytest.param(row, marks=marks, id=_id(row)))
    return cases


@pytest.mark.parametrize("row", _right_cases())
def test_a_right_finding_is_still_reported(row: dict[str, str]) -> None:
    assert _reported(row), f"{row['file']}:{row['line']}:{row['column']} {row['code']} — {row['why']}"


def _wrong_cases() -> list[object]:
    cases: list[object] = []
    for row in ROWS:
        if row["verdict"] != "wrong":
            continue
        still = row["after_fix"].startswith("still reported")
        marks = [pytest.mark.xfail(strict=True, reason=row["after_fix"])] if still else []
        cases.append(pytest.param(row, marks=marks, id=_id(row)))
    return cases


@pytest.mark.parametrize("row", _wrong_cases())
def test_a_wrong_finding_is_no_longer_reported(row: dict[str, str]) -> None:
    assert not _reported(row), f"{row['file']}:{row['line']}:{row['column']} {row['code']} — {row['why']}"


def test_partly_right_findings_say_what_became_of_them() -> None:
    partly = [r for r in ROWS if r["verdict"] == "partly"]
    assert partly
    for row in partly:
        shown = _reported(row)
        assert row["after_fix"] == ("reported" if shown else "silent"), _id(row)


@dataclass(frozen=True)
class Draw:
    """How a blind sample was drawn by bench/finding_review_sample.py, as far as the review file can show it.

    `outside` (--exclude-sample …) and `census` (the same, every finding left): none of its places was judged in
    `earlier`; `within` (--within-sample …): every one of them was. `size` rows in all, over `rules` rules."""

    kind: Literal["outside", "within", "census"]
    earlier: frozenset[str]
    size: int
    rules: int


@dataclass(frozen=True)
class Pin:
    """One judged sample held to the strict precision (right / judged) recorded when it was judged and fixed.

    `per_rule`: the floor of each rule with at least 5 findings still reported, and exactly those rules (a rule that
    rises to 5 or falls below must be written down); `overall`: the floor over all its findings still reported, of
    which there are at least `at_least`; `draw`: how a blind draw was made, for the samples whose rows can show it."""

    sample: str
    per_rule: Mapping[str, float] = field(default_factory=dict)
    overall: float | None = None
    at_least: int = 0
    draw: Draw | None = None


# The samples without a pin of their own: 1, 3, 13, 14, 17 and 28–30 (their rows are held one by one above); 35 and
# 46, pinned row by row below, as nothing of them is still reported.
UNPINNED = frozenset({"1", "3", "13", "14", "17", "28", "29", "30", "35", "46"})

# Every other judged sample's pin, one record each, with the provenance of its floors beside it.
PINS: tuple[Pin, ...] = (
    # Strict precision (right / judged) per rule on the second sample's findings that are still
    # reported, for the rules with at least 5 of them: the figures of the issue-11 note. A rule may
    # do better; doing worse means a right finding was lost or a wrong one came back.
    Pin(
        "2",
        per_rule={
            "KPI101": 1.0,
            # KPI102 6/7 until issue kpi102-place: h01 165:1 (right) is silent, the same message now at 323:1
            # (学校发展能力, the first row it counts; not judged there, the old row keeps its verdict): 4 left (< 5)
            "KPI103": 8 / 9,
            # KPI104 6/8 until issue 11-precision3: d01 182 "当期完成 | 90%" (partly) is silent (当期 is on time), < 5
            # left; 5/5 again since issue 11-s53-fixes: f02 40 "按照物价部门定价标准采购 | 100%" (right) is reported by
            # KPI104 (info) now that KPI404 keeps the price row under 成本
            "KPI104": 1.0,
            "KPI105": 1.0,
            "KPI205": 1.0,
            "KPI302": 1.0,
            "KPI502": 1.0,  # KPI404: < 5 left since issue-13c's classifier
            # KPI106: < 5 left since the reader read e07's and j07's glued previews row by row (was 4/7)
        },
    ),
    # The same on sample 4 (drawn over all 106 wild files before issue 11e's fixes): strict precision of
    # the judged findings still reported, for the rules with at least 5 of them. At the draw (127 judged):
    # KPI101 9/12, KPI102 6/7, KPI103 7/12, KPI104 7/12, KPI105 11/11, KPI106 1/12, KPI201 8/12,
    # KPI202 4/12, KPI205 7/7, KPI302 6/6, KPI404 6/12, KPI502 12/12. What is still wrong is nearly all the
    # reader's (the CSV's after_fix says which); a reader fix may only raise these.
    Pin(
        "4",
        per_rule={
            "KPI101": 1.0,
            # KPI102 6/7 until issue kpi102-place: h01 165:1 (right) is silent, the same message now at 323:1
            # (学校发展能力, the first row it counts; not judged there, the old row keeps its verdict): 4 left (< 5)
            "KPI103": 1.0,
            "KPI104": 7 / 9,
            "KPI105": 1.0,
            "KPI201": 7 / 8,
            "KPI205": 1.0,
            "KPI302": 1.0,
            "KPI404": 5 / 6,
            "KPI502": 1.0,  # KPI202: < 5 left (issue 11k)
            # KPI404 5/6 since issue 11w: b04 11 "改善人居环境" (wrong, 社会 → 生态) is silent
            # (lexicons/shared_subjects.txt)
            # KPI404 was 6/8 until issue 11u: k06 46 "数量指标 | 各种强制免率、屠宰率及检疫率 | 100%" (right here,
            # partly in sample 16) is silent: a coverage rate under 数量 reads either way (lexicons/coverage_rates.txt)
            # KPI106: fewer than 5 judged still reported since the reader read e07's, j07's and k03's rows
            # KPI201 was 8/10 until sample 6's review re-judged b05 13:3 partly (the excerpt is cut inside that
            # project), then 6/7 until issue 9w read f06's flattened table: its KPI201 (no 成本指标: true; partly, the
            # project name is the table reader's "其中:当年…") is reported again, and 7/9 is what is measured; 7/8 since
            # issue 9z read f06's name: the finding moved to the name's place (re-judged right there, sample 14), the
            # partly row is silent
        },
    ),
    # The same on sample 5 (drawn over all 113 wild files on main 588b9be, before issue 11f's fixes; 153
    # judged). At the draw: KPI101 9/12, KPI102 6/7, KPI103 7/12, KPI104 9/12, KPI105 12/12, KPI106 7/12,
    # KPI107 0/7, KPI201 9/12, KPI202 5/12, KPI203 8/8, KPI205 7/7, KPI302 6/6, KPI402 5/5, KPI404 9/12,
    # KPI502 11/12, KPI504 2/5 (112/153 = 0.73). The floors are the figures after issue 11f's rule fixes,
    # which were shaped on this sample's wrong verdicts (optimistic: they show the causes named are gone,
    # not the precision on unseen text). Nearly all that is still wrong is the reader's; the CSV's
    # after_fix says, for each, whether the reader, a rule or the category model is the cause.
    Pin(
        "5",
        per_rule={
            "KPI101": 9 / 12,
            # KPI102 6/7 until issue kpi102-place: h01 165:1 (right) is silent, the same message now at 323:1
            # (学校发展能力, the first row it counts; not judged there, the old row keeps its verdict): 4 left (< 5)
            "KPI103": 7 / 12,
            "KPI104": 8 / 10,
            "KPI105": 1.0,
            "KPI106": 7 / 10,
            "KPI201": 6 / 8,
            "KPI203": 1.0,
            "KPI205": 1.0,
            "KPI302": 1.0,
            "KPI402": 1.0,
            "KPI404": 1.0,
            "KPI502": 11 / 12,
            "KPI202": 1.0,
            # KPI202 5/5 since issue 11u (< 5 left from issue 11k's cut and garbled tables until then): j02 9
            # "没有质量指标" (right) is reported again, as KPI404 no longer moves j02's "发放(缴纳)覆盖率" from 数量 to
            # 质量
            # KPI404 8/8 since issue 11u (k06 46's coverage rate, right, silent: lexicons/coverage_rates.txt); 9/9 since
            # issue 11r: e02 3:263 "…储备到位率 | 100%" under 数量 (partly) is silent (lexicons/quantity_rates.txt)
            # KPI104 was 9/11 until issue 11h (one defect, one finding): j04 75 "成本指标 | 资金执行率 | 100%" (right)
            # is reported by KPI402 on the same row (a budget-process measure, to be replaced); KPI104 defers to it
            # KPI107: 2 judged still reported (both partly) since its explanation columns are not read as bases
            # KPI504: 4 judged still reported (2 right, 1 partly, 1 wrong) since the reader read j07's first rows
            # KPI201 was 9/12 until sample 6's review re-judged b05 13:3 partly (the excerpt is cut inside that project)
        },
    ),
    # The same on sample 6 (drawn over all 121 wild files on main cd056c8, before issue 11g's fixes; 164 judged, every
    # rule that fires; 139 of the 15 rules that fire at least 5 times). As drawn: KPI101 11/12, KPI102 6/7, KPI103
    # 10/12, KPI104 8/12, KPI105 10/12, KPI106 8/12, KPI201 8/12, KPI202 10/12, KPI203 5/5, KPI205 7/7, KPI302 6/6,
    # KPI402 6/6, KPI404 8/12, KPI502 11/12, KPI504 2/5 (126/164 = 0.77 over every rule). The floors are the figures
    # after issue 11g's rule fixes (KPI104 8/8, KPI404 8/11; KPI503 has fewer than 5 judged left), which were shaped on
    # this sample's wrong verdicts: optimistic. What is still wrong is the reader's or the category model's (the CSV's
    # after_fix says which).
    # KPI105 9/11 with wild batch n: b03 25:60 (right) is silent since n08 adds a peer 预算资金执行率 90% target, so
    # b03's ≥90% is no longer below the peers (data, not a rule change; the row says "silent: …").
    # KPI101 10/11 since issue 11h (one defect, one finding): g06 30:18 "项目完成及时性 | 程度较高" (right) is reported
    # by KPI104 on the same value, which says what a 时效 target needs; KPI101 defers to it (the row says "silent: …").
    # KPI103 10/11 since issue 11i: j07 4:251 "一级种薯繁育基地 | 0" (wrong, the reader's: the glued row was cut so the
    # value reads 0, not 8000亩) is silent, as a target of zero needs no unit.
    # KPI103 10/10 since issue 11o: j01 11:16 "505006州民族特殊教育学校 | 30.00" (wrong, a unit's code, name and funds
    # read as an indicator) is silent: a cell opening with a code of six digits or more is no indicator name.
    Pin(
        "6",
        per_rule={
            "KPI101": 10 / 11,
            # KPI102 6/7 until issue kpi102-place: h01 165:1 (right) is silent, the same message now at 323:1
            # (学校发展能力, the first row it counts; not judged there, the old row keeps its verdict): 4 left (< 5)
            "KPI103": 1.0,
            "KPI104": 1.0,
            "KPI105": 9 / 11,
            "KPI106": 8 / 12,
            "KPI201": 7 / 10,
            "KPI202": 1.0,
            "KPI203": 1.0,
            "KPI205": 1.0,
            "KPI302": 1.0,
            "KPI402": 1.0,
            "KPI404": 1.0,
            "KPI502": 11 / 12,  # KPI201 7/10: h02 right silent, its self-evaluation garbled (issue 11k)
            # KPI404 5/5 since issue 11u (8/9 before): the coverage rates under 数量 i04 22, j02 80 and k06 46 (right
            # here) are silent, as 覆盖率 under 数量 reads either way (lexicons/coverage_rates.txt); issue 13-resplit2
            # turned j02 80's verdict to partly for that reason (its label keeps the printed 数量), which no floor
            # counts (silent)
        },
    ),
    # The same on sample 7: all 63 findings on the wild set's batch n (n01–n09), a batch no rule had been tuned on,
    # judged blind on main ed18907 before issue 11h's fixes. As drawn: KPI101 7/22, KPI202 4/15, KPI502 5/5,
    # KPI104 3/7, KPI201 3/4, KPI404 2/3, KPI103 1/2, KPI506 0/2, KPI102 0/1, KPI402 1/1, KPI503 0/1 (26/63 = 0.41).
    # 31 wrong: 26 the reader's (n08's scrambled columns, n03's prose, n09's glued traditional text), 5 the rules'
    # (all fixed). The floors are the figures after issue 11h's rule fixes (optimistic for the same reason as
    # sample 6's); what is still wrong is the reader's (the CSV's after_fix names file:line and what the reader did).
    Pin(
        "7",
        per_rule={"KPI101": 6 / 7, "KPI502": 1.0},  # KPI202: n03/n08/n09 cut or garbled (issue 11k)
    ),
    # The same on sample 8: 96 findings over all 132 wild files, none judged before (seed 71, half of each rule's
    # not-yet-judged findings, at least 5 — all when fewer are left — of every rule that fires at least 5 times), drawn
    # on main 6e7d458 and judged blind before issue 11i's fixes. As drawn: KPI101 30/39, KPI103 11/17, KPI404 9/13,
    # KPI202 8/9, KPI104 6/7, KPI201 3/3, KPI502 3/3, KPI105 2/2, KPI106 1/2, KPI402 1/1 (74/96 = 0.77; 8 partly). 14
    # wrong: 7 the reader's, 1 the excerpt's cut read as a row, 2 the category model's, 4 the rules'. The floors are the
    # figures after issue 11i's rule fixes (the 4 rule-caused and the 2 model-caused wrongs, and the reader's b08
    # execution line, are silent; optimistic, as the fixes were shaped on these verdicts): KPI101 30/37, KPI103 11/14,
    # KPI404 9/11. What is still wrong is the reader's (the CSV's after_fix names file:line and what the reader did).
    # KPI202 7/8 since issue 11j (one defect, one finding): g08 6:1 "没有质量指标" (right) is silent where KPI404
    # proposes moving "种植作物成活率 | >=85" from 数量 to 质量 in the same project (Finding.moves_to): that row owns
    # the gap.
    # KPI404 8/9 since issue 13-resplit2 (9/10 before issue 13-resplit, 7/8 in it): j03 23 "资助标准达标率" (right) is
    # reported again, its label settled to 质量 (a rate of standard met, not money). f02 54 "疫苗使用率" (right here,
    # partly in samples 22 and 23: a use rate under 数量 is one of two defensible readings) stays silent: f02 is in
    # train and its label keeps the printed 数量, which the later verdicts agree with.
    Pin(
        "8",
        per_rule={
            "KPI101": 30 / 33,
            "KPI103": 11 / 14,
            "KPI404": 8 / 9,
            "KPI202": 1.0,
            "KPI104": 6 / 7,
        },
    ),
    # The same on sample 9: 50 findings over all 134 wild files not judged in samples 1–8 (seed 89 on b363aea), judged
    # blind before issue 11j's fixes. As drawn: KPI101 10/12, KPI103 8/12, KPI104 5/6, KPI202 5/8, KPI404 5/12 (33/50 =
    # 0.66; 8 partly). 9 wrong: 4 the reader's (f06, n08, k06 twice), 2 the excerpt's cut inside the last row (c07,
    # m08), 2 the category model's (e02 经济→社会, b08 "完成率" whose 指标说明 says 及时 but is not read), 1 the rule's
    # (h02). The floors are the figures after issue 11j's fixes (the 2 cut rows, h02, k06's glued label and f06's gap
    # filled by KPI404's move are silent; optimistic, as the fixes were shaped on these verdicts): KPI103 8/10, KPI104
    # 5/5, KPI202 5/7, KPI404 5/10 (l01 12:8, partly, silent: a frequency under 时效 fits where filed), KPI101 10/11
    # (j09 3:14 "…服装质量等 | 合格", partly, silent: a pass/fail verdict under 质量 is checkable).
    # KPI404 5/8 since issue 11p: k06 48 "及检疫率 | 免疫效果好;检疫符合" (wrong, a name wrapped over two lines) is
    # silent, as a cell opening with a conjunction is no name.
    # KPI404 5/6 since issue 11u: e02 4:193 "经济效益指标 | 政策性挂账利息补贴保障率 | 100%" (wrong, moved to 社会效益)
    # is silent, as an effect whose subject is money is 经济效益's (lexicons/economic_subjects.txt)
    # KPI404 5/6 again since issue 13-resplit2: e02 4:122 and l01 17:11 (right), silent in issue 13-resplit while their
    # hand labels kept the printed 成本 / 可持续影响, are reported again: re-read by corpus/labels/README.md's rules, a
    # price execution rate is a rate of standard met (质量) and a service period a date span (时效), and the retrained
    # model follows the settled labels (e02's KPI104 defers to KPI404 again).
    Pin("9", per_rule={"KPI101": 10 / 11, "KPI103": 8 / 10, "KPI104": 1.0, "KPI202": 5 / 7, "KPI404": 5 / 6}),
    # Sample 10: 58 findings over the wild set and the five samples not judged in samples 1–9 (seed 97 on main 2891192,
    # 3 of each rule that fires at least 5 times; all fell in the five samples), judged blind before issue 11l's fixes.
    # As drawn: 52 right, 3 partly, 3 wrong (0.90 strict, 0.95 lenient); no rule has 5 judged rows, so the floor is over
    # all rules. After issue 11l's fixes (optimistic: shaped on these verdicts): 004 654 KPI404 (完成率 under 数量) and
    # 001 312 KPI301 (a clipped name read as a repeat) are fixed, 003 1769 KPI203 (运行保障成本, partly) is silent: 52
    # of the 55 still reported are right; the wrong one left was the reader's (004 729, a merged 二级 cell), fixed by
    # issue 11ae (the label printed on the cell's second row, one cell short, is the whole cell's): 52 of 54.
    # 51 of 53 since issue kpi102-403: 003 2412 KPI102 (right) is silent, the same message reported at 2426:2 (总成本,
    # the first row it counts where "≥95" is no natural target, not 信息系统故障发生率; not judged there).
    Pin("10", overall=51 / 53, at_least=50),
    # Sample 11: 51 wild findings not judged in samples 1–10 (seed 101 on 5b43b3d: 14 of the 25 unjudged KPI101, every
    # other unjudged wild finding; most in the new batches p and q), judged blind before issue 11m's fixes. As drawn: 24
    # right, 6 partly, 21 wrong (0.47 strict, 0.59 lenient); KPI101 14/14, KPI202 1/9, KPI103 1/6. After issue 11m's
    # rule fixes (optimistic: shaped on these verdicts) KPI102 q02/h02, KPI107 p07 ×4 and KPI406 q04 ×2 are silent: 24
    # of the 43 still reported are right. The 13 wrong left were the reader's (the CSV's after_fix says which): p08's
    # and p09's excerpts stop after the first row without being marked cut (KPI201/202 ×9), q01's prose 数量 row, q04's
    # OCR splits, h02's unread execution score. Since issue 9s the reader marks a text that stops mid-sentence as cut:
    # p08's and p09's 9 are silent, 24 of the 34 still reported are right, and KPI202 has fewer than 5 left (1 right,
    # q01 wrong). Since issue 9q the reader reads q04's OCR'd rows as labelled: its two wrong KPI103, two partly
    # findings and the right KPI203 on the old reading ("数量指标" as the name) are gone, 23 of the 29 still reported
    # are right, KPI103 has fewer than 5.
    # Since issue 11o the reader reads the points h02's funds label gives budget execution ("预算执行情况(万元) ⏎
    # (20分)") and KPI503 lets an unread execution score take them: h02's KPI503 (wrong) is silent, 23 of the 28 are
    # right.
    Pin("11", per_rule={"KPI101": 1.0}, overall=23 / 28),
    # Sample 12: all 26 wild findings not judged in samples 1–11 (seed 113 on bb16a1b; 15 on the new batch r, documents
    # no rule was tuned on), judged blind before issue 11n's fixes. As drawn: 16 right, 4 partly, 6 wrong (0.62 strict,
    # 0.77 lenient); KPI101 12/14, batch r 5/15. Wrong: 5 the reader's (r06's glued notice, asterisked header and row
    # read as four rows, KPI101 ×2, KPI103, KPI404; r05's glued "≥10%115.25%20%20" read as weight 2, KPI504), 1 the
    # rule's (r05 KPI404, a growth rate moved to 质量: silent since issue 11n, optimistic as the fix was shaped on this
    # verdict). Since issue 9r the reader reads r06 as labelled: its four are silent, 16 of the 21 still reported are
    # right (r05's KPI504 now says 110, still wrong: the rule cannot tell a 区域 form with no execution score from
    # a09/j09's unread one).
    # Since issue 9t the reader reads a09's and j09's glued execution 分值 and KPI504 leaves a form that prints none
    # with indicators summing to 100: r05's is silent, 16 of the 20 still reported are right.
    Pin("12", per_rule={"KPI101": 12 / 12}, overall=16 / 20),
    # Sample 15: all 8 findings on batch s. As judged: 6 right, 1 partly, 1 wrong (0.75 strict, 0.88 lenient). Wrong:
    # s01's KPI104 on "2021.1.1-12.31", a dotted date range whose end leaves out the year, parsed as the count 2021.1
    # (the value parser's, silent since dotted ranges and deadlines read as dates; optimistic, as the fix was shaped on
    # this verdict).
    # Partly: s01's KPI104 on "1-6期培训结束后及时考核", which states no period but is no count either.
    Pin(
        "15",
        per_rule={},  # no rule has 5 findings here; KPI101 3/3
        overall=6 / 7,
    ),
    # Sample 16: 45 wild findings judged blind by issue 11p on 16001ae: the 28 never judged before and 17 drawn again
    # among the judged findings of KPI103/104/106/404. As judged: 33 right, 2 partly, 10 wrong (0.73 strict, 0.78
    # lenient); KPI101 6/7, KPI103 5/6, KPI104 5/6, KPI106 3/5, KPI404 4/5. Wrong: 5 on n06's OCR'd self-evaluation (the
    # form's own 过程管理 rows read as targets ×4, KPI101/103/106/402; "M.8万元" for 14.8万元, KPI501), all silent since
    # issue 11p's rule fixes (optimistic: shaped on these verdicts); 3 on r07, a news report quoting only the 产出 part
    # of a target table (KPI201, KPI202 ×2: the rules cannot tell a partial quote); 2 the reader's (j04's extra cell,
    # k06's wrapped note), both judged wrong before too. 33 of the 40 still reported are right.
    # Since issue 11u k06 46's coverage rate under 数量 (KPI404, partly) is silent (lexicons/coverage_rates.txt): KPI404
    # has 4 still reported (4/4), fewer than 5; 33 of the 39 still reported are right.
    Pin("16", per_rule={"KPI101": 1.0, "KPI103": 1.0, "KPI104": 5 / 6}, overall=33 / 39),
    # Sample 18: 32 findings judged blind by issue 11r on bc771f0 before any rule change (seed 118, --share 0 --at-least
    # 8 --min-fires 5 --only corpus/wild/ --exclude-reviewed --reworded: up to 8 of each rule that fires at least 5
    # times on the wild set among the findings never judged as they now read — 9 never judged at all, 21 judged only on
    # a message worded otherwise since — and the 2 findings of KPI407 and KPI308, the rules never judged). As judged: 24
    # right, 6 partly, 2 wrong (0.75 strict, 0.94 lenient); KPI101 5/8 (3 partly: "优良" air quality ×2 is a grade one
    # can check, f05's value quoted with OCR debris), KPI404 4/8 (2 wrong, 2 partly), KPI103 4/4, KPI106 4/4, KPI203
    # 1/2, KPI105 2/2, KPI205 2/2. Wrong: t02 "猪肉产量稳定率 | ≥95%" and e02 "…储备到位率 | 100%" under 数量, moved to
    # 质量 by the category model; silent since issue 11r (lexicons/quantity_rates.txt: an amount against its plan or
    # base is a quantity written as a rate; optimistic, shaped on these two verdicts). Partly: i04/n01 coverage rates
    # under 数量 (覆盖率 reads as either). 24 of the 30 still reported are right.
    # Since issue 11u the i04/n01 coverage rates (partly) are silent too (lexicons/coverage_rates.txt: 覆盖率 under 数量
    # reads either way, so the row is not misfiled; n01's percentage where 数量 asks for a count is KPI104's): KPI404
    # 4/4, fewer than 5; 24 of the 28 still reported are right.
    # Since issue 11-precision3 four right KPI101 findings of this sample are silent — b10 and i05 651, j13 866, g11 39:
    # a compliance verdict under 质量 ("严格执行相关制度规定") is checkable yes or no like "合规"
    # (lexicons/compliance_phrases.txt; a decision against this sample's verdicts, argued in issue-11-precision3.md):
    # KPI101 has fewer than 5 left, and 20 of the 24 still reported are right.
    Pin("18", per_rule={}, overall=20 / 24),
    # Sample 19: 12 findings judged again by issue 11t on their reworded message (not blind, not random; see above):
    # KPI101 c01 54 and l02 107 ("优良" now a grade lacking its share) and c09 31 ("按计划实施" now lacking the plan's
    # dates), KPI203 ×8 (a category name without 指标 now called a
    # category name), KPI102 c05 43 (a bare "≥90" on a count now said to lack its unit). As judged: 12 right.
    # Optimistic: each wording was shaped on the earlier partly verdicts it answers.
    Pin("19", per_rule={"KPI203": 1.0}, overall=1.0),
    # Sample 20: 12 KPI404 findings judged blind by issue 11u after its first three gates (d5a86ae: coverage rates under
    # 数量, money subjects under 经济效益, money under an output name), drawn with bench/finding_review_sample.py --seed
    # 120 --share 0 --at-least 12 --only corpus/ --exclude-reviewed (every wild KPI404 finding had been judged, so all
    # 12 fell in the five samples, 000–004; 4 unjudged were left). As judged: 10 right, 1 partly, 1 wrong (0.83 strict,
    # 0.92 lenient). Wrong: 003 2268 "时效指标 | 支付完成率 | ≥95" (described 按时有序支付) moved to 质量 — a completion
    # rate whose % was lost; silent since issue 11u's follow-up (a rate-named row with a bare figure fits where its
    # percentage twin does; optimistic, shaped on this verdict). Partly: 003 2282 "经济效益指标 | 环境改善情况 | ≥95"
    # sent to 生态效益 in an IT project. 10 of the 11 still reported are right.
    Pin("20", per_rule={"KPI404": 10 / 11}, overall=10 / 11),
    # Sample 21: 35 wild findings judged blind by issue 11v on 0aa2a25, no rule changed (bench/finding_review_sample.py
    # --seed 121 --share 0 --at-least 6 --min-fires 0 --only corpus/wild/ --exclude-reviewed
    # tests/data/finding_review.csv --reworded: up to 6 of every rule with findings not judged as they now read; 15 on
    # the new batches u and v).
    # As judged: 20 right, 2 partly, 13 wrong (0.57 strict, 0.63 lenient); KPI101 4/5, KPI106 3/6, KPI404 4/6, KPI501
    # 2/4, KPI202 0/4. Wrong: 10 the reader's — v04's one-cell-per-line table, whose values sit on the next line (KPI106
    # ×3); u02's prose self-evaluation, whose "1.数量指标。…" sections are not read (KPI201, KPI202 ×3); l06's OCR'd
    # "第O份" (KPI101); j03's first-row 分值 20 read as a target (KPI103, KPI504, wrong in samples 5/6 too) — 2 the
    # rule's: KPI501 on l06's 公用经费控制率 97% and 财政供养人员控制率 92% against 100% (a control rate's 100% is a
    # ceiling) — and 1 the model's: b04 "改善人居环境" 社会 → 生态 (wrong in sample 4 too). Partly: u01's KPI202 (two
    # prose projects read as one, "9 个指标"), d08 "大厅运行正常率" under 经济效益 sent to 社会效益 (it is 质量).
    # All 35 still reported when judged. Fixed since: v04's three KPI106 (issue 9zl: the values on the next line are
    # read) and l06's two KPI501 on 控制率 (a ceiling, lexicons/ceiling_rates.txt); KPI106 then fires 3 times, below 5.
    # Since issue 9zm u02's KPI201 and KPI202 ×3 are silent (a category sentence "1.数量指标。" heading a sentence with
    # figures that gives no row is written, not missing: Project.unsplit): 20 of the 26 still reported are right.
    # Since issue 11w b04's "改善人居环境" (wrong, the model's 社会 → 生态) is silent: the living environment is a
    # subject of both (lexicons/shared_subjects.txt); KPI404 4/5, 20 of the 25 still reported are right.
    # Since issue 11y l06's "第O份" (wrong, KPI101) reads as 0 份 and is silent (KPI101: 4 still reported, below 5), and
    # u01's two projects are read apart: its KPI201 (right) and KPI202 (partly) at 5:14 now stand at 4:9 and 7:9 (sample
    # 26): 19 of the 22 still reported are right.
    # d08 165 (partly) and j03 23 (right), silent in issue 13-resplit, are reported again since issue 13-resplit2 (j03's
    # label settled to 质量, a rate of standard met; d08's model call is 质量 at 0.82, the label): KPI404 4/5 as before.
    Pin(
        "21",
        per_rule={"KPI404": 4 / 5},
        overall=19 / 20,  # 19/22 until issue 11ae read j03's 20 as 分值 (KPI103 17:27, KPI504 18:22 gone)
    ),
    # Sample 22: all 21 wild findings not judged as they now read (bench/finding_review_sample.py --share 1.0
    # --min-fires 1 --only corpus/wild --exclude-reviewed tests/data/finding_review.csv --reworded on main 7f8ec19),
    # judged blind by issue 11w before any change, on the whole message. As drawn: 8 right, 12 partly, 1 wrong
    # (0.38 strict, 0.95 lenient); KPI101 3/3, KPI106 4/4, KPI202 1/2, KPI404 0/12 (12 partly).
    # Wrong: v01's KPI202 "没有服务对象满意度指标" on a text cut inside "5、满意度指" that the reader did not
    # mark cut (the reader's). Partly: every KPI404, whose move was right (or one defensible reading: f02
    # 疫苗使用率, f12 修缮级别) but whose message asked to fill in the filed category with an example of an
    # unrelated project ("资助参保人数 ≥7851人" for a science bureau, a school, a vaccine or a land-resources
    # project), also where the category was not left empty (e05, b06, m03) or is not one every project must
    # have (a school's 生态效益, "项目区森林覆盖率"). Issue 11w's fix (a fill-in asked only where the move empties a
    # category every project must set; an example only from at least two projects of the project's own sector,
    # none otherwise) rewords all 12; they are judged again as sample 23 and keep their verdicts here.
    Pin("22", per_rule={"KPI404": 0 / 12}, overall=8 / 21),
    # Sample 23: sample 22's 12 KPI404 findings judged again by issue 11w on their reworded message (not blind, not
    # random; optimistic: the fix was argued from these verdicts). As judged: 10 right, 2 partly — f02 "疫苗使用率"
    # and f12 "修缮级别", whose move to 质量 is still only one reading (the example, the other 10's cause, is gone).
    Pin("23", per_rule={"KPI404": 10 / 12}, overall=10 / 12),
    # Sample 24: the 38 other KPI404 findings whose message issue 11w's fix changed (wild and samples), judged again on
    # the new message — not blind, not random: the new ending (move only, or a replacement asked, with a peer example in
    # 003) checked against the project's rows; the move's verdict is the earlier one, kept. As judged: 34 right, 2
    # partly (d08 "大厅运行正常率" sent to 社会 not 质量; 003 "环境改善情况" in an IT project sent to 生态), 2 wrong
    # (004 729, the reader's merged cell; b04 "改善人居环境", silent since: lexicons/shared_subjects.txt, argued from
    # that row). 34/37 until issue 11ae read 004 729 under the merged 时效指标 cell (its KPI404 gone): 34/36.
    Pin("24", per_rule={"KPI404": 34 / 36}, overall=34 / 36),
    # Sample 25: 12 KPI201 findings judged again by issue 11aa on the message its fix gave them (not blind, not random:
    # chosen to cover subsidy funds of millions, schools and offices alike, and the sample files' own projects). As
    # judged: 11 right, 1 partly (g05: the NDRC template has no cost column; the rule's old verdict, not the message's).
    Pin("25", per_rule={"KPI201": 11 / 12}, overall=11 / 12),
    # Sample 26: u01's findings once issue 11y reads its two projects apart, judged by the session lead where they stand
    # (not blind, not random). KPI201 ×2 right (neither project lists a cost indicator); KPI202 ×2 partly: the rows are
    # listed without categories, true, but project 1 prints 5 indicators and the message counts 4 (the worded
    # "职工个税正常申报缴纳" is not read as one), and project 2 names its five aspects
    # (数量、时效、质量、社会效益、满意度), so "补齐缺少的维度" misleads. Fewer than 5 per rule: the overall floor only.
    Pin("26", overall=2 / 4),
    # Sample 27: the findings issue 11ad's fix changed on the wild set, judged again by its author on the new
    # message (not blind, not random: the fix was argued from samples 9 and 26's verdicts, so these are optimistic).
    # KPI202: m05's 质量 / 时效 rows now said to be printed and left empty ("表中印了质量指标一栏，却空着没有填");
    # o02, q03, u01 (1) said to list their indicators in sentences, not "表格没有这两栏"; u01 (1) counts the 5
    # indicators it announces (the worded "职工个税正常申报缴纳" is read); u01 (2) quotes the five aspects it names
    # and no longer asks to "补齐缺少的维度". KPI106: u01 5:71, the worded indicator now read, has no target (true).
    # As judged: 7 right. Gone: g05 41:5 (the NDRC template's outputs are not split into 数量 / 质量 / 时效; partly
    # in sample 9, now silent).
    Pin("27", per_rule={"KPI202": 6 / 6}, overall=7 / 7),
    # Sample 31: the 27 wild KPI201 findings issue 11af's fix changed, judged by that helper on the new message and
    # suggestion (not blind, not random; optimistic: the fix was argued from samples 29 and 30). As judged: 26 right, 1
    # partly (b09: a 街道办's department-wide table; the cost requirement of that template is the old partly reason, and
    # its one same-sector line, j06's 1000元/人, is no model for a whole office's spending). KPI201 on the wild set,
    # each finding by its latest sample (bench/finding_review_precision.py --latest): 31/5/0 (0.86) → 35/1/0 (0.97).
    # Since issue 11-precision3 b02 5:1 (right) is silent: the finding moved to the unit cost b02 files under 质量
    # (111:1, a warning, sample 44), so 25 of the 26 still reported are right.
    Pin("31", per_rule={"KPI201": 25 / 26}, overall=25 / 26),
    # Sample 32: the wild findings issue 11ag's fixes brought or reworded, judged by its author after the fix (not
    # blind, not random; optimistic: the KPI402 change was argued from sample 29's why on w04). As judged: 9 right — the
    # six process measures with 及时 / 足额 inside (资金支付及时率, 资金到位及时率, 资金足额拨付率) and the three vague
    # cost effects now offered a ceiling (≤N元) instead of a floor.
    Pin("32", per_rule={"KPI402": 6 / 6}, overall=9 / 9),
    # Sample 33: the 15 wild findings whose suggestion issue 11ah's floor changed (a line needs at least two peer
    # projects that set it), judged by its author on the new suggestion (not blind, not random; every change is a
    # removal, so the verdicts follow the findings' earlier ones). As judged: 14 right, 1 partly (b09: the
    # department-wide template reason of samples 5, 6 and 31 remains; the unfit j06 line that sample 31 also named is
    # gone). The one loss worth naming: c06's two KPI104 findings lost c05's "培训成本 400元/人、天", a fitting unit
    # from one 市场监管 project.
    # Since issue 11-precision3 b02 5:1 (right) is silent, moved to 111:1 (see sample 31): KPI201 has 4 left (< 5).
    Pin("33", per_rule={"KPI104": 10 / 10}, overall=13 / 14),
    # Sample 34: all 8 findings on the new wild batch x (x01–x03), judged blind by helper wild-x on the
    # branch's first commit (46eb599, labels only) before any change. As judged: 4 right (x01's seven
    # "100%" as one template value, KPI102; a percentage under 数量 and under 成本 whose 三级 is the sum
    # "20万元", KPI104 ×2; one sentence filed under 质量 and 可持续影响, KPI301), 1 partly (KPI404
    # 改善了农民生产生活条件 经济 → 社会: both readings defensible), 3 wrong (the page footer under the
    # table — "经办人及联系电话:…", "上报时间: 2021 年10 月 26日" — read as two rows of the last category:
    # KPI106, KPI404, KPI406; the reader's). Strict precision 4/8 blind; no rule has 5 findings here.
    # Since helper wild-x's reader fix (signature labels printed as one cell, "上报时间", close a table)
    # the three are silent: 4 of the 5 still reported are right (not blind: the fix came after the verdict).
    Pin("34", per_rule={}, overall=4 / 5),
    # Sample 36: the 14 wild findings never judged before on main c841579 (seed 136, --share 0 --at-least 8 --min-fires
    # 0 --only corpus/wild/ --exclude-reviewed: 8 of KPI404's 10 unjudged findings and every other one), judged blind by
    # issue 11-sample36 before any change. As judged: 10 right, 3 partly, 1 wrong (0.71 strict, 0.93 lenient); KPI404
    # 4/8 (strict; 7/8 lenient), KPI104 1/1, KPI105 2/2, KPI201 1/1, KPI202 2/2. Wrong: n01 16
    # "以最新资源面市 | 资源采购期以当年为主" moved from 质量 to 时效 by the category model. Partly: u04 30 a reporting
    # frequency under 社会效益 sent to 时效; a07 59's fill-in example "项目(工程)验收合格率" from a construction project
    # that one page copied twice (c02, i03) made into two peers; h04's 结余率 (the complement of 预算执行率) moved to
    # 成本 instead of named a budget-process measure.
    # After issue 11-sample36's fixes (not blind: shaped on these verdicts): h04's KPI404 is silent (结余率 in
    # lexicons/process_measures.txt: KPI402 reports it, KPI404 does not move a process measure), u04 30's KPI404 is
    # silent (KPI408 reports a frequency of the project's own activity under 效益 as an output; KPI404 defers to it),
    # a07 59 is reported without the example (a peer is a department's project: c02/i03's copy counts once). KPI404 4/6,
    # 10 of the 12 still reported. After issue 11-kpi404 (not blind either) n01 16 (wrong) is silent: the value parser
    # no longer reads 当年 before 为主 / 为准 / 的 as a date (the model then says 质量), and KPI404 moves to 时效 only a
    # row that says when.
    # KPI404 4/5, 10 of the 11 still reported.
    Pin("36", per_rule={"KPI404": 4 / 5}, overall=10 / 11),
    # Sample 37: the 4 findings issue 11-sample36's fixes brought or reworded, judged by that helper after the fix (not
    # blind, not random; optimistic: the fixes were argued from sample 36's verdicts). As judged: 4 right (a07 59 KPI404
    # without the copied construction example; h04 and l06 KPI402 on 结余率 / 结转结余率; u04 30 KPI408, a reporting
    # frequency under 社会效益).
    Pin("37", overall=4 / 4),
    # Sample 38: the one finding issue 11-kpi404's fix brought, judged by that helper after the fix (not blind, not
    # random): n01 16 KPI101 "以最新资源面市 | 资源采购期以当年为主", a quality target with no share to check it by,
    # once the value is no longer read as a date (right).
    Pin("38", overall=1 / 1),
    # Sample 39: 210 wild findings of main 148731c drawn fresh by issue 11-sample38 (seed 138: 15 of every rule
    # that fires at least 5 times on the wild set, all of them for the rules that fire fewer; earlier verdicts ignored),
    # judged blind before any change. As judged: 186 right, 23 partly, 1 wrong (0.89 strict, 1.00 lenient; 0.86 weighted
    # by how often each rule fires). Wrong: d06 12 KPI501 "配套烘干杀菌设备…购置及安装 | 550 | 20" — 550 is the
    # 550万元 the project's goal names, 20 some other measure: two bare figures of different kinds (the rule cannot
    # know; still reported). Partly (23): a department-wide or province's template reported as the filler's fault
    # (KPI202 ×4, KPI402 ×2, KPI201), a suggestion or figure that does not fit ("1%" for a rate printed as the
    # fraction 1 ×2, "≤N元" for an effect on cost control, "不晚于N月底" for a deadline counted from each session's
    # end, KPI403 with funds read as "25元" or a cost row skipped), overstated wording (a done/not-done drill, an
    # itemised actual called boilerplate, a row whose description names whom, budget execution ≥90% called too loose
    # ×2, 100% on rates called a template, a name holding its unit), f05's OCR'd value, and a frequency moved to 时效
    # (u04 27). The floors are the figures as judged of the findings still reported after issue 11-sample38's fixes:
    # KPI403 (d12 22, partly, silent: a cost row without a currency leaves the sum unknown) fires below 5; the reworded
    # KPI103 ×2, KPI104 (s01) and KPI402 (b09) keep their blind partly here and are judged again in sample 40.
    Pin(
        "39",
        per_rule={
            "KPI101": 12 / 15,
            # KPI102 5/5 since issue kpi102-place: h01 165:1 (right) is silent, the same message now at 323:1
            # (学校发展能力, the first row it counts; not judged there); 4 left (< 5) since issue kpi102-403: b05
            # 13:130 (right) is silent, the same message at 14:36 (促进农村集体经济发展, the first row it counts where
            # "≥95%" is no natural target; not judged there) without the 满意度 advice; overall 184/201 measured
            "KPI103": 13 / 15,
            "KPI104": 14 / 15,
            "KPI105": 13 / 15,
            "KPI106": 15 / 15,
            "KPI109": 5 / 5,
            "KPI201": 14 / 15,
            "KPI202": 11 / 15,
            "KPI203": 8 / 9,
            "KPI205": 9 / 9,
            "KPI302": 6 / 6,
            "KPI402": 13 / 15,
            "KPI404": 14 / 15,
            # KPI501 4/5 as judged: d06 12 (wrong) silent since issue 11-precision2, 4 left (< 5)
            "KPI502": 13 / 15,
        },
        overall=186 / 209,
    ),
    # Sample 40: the 5 findings issue 11-sample38's fixes reworded, judged by that helper after the fix (not blind, not
    # random; optimistic: the fixes were argued from sample 39's verdicts). As judged: 5 right — e08 36 and b06 39/40
    # KPI103, a rate printed as "1" now read as the fraction 100% (not "1%"); s01 8 KPI104 offered
    # "1-6期培训结束后N日内" (lexicons/event_deadlines.txt); b09 21 KPI402 on a department-wide table, now a hint
    # (info) with that table's reason.
    Pin("40", overall=5 / 5),
    # Sample 41: 8 findings of sample 39 judged partly blind and right once compared with their earlier verdicts (not
    # blind: the comparison made the case): g07 139 KPI101 and 141 KPI502 ("已完成" is no target; the message asks for
    # one first), b03 25 KPI105 ×2 (a mild "please check the basis"), KPI202 ×4 on tables without 一级/二级 columns
    # (b09, d10, j08, w03: an info hint that says the table has no such columns). The sample 39 rows keep their blind
    # partly.
    Pin("41", overall=8 / 8),
    # Sample 42: 103 wild findings of main b457aa7 outside sample 39 (seed 142: 12 of every rule that has findings left
    # once sample 39's places are set aside, all of them when fewer: KPI105 9, KPI106 6, KPI402 4), judged blind by a
    # second judge (issue 11-sample42) before reading any earlier verdict. As judged: 88 right, 14 partly, 1 wrong (0.85
    # strict, 0.99 lenient). The wrong one is the rule's (j01 45 KPI404: a family burden moved from 社会效益 to
    # 经济效益).
    # The floors are the blind figures; KPI402 (4 judged) is under the 5 a per-rule floor needs.
    Pin(
        "42",
        per_rule={
            "KPI101": 11 / 12,
            # KPI103 8/9 since issue 11-followups (11/12 as judged): k07 48, 57, 98 (right: the bare "20"/"10" measures
            # nothing) are reported by KPI106 at the same place as a target not written (the row's points in the 指标值
            # column)
            "KPI103": 8 / 9,
            "KPI104": 10 / 12,
            "KPI105": 9 / 9,
            "KPI106": 4 / 6,
            "KPI201": 8 / 12,
            "KPI202": 11 / 12,
            "KPI404": 9 / 12,
            "KPI502": 11 / 12,
        },
        overall=88 / 103,
        # Sample 42 is a second judge's draw among the findings sample 39 left (bench/finding_review_sample.py
        # --exclude-sample 39): none of its places was judged in sample 39, and it covers the 10 rules that had any
        # left.
        draw=Draw("outside", frozenset({"39"}), size=103, rules=10),
    ),
    # Sample 43: the 20 findings issue 11-precision2's fixes brought or reworded, judged by that helper after the fix
    # (not blind, not random: optimistic, the fixes were argued from sample 39's verdicts). As judged: 17 right, 2
    # partly, 1 wrong. New: c05 43 KPI103 ("≥90" under 人均培训学时, offered "≥90学时", where KPI102 suspected a pasted
    # pass mark), u04 27 KPI104 (a frequency under 成本, no longer moved to 时效 by KPI404) and u04 7 KPI202 (no 时效
    # category, which that move had hidden). Reworded: i05/b10 832 KPI101 ("节约≥N元" for an effect on a cost), b09 18
    # KPI201 (info on a department-wide table), 4 KPI104 on 时效 rates written in words (002 ×2, y01 ×2: "≥N%", not a
    # date) and 10 KPI104 whose message no longer gives "每季度一次" as a timeliness form — of which d01 182 and n01 17
    # stay partly and j04 57 wrong (a reading problem) for the reasons of their earlier samples.
    Pin("43", per_rule={"KPI104": 12 / 15}, overall=17 / 20),
    # Sample 44: the 43 findings issue 11-precision3's fixes brought or reworded, judged by that helper after the fix
    # (not blind, not random: optimistic, the fixes were argued from sample 42's verdicts). As judged: 42 right, 1
    # partly (u01 5:71 KPI106: "职工个税正常申报缴纳" in a report is itself a yes/no target; the message now fits a
    # report, but still calls it no target). New: b02 111 KPI201 (a unit cost filed under 质量, warning). Reworded:
    # KPI103 ×20 (the unit the name gives, no "无法判断…"; 天数 → 天, 企业数 → 家; no 元 guessed for an amount), KPI404
    # ×6 (worded moves between 经济 and 社会效益 are hints; j01 45 re-judged right at info), KPI201 ×5 (prose reports:
    # info), KPI106 ×6 (prose items), KPI502 ×4 (a yes/no target is checkable: the actual should state the check's
    # result), KPI202 j02 (a salary line).
    Pin("44", per_rule={"KPI103": 20 / 20, "KPI106": 5 / 6, "KPI201": 6 / 6, "KPI404": 6 / 6}, overall=42 / 43),
    # Sample 45: 76 wild findings of main f07a6c0 outside samples 39 and 42 (seed 145: 10 of every rule that has
    # findings left once both samples' places are set aside, all of them when fewer: KPI502 8, KPI201 4, KPI301 2,
    # KPI402 2), judged blind by a third judge (issue 11-sample45) before reading any earlier verdict. As judged: 59
    # right, 5 partly, 12 wrong (0.78 strict, 0.84 lenient). Wrong: 11 the reader's, all on z01's evaluation web form (a
    # "是/否" unit column read as 依据 and the 是/否 target beside it lost, KPI106 ×8; its 采集数据项 sub-header
    # "数据项1 数据项2" read as a row, KPI301 ×2; a 二级 label and its weight "财务管理 25" read as an indicator,
    # KPI103), 1 the category model's (z01 20 KPI404: "建立并及时完善…应急管理体系" moved to 时效 for its "及时"). The
    # floors are the blind figures; KPI201 (4), KPI301 (2) and KPI402 (2) are under the 5 a per-rule floor needs.
    Pin(
        "45",
        per_rule={
            "KPI101": 9 / 10,
            "KPI103": 8 / 10,
            "KPI104": 10 / 10,
            # KPI106 2/10 as judged: its 8 wrong were z01's "是/否" unit misreading, silent since reader-z (< 5 left)
            "KPI202": 9 / 10,
            "KPI404": 9 / 10,
            "KPI502": 8 / 8,
        },
        overall=59 / 76,
        # Sample 45 is a third judge's draw among the findings samples 39 and 42 left (bench/finding_review_sample.py
        # --exclude-sample 39 --exclude-sample 42): none of its places was judged in either, and it covers the 10 rules
        # that had any left.
        draw=Draw("outside", frozenset({"39", "42"}), size=76, rules=10),
    ),
    # Sample 47: 40 wild findings of main 51c5e2e outside samples 39, 42 and 45 (seed 147: 8 of every rule that has
    # findings left once the three samples' places are set aside, all of them when fewer: KPI202 7, KPI106 1), judged
    # blind by a fourth judge (issue 11-sample47) after this session's fixes and before reading any earlier verdict. As
    # judged: 36 right, 3 partly, 1 wrong (0.90 strict, 0.97 lenient). Wrong: the reader's (s05 71 KPI103: the 投入目标
    # row's amount "6475" read as the value of "实际支出", whose indicator is "实际支出率 100%"). Partly: n01 17 KPI104
    # ("全天候可用" under 时效 is a service standard, not a missing deadline), u01 4 and d10 39 KPI202 (a prose report's
    # and a 项目库 form's own layout without 二级 categories). The floors are the blind figures; KPI106 (1) is under the
    # 5 a per-rule floor needs. Compared afterwards with the earlier verdicts, the judge withdrew the wrong: s05's
    # header is "目标名称 | 目标值 | 评价指标 | 标准值", so "实际支出 | 6475" is a 目标 whose value has no unit (sample
    # 18's right stands); the blind row keeps its verdict, its after_fix says so.
    Pin(
        "47",
        per_rule={
            "KPI101": 8 / 8,
            # KPI103 5/6 since issue 11-followups (7/8 as judged): k07 87, 109 (right) are KPI106's at the same place
            # (the row's points in the 指标值 column: a target not written, not a unit left out); s05 71 (wrong,
            # withdrawn) is still here
            "KPI103": 5 / 6,
            # KPI104: 7/7 measured since issue 11-followups (n01 17 "全天候可用", partly, is a service period KPI104
            # accepts); the floor stays the blind 7/8
            "KPI104": 7 / 8,
            "KPI202": 5 / 7,
            "KPI404": 8 / 8,
        },
        overall=36 / 40,
        # Sample 47 is a fourth judge's draw among the findings samples 39, 42 and 45 left
        # (bench/finding_review_sample.py --exclude-sample 39 --exclude-sample 42 --exclude-sample 45): none of its
        # places was judged in any of them, and it covers the 6 rules that had any left.
        draw=Draw("outside", frozenset({"39", "42", "45"}), size=40, rules=6),
    ),
    # Sample 48: 135 wild findings of main 97a0237 whose places were judged blind in samples 39, 42, 45 or 47 (seed 148,
    # --within-sample 39/42/45/47 --min-fires 5: 10 of every rule that fires at least 5 times on the wild set, all of
    # them when fewer: KPI203 9, KPI205 9, KPI102 6, KPI302 6, KPI109 5), judged blind by a fifth judge (issue
    # 11-sample48) before reading any earlier verdict of the same findings. As judged: 120 right, 14 partly, 1 wrong
    # (0.89 strict, 0.99 lenient). Wrong: k07 136 KPI103, a row's points ("改善通行服务水平群众满意度 20 20", the rows'
    # 20s and 10s summing to 100) read as a satisfaction target and offered "20%". Partly: KPI109 ×3 (p02's "是否…" rows
    # with 100% / a satisfaction named "是否满意" with 95%: a yes/no wording, not a wrong target; "是" offered for a
    # satisfaction), KPI104 ×2 (h02's counts written in the 三级 name; m06's "手续是否完备 | 是" under 时效), KPI202 ×2
    # and KPI203 ×2 (a form's own layout: w03's 产出/成效 form, j08's form without 一级/二级 columns, m05's printed row
    # labels; b08's description naming whom its satisfaction surveys), KPI103 b06 39 ("1" offered as 100% beside a 90%
    # 指标解释), KPI105 b03 25 (a peer-based "too loose" on 预算执行率 ≥90% that offers "≥100%"), KPI106 u01 5:71 (a
    # yes/no statement called no target), KPI404 f02 38 (a price standard under 成本 sent to 质量), KPI502 f12 16 (an
    # actual copying the target's list of works called a stock phrase). The floors are the blind figures. Compared
    # afterwards with the earlier verdicts (121 of 135 agree), the judge withdrew the wrong (k07's header prints only
    # 指标值 | 全年实际完成值, so "20 20" stands in them as printed: partly, as samples 9 and 45 have it; the blind row
    # keeps its verdict, after_fix says so) and 4 partly (h02 75, m06 10 KPI104; p02 2:402, 2:439 KPI109): see the
    # issue-11-sample48 note.
    Pin(
        "48",
        per_rule={
            "KPI101": 10 / 10,
            # KPI102 5/5 since issue kpi102-place (h01 165:1, right, silent: the same message now at 323:1, not judged
            # there); 4 left (< 5) since issue kpi102-403: b05 13:130 (right) is silent, the same message at 14:36
            # (促进农村集体经济发展, the first row it counts where "≥95%" is no natural target; not judged there)
            "KPI103": 8 / 10,
            "KPI104": 8 / 10,
            "KPI105": 9 / 10,
            "KPI106": 9 / 10,
            "KPI109": 2 / 5,
            "KPI201": 10 / 10,
            "KPI202": 8 / 10,
            "KPI203": 7 / 9,
            "KPI205": 9 / 9,
            "KPI302": 6 / 6,
            "KPI402": 10 / 10,
            "KPI404": 9 / 10,
            "KPI502": 9 / 10,
        },
        overall=120 / 135,
        # Sample 48 is a fifth judge's draw among the findings whose places samples 39, 42, 45 or 47 judged
        # (bench/finding_review_sample.py --within-sample …): every one of its places was judged in one of them, and it
        # covers the 15 rules that fire at least 5 times on the wild set.
        draw=Draw("within", frozenset({"39", "42", "45", "47"}), size=135, rules=15),
    ),
    # Sample 49: a census, not a draw — all 120 wild findings of main 97a0237 outside samples 39, 42, 45 and 47 (seed
    # 149, --share 1 --at-least 1000: KPI101 93, KPI103 22, KPI104 4, KPI404 1), judged blind by a fifth judge (issue
    # 11-census49) before reading any earlier verdict. As judged: 98 right, 21 partly, 1 wrong (0.82 strict, 0.99
    # lenient).
    # Wrong: z01 23 KPI101 (the evaluation form's own yes/no question "组织…应急处置演练或培训", answered 是, can be
    # checked against records). Partly: KPI101 ×12 — a template's graded or yes/no answer reported as the filler's vague
    # wording (c06 ×2 and j11 print the grade scale "高中低"/"优良中低差" as the target; l06 ×2 pick a grade; z01 ×3
    # answer 是), a row whose own scoring standard grades it (j01 ×2), a partly checkable value (e06 130 "健全", n01 16
    # "资源采购期 以当年为主"); KPI103 ×8 — a unit the name states (批次, 车辆数, 学生数量, 村庄数量, 工程数量, a
    # meeting held 2 times, "每亩100" with its 元 missing) told "无法判断是比率、人数还是金额"; KPI104 ×1 — j07's
    # "种薯采购价格不高于市场价 是", a checkable cost control. KPI104 (4) and KPI404 (1) are under the 5 a per-rule
    # floor needs. Compared afterwards with the earlier (not blind) verdicts, which 116 of the 120 have: 98 agree with
    # the latest, 18 differ, all of them partly here and right before; the judge withdraws 5 (c06 16 and 18, j11 19: the
    # target cell could hold one grade, as the actual beside j11's does; j01 45 and 46: their scoring standards are as
    # qualitative as the targets) and keeps 13. The blind rows keep their verdicts; the floors are the blind figures.
    Pin(
        "49",
        per_rule={
            "KPI101": 80 / 93,
            "KPI103": 14 / 22,
        },
        overall=98 / 120,
        # Sample 49 is every wild finding that samples 39, 42, 45 and 47 left (bench/finding_review_sample.py
        # --exclude-sample 39 --exclude-sample 42 --exclude-sample 45 --exclude-sample 47 --share 1 --at-least 1000):
        # none of its places was judged in any of them, and it covers the 4 rules that had any left.
        draw=Draw("census", frozenset({"39", "42", "45", "47"}), size=120, rules=4),
    ),
    # 50 = every wild finding of main 2dd252b that main 97a0237 did not report alike (bench/finding_review_sample.py
    # --changed-since: same path, line, column, code, message and suggestion), the findings this session's fixes
    # (11-census-fixes, 11-followups, 11-s48-fixes) added or reworded: 86, judged blind by issue 11-sample50.
    Pin(
        "50",
        per_rule={
            "KPI101": 11 / 11,
            "KPI103": 22 / 22,
            "KPI106": 6 / 6,
            "KPI202": 11 / 11,
            "KPI404": 19 / 19,
            "KPI502": 4 / 8,
        },
        # 81 / 86 when judged; 80 / 85 since issue 11-s53-fixes silenced f02 38 KPI404 (right here:
        # "按照物价部门定价标准采购 | 100%" moved to 质量; samples 48 and 53 judged the move partly — a price bounded by
        # the set price is a cost control, which KPI104 now reports as one). The CSV's after_fix says so ("silent: …").
        overall=80 / 85,
    ),
    # Sample 51: a sixth, independent audit of the catalog after this session's fixes — 135 wild findings of main
    # 565c878 (998 entries, 874 findings; seed 151, --share 0 --at-least 10 --min-fires 5 --only corpus/wild/, NOT
    # --exclude-reviewed: 10 of every rule that fires at least 5 times on the wild set, all of them when fewer: KPI203
    # 9, KPI205 9, KPI102 6, KPI302 6, KPI109 5), judged blind by issue 11-sample51 before reading any earlier
    # verdict, note or comment here. As judged: 123 right, 12 partly, 0 wrong (0.91 strict, 1.00 lenient). Partly:
    # KPI205 ×6 (a template's "(≥**人)" hint left in the name, while the target beside it is written out in full:
    # "照模板填写而未写实" overstates), KPI102 h01 165 (完工率/合格率/及时率 at 100 called a copied template), KPI104
    # g09 5 ("成本超支率 ≤0%", a checkable cost control), KPI105 aa03 20 (逾期发放率 ">=100%" offered "=100%": a
    # reverse rate wants "=0%"), KPI106 u01 5:71 (a yes/no statement asked for its checking method), KPI203 m05 23 (a
    # half-year execution text read as the target and called a stock phrase), KPI402 l06 3:184 (结转结余率, a common
    # indicator printed by the department-wide template, told to become the project's output). The floors are the
    # blind figures.
    Pin(
        "51",
        per_rule={
            "KPI101": 10 / 10,
            # KPI102 5/6 as judged; 4 left (< 5) since issue kpi102-403: b05 13:130 (right) is silent, the same
            # message at 14:36 (促进农村集体经济发展, the first row it counts where "≥95%" is no natural target; not
            # judged there)
            "KPI103": 10 / 10,
            "KPI104": 9 / 10,
            "KPI105": 9 / 10,
            "KPI106": 9 / 10,
            "KPI109": 5 / 5,
            "KPI201": 10 / 10,
            "KPI202": 10 / 10,
            "KPI203": 8 / 9,
            "KPI205": 3 / 9,
            "KPI302": 6 / 6,
            "KPI402": 9 / 10,
            "KPI404": 10 / 10,
            "KPI502": 10 / 10,
        },
        overall=123 / 135,
        # 134 still reported since issue kpi102-place: h01 165:1 KPI102 (partly: 完工率/合格率/及时率 at 100 called a
        # template) is silent, the same message reported at 323:1 (学校发展能力, the first row it counts; not judged
        # there); KPI102 5/5 then. 133 since issue kpi102-403: b05 13:130 KPI102 (right) is silent, reported at 14:36
        at_least=133,
    ),
    # Sample 52: the 11 wild findings (not KPI000) that read otherwise than on /tmp/s20/m6.json after 11-s51-fixes
    # (--changed-since, --share 1 --at-least 1000) and the 3 other wild KPI205 findings, 14 in all, judged blind by
    # issue 11-sample52 before any earlier verdict was read. As judged: 10 right, 4 partly, 0 wrong (0.71 strict, 1.00
    # lenient); KPI104 3/3, KPI105 1/1, KPI205 6/9, KPI402 0/1. Partly: c08 18 and t01 143 KPI205 (a bare figure is
    # written in the value column; "未写实" overstates: the comparator and unit belong in the value), g06 32 KPI205 (the
    # "****" look like redaction, the second place, 24, is a masked name in the goal text), l06 3 KPI402 (the form
    # has output rows; the project name is a header label).
    Pin("52", per_rule={"KPI205": 6 / 9}, overall=10 / 14, at_least=14),
    # Sample 53: a seventh, independent audit, 15 a rule — 155 wild findings of main 1c5b064 (998 entries, 874
    # findings; seed 153, --share 0 --at-least 15 --min-fires 5 --only corpus/wild/ --skip-code KPI205 --skip-code
    # KPI102 --skip-code KPI105, NOT --exclude-reviewed: 15 of every rule that fires at least 5 times on the wild set
    # but the three being reworded, all of them when fewer: KPI203 9, KPI302 6, KPI109 5), judged blind by issue
    # 11-sample53 before reading any earlier verdict, note or comment here. As judged: 150 right, 5 partly, 0 wrong
    # (0.97 strict, 1.00 lenient). Partly: KPI104 c06 9 ("培训费 320 人/天", a per-day rate that lost its 元, called a
    # count and offered "≤N元") and j07 5:104 ("种薯采购价格不高于市场价 是", a checkable cost control called mere
    # wording), KPI202 w02 7 (no 满意度: the form's 年度绩效总目标 has only 产出 and 效益 rows), KPI404 x01 40
    # ("改善了农民生产生活条件" under 经济效益, moved to 社会效益 without the hint the rule gives the other way round)
    # and f02 38 ("按照物价部门定价标准采购", a price control, moved out of 成本 to 质量). Compared afterwards:
    # every one of the 155 places was judged before; 146 agree with the latest earlier verdict, 9 differ (c06 9,
    # j07 5:104, w02 7, x01 40, f02 38 partly here and right last time, j07, x01 and f02 partly in an earlier
    # sample too; h02 75, m05 23, l06 3:184 right here and partly last time; n01 21:45 right here on the reworded
    # message). The judge would concede m05 23 (the monitoring form prints the category names in its 指标名称 column)
    # and keeps the rest. The floors are the blind figures.
    Pin(
        "53",
        per_rule={
            "KPI101": 15 / 15,
            "KPI103": 15 / 15,
            "KPI104": 13 / 15,
            "KPI106": 15 / 15,
            "KPI109": 5 / 5,
            "KPI201": 15 / 15,
            "KPI202": 14 / 15,
            "KPI203": 9 / 9,
            "KPI302": 6 / 6,
            "KPI402": 15 / 15,
            "KPI404": 13 / 15,
            "KPI502": 15 / 15,
        },
        overall=150 / 155,
        # 155 judged; 154 still reported since issue 11-s53-fixes: f02 38 KPI404 (partly: a price control moved out of
        # 成本) is silent, the row is KPI104's info now. The other four partly are reported, reworded.
        at_least=154,
    ),
    # Sample 54: a census of the rules 11-s52-fixes reworded — every wild finding of KPI205, KPI102, KPI105 and
    # KPI501 on main bc4eb6c (998 entries, 874 findings), plus every other wild finding changed since
    # /tmp/s21/base.json (none: the 10 changed ones are 5 of KPI102 and 5 of KPI205), judged blind by issue
    # 11-sample54. As judged: 40 right, 3 partly, 0 wrong (0.93 strict, 1.00 lenient); KPI501 (4) has fewer than 5,
    # so only the overall floor holds it.
    # 42 still reported since issue kpi102-place: h01 165:1 KPI102 (partly) is silent, the same message reported at
    # 323:1 (学校发展能力, the first row it counts; not judged there); KPI102 5/5 then, 40 of the 42 right.
    # 41 still reported since issue kpi102-403: b05 13:130 KPI102 (right) is silent, the same message reported at
    # 14:36 (促进农村集体经济发展, the first row it counts where "≥95%" is no natural target; not judged there): KPI102
    # 4 (< 5), 39 of the 41 right.
    Pin("54", per_rule={"KPI105": 22 / 24, "KPI205": 9 / 9}, overall=40 / 43, at_least=41),
    # Sample 55: an eighth, independent audit of every rule after all fixes, 15 a rule — 185 wild findings of main
    # 54fead6 (1,003 entries, 877 findings, 533 wild; seed 155, --share 0 --at-least 15 --min-fires 5 --only
    # corpus/wild/, NOT --exclude-reviewed, nothing skipped: 15 of every rule that fires at least 5 times on the wild
    # set, all of them when fewer: KPI203 9, KPI205 9, KPI102 6, KPI302 6, KPI109 5), judged blind by issue
    # 11-sample55 before reading any earlier verdict, note or comment here. As judged: 180 right, 5 partly, 0 wrong
    # (0.97 strict, 1.00 lenient). Partly: KPI101 e06 130 ("长效管理机制健全性 | 健全", a checkable yes/no state called
    # content-free), KPI102 b07 39 (two of the four "100%" are opening rates, 全年免费开放 and 免费开放率, the natural
    # target of such rates), KPI202 n07 3:37 (no 效益 asserted on an OCR page whose scrambled "益标效指" label and a
    # row of figures stand where the 效益 rows were), KPI203 g04 13 (the 指标名称 column holds the category names, but
    # the 指标描述 column beside it says what is measured) and KPI404 e02 4:122 ("国家政策性粮收购价格执行率", a price
    # control, moved out of 成本 to 质量). KPI102 (5/6) and KPI203 (8/9) are below the issue's 0.90 on this draw.
    # Compared afterwards: 183 of the 185 places were judged before (ab01 69 KPI104 and aa02 75 KPI404 are new);
    # 172 agree with the latest earlier verdict, 11 differ — h01 165 KPI102, j07 5:104 and c06 9 KPI104, q01 16 and
    # a08 31 KPI105 right here on a message reworded since their partly; m06 10:19 KPI104 and u01 5:71 KPI106 right
    # here and partly last time; b07 39, n07 3:37, g04 13 and e02 4:122 partly here and right last time. The judge
    # would concede n07 3:37 (each vertical label of that OCR page precedes its rows, and the 效益 label is followed at
    # once by the 满意度 label) and keeps the rest. The floors are the blind figures.
    Pin(
        "55",
        per_rule={
            "KPI101": 14 / 15,
            # KPI102 4/5 since issue kpi102-place (5/6 as judged): h01 165:1 (right) is silent, the same message
            # reported at 323:1 (学校发展能力, the first row it counts); its verdict was about the message and the row
            # it named and is not carried to the new place: one right finding fewer (b07 39, partly, stays); 4 left
            # (< 5) since issue kpi102-403: b05 13:130 (right) is silent, the same message at 14:36
            # (促进农村集体经济发展, the first row it counts where "≥95%" is no natural target; not judged there)
            "KPI103": 15 / 15,
            "KPI104": 15 / 15,
            "KPI105": 15 / 15,
            "KPI106": 15 / 15,
            "KPI109": 5 / 5,
            "KPI201": 15 / 15,
            "KPI202": 14 / 15,
            "KPI203": 8 / 9,
            "KPI205": 9 / 9,
            "KPI302": 6 / 6,
            "KPI402": 15 / 15,
            "KPI404": 14 / 15,
            "KPI502": 15 / 15,
        },
        overall=180 / 185,  # 179/183 measured since issue kpi102-place, 178/182 since kpi102-403 (see at_least)
        # 184 still reported since issue 11-s55-fixes: e06 130 KPI101 (a state answering the name's yes/no question) is
        # silent; b07 39 KPI102 and g04 13 KPI203 reworded. e02 4:122 KPI404 (sample 55 partly: "a price control") is
        # still reported: corpus/labels/README.md settles a price execution rate as a rate of standard met (质量), and
        # samples 9, 24, 50 and 51 judged the move right.
        # 183 since issue kpi102-place: h01 165:1 KPI102 (right) is silent, the same message reported at 323:1
        # 182 since issue kpi102-403: b05 13:130 KPI102 (right) is silent, the same message reported at 14:36
        at_least=182,
    ),
    # Sample 56: 19/20 as judged; 18/19 since issue kpi102-place: h01 165:1 KPI102 (right) is silent, the same message
    # reported at 323:1 (学校发展能力, the first row it counts; not judged there, no verdict carried over).
    Pin("56", per_rule={"KPI404": 5 / 6}, overall=18 / 19, at_least=19),
    # Sample 57: the 7 wild findings this session's KPI102 rewording and the grade-tier reader change (l04) made new
    # or changed (KPI102 4, KPI105 2, KPI107 1), judged blind on main e4743ff; no rule has 5, so the pin is overall.
    # 5 of the 6 still reported are right since issue kpi102-place (the floor stays the blind 5/7): h01 165:1 KPI102
    # (partly: reported on 工程完工率, the rate its message says is not counted) is silent, the fix of that cause; the
    # same message is reported at 323:1 (学校发展能力), not judged there.
    Pin("57", overall=5 / 7, at_least=6),
    # Sample 58: 22/26 as judged (the floor stays). 25 still reported since issue 11-s58-fixes: aa03 22:17 KPI103
    # (partly: "15" where the text stops inside its unclosed cell) is silent; k01 20:18 KPI403, h01 323:1 KPI102 and
    # g08 7:6 KPI205 (partly) are reworded at their places.
    Pin("58", per_rule={"KPI205": 7 / 8, "KPI404": 8 / 8}, overall=22 / 26, at_least=25),
    # Sample 59: the 20 findings (wild and samples) that issue 11-s58-fixes reworded, judged blind by issue
    # 11-sample59 (KPI102 17: 16 right, 1 partly; KPI205 1 right; KPI403 2: 1 right, 1 partly); floors = those figures.
    # 16 still reported since issue kpi102-403, the fix of its two partly causes: b05 13:130 KPI102 (partly) is silent,
    # the finding now at 14:36 (促进农村集体经济发展, the first row it counts where "≥95%" is no natural target) without
    # the 满意度 advice; 003 1757, 1972 and 2412 KPI102 (right) are silent, the same messages at 1771, 1993 and 2426
    # (运行保障成本, 经济发展, 总成本, not the rates 提高工作效率, 正常使用率, 信息系统故障发生率); none judged at
    # the new place. KPI102 13/13 and 15/16 measured; j09 3:53 KPI403 (partly) is still reported at its place,
    # reworded (the unit arithmetic over the summed 件 rows, the tenfold gap named).
    Pin("59", per_rule={"KPI102": 16 / 17}, overall=18 / 20, at_least=16),
    # Sample 60: a blind tenth (seed 60) of the 240 findings never judged on their wording, all in the five samples,
    # judged by issue 11-sample60 (KPI101 7: 5 right, 2 partly; KPI305 3: 2 right, 1 partly; KPI404 2: 1 right,
    # 1 partly; the other 26 right); floors = those figures.
    Pin("60", per_rule={"KPI101": 5 / 7}, overall=34 / 38, at_least=38),
    # Sample 61: the 28 findings issue 11-s60-fixes reworded (bench/finding_review_sample.py --changed-since on its
    # reference JSON against /tmp/s24/base.json), judged by that helper after the fix — not blind, not random;
    # optimistic: the fixes were argued from sample 60's partly verdicts. KPI101 ×18: a 时效 "全年" on continuous work
    # now asked for a limit per occurrence or a frequency (lexicons/continuous_work.txt), 16 right, 2 partly (000 2949
    # and 2964 "日常工作开展时间", where a quarterly frequency fits daily work poorly); KPI305 ×9: a 实施期 name cut at
    # its column's fixed width no longer offered as the full name, 9 right; KPI404 003 1892 without the IT project's
    # example, right. The sample 60 rows at 000 1578, 000 2733, 001 716 and 003 1892 keep their partly verdicts.
    Pin("61", per_rule={"KPI101": 16 / 18, "KPI305": 9 / 9}, overall=26 / 28, at_least=28),
    # Sample 62: the 34 findings that this session's merged branches (kpi102-403, findings-cut-cell, 11-s60-fixes)
    # moved or reworded, judged blind by issue 11-sample62 on main 06d436b (KPI101 18, KPI305 9, KPI102 5, KPI403 1,
    # KPI404 1): at the draw KPI101 16/18 (the two partly: 000 2949/2964 "日常工作开展时间 | 全年", the example
    # "每季度不少于N次" does not fit routine work), KPI305 9/9, KPI102 5/5; KPI403 1/1, KPI404 1/1 (< 5 findings each).
    # After the draw, lexicons/continuous_work.txt no longer counts the generic 开展 as an activity word and gives 日常
    # work the per-occurrence limit: 2949/2964 now offer "N个工作日内" (reworded at their places, not judged again).
    Pin("62", per_rule={"KPI101": 16 / 18, "KPI102": 5 / 5, "KPI305": 9 / 9}, overall=32 / 34, at_least=34),
    Pin("63", per_rule={"KPI102": 10 / 11}, overall=12 / 13, at_least=13),
    # Sample 64: the 5 findings that issue 13-cluster-guide's concept classes (lexicons/cluster_concepts.txt) brought
    # or changed in the reference JSON (two new KPI105: b08 19 补贴发放率, e07 14 办公大楼日常维修维护验收合格率; KPI105
    # a09 1 and j01 37 and KPI404 001 525 with another peer set), judged blind by a session-25 judge: 4 right, 1 partly
    # (e07: routine repairs compared with one-off works acceptance, the class is loose for maintenance); floors = those.
    Pin("64", overall=4 / 5, at_least=5),
)


def _precision_still_reported(sample: str) -> dict[str, tuple[float, list[str]]]:
    judged: dict[str, list[str]] = defaultdict(list)
    for row in ROWS:
        if sample in row["sample"].split() and _reported(row):
            judged[row["code"]].append(row["verdict"])
    return {code: (v.count("right") / len(v), v) for code, v in judged.items() if len(v) >= 5}


def _pins(*kinds: str) -> list[object]:
    """The pins (with a draw of one of `kinds`, if any are named), each under the id "sample-N"."""
    return [
        pytest.param(pin, id=f"sample-{pin.sample}")
        for pin in PINS
        if not kinds or (pin.draw is not None and pin.draw.kind in kinds)
    ]


def test_every_judged_sample_has_one_pin() -> None:
    """A sample added to the review file needs its record in PINS (or a word in UNPINNED on why it has none)."""
    pinned = [pin.sample for pin in PINS]
    assert len(pinned) == len(set(pinned)), pinned
    assert not UNPINNED & set(pinned)
    assert {sample for row in ROWS for sample in row["sample"].split()} == set(pinned) | UNPINNED


@pytest.mark.parametrize("pin", _pins())
def test_precision_on_the_sample_holds(pin: Pin) -> None:
    """A sample's strict precision, per rule (rules with at least 5 findings still reported) and over all its
    findings still reported, is not below the floors recorded when it was judged and fixed."""
    precision = _precision_still_reported(pin.sample)
    assert set(precision) == set(pin.per_rule)
    for code, floor in pin.per_rule.items():
        assert precision[code][0] >= floor - 1e-9, (code, precision[code])
    if pin.overall is None:
        return
    verdicts = [row["verdict"] for row in ROWS if pin.sample in row["sample"].split() and _reported(row)]
    assert len(verdicts) >= max(pin.at_least, 1)
    assert verdicts.count("right") / len(verdicts) >= pin.overall - 1e-9, verdicts


def _place(row: dict[str, str]) -> tuple[str, ...]:
    """Where a judged row is, as bench/finding_review_sample.py keys it (KPI202's 二级 is part of its place)."""
    return (row["file"], row["line"], row["column"], row["code"], row["level2"] if row["code"] == "KPI202" else "")


def _drawn(pin: Pin) -> tuple[Draw, set[tuple[str, ...]], set[tuple[str, ...]]]:
    """The pin's draw, the places of its rows (checked for its size and rule count) and those its earlier samples
    judged."""
    draw = pin.draw
    assert draw is not None
    drawn = [r for r in ROWS if pin.sample in r["sample"].split()]
    assert len(drawn) == draw.size
    assert len({r["code"] for r in drawn}) == draw.rules
    before = {_place(r) for r in ROWS if draw.earlier & set(r["sample"].split())}
    return draw, {_place(r) for r in drawn}, before


@pytest.mark.parametrize("pin", _pins("outside", "census"))
def test_the_sample_was_drawn_outside_the_earlier_samples(pin: Pin) -> None:
    """A blind draw made with --exclude-sample: none of its places was judged in the earlier samples."""
    _, drawn, before = _drawn(pin)
    assert not before & drawn


@pytest.mark.parametrize("pin", _pins("within"))
def test_the_sample_was_drawn_within_the_earlier_samples(pin: Pin) -> None:
    """A blind draw made with --within-sample: every one of its places was judged in one of the earlier samples."""
    _, drawn, before = _drawn(pin)
    assert drawn <= before


# KPI404's message on the wild set, as `kpi-lint check` runs it (issue 11w): a fill-in example only where the
# move leaves a category every project must set empty, and only one that at least two projects of the
# project's own sector set (kpi_lint.library.suggest, same_sector) — never another kind of project's
# ("资助参保人数 ≥7851人" for a vaccine project, as every 数量 row was told before).


def _kpi404_at(stem: str, line: int) -> Finding:
    found = [f for (path, code), fs in _findings().items() if code == "KPI404" and stem in path for f in fs]
    return next(f for f in found if f.line == line)


def test_kpi404_asks_for_a_replacement_only_where_the_move_leaves_a_required_category_empty() -> None:
    # e05's six counts, m03's 质量 two 合格率: moving is the fix. (f02 54 "疫苗使用率" was the third case. It is silent
    # since issue 13-resplit, because the model learnt f02's hand label, the printed 数量.)
    assert _kpi404_at("e05_hunan_science", 16).message.endswith("请移到经济效益指标。")
    assert _kpi404_at("m03_anhui_agri", 24).message.endswith("请移到数量指标。")
    # a07's primary school: 生态效益 → 社会效益 keeps its 效益; no 生态 target is asked of a school.
    assert _kpi404_at("a07_shandong_edu", 101).message.endswith("请移到社会效益指标。")
    # l07's only 数量 row is its funds: 数量 is left empty, and no 自然资源 peers set a 数量 target in common.
    assert _kpi404_at("l07_yunnan_natres", 24).message.endswith(
        "请移到成本指标（移走后数量指标就空了），并补上数量指标下真正属于它的目标。"
    )
    # A move that leaves 成本 with rows of no amount says what is left and asks for a real one (issue 11-s48-fixes,
    # sample 48's cause 5): e02's "国家政策性粮收购价格执行率 | 100%" leaves "县级储备粮库存成本核算率"; so does j04's
    # "助学金社会化发放率 | ≥95%", which leaves "资金执行率". f02 38 "按照物价部门定价标准采购 | 100%" was this case
    # until issue 11-s53-fixes: a price bounded by the set price stays under 成本 now (lexicons/price_ceilings.txt), a
    # cost control KPI104 asks for an amount (info). e02's purchase price is a floor the state sets for the seller,
    # its execution rate a rate of standard met (corpus/labels/README.md): it still moves.
    [e02] = [
        f.message
        for f in _findings()[("corpus/wild/e02_hunan_grain_selfeval.txt", "KPI404")]
        if f.level3 == "国家政策性粮收购价格执行率"
    ]
    assert "移走后成本指标下只剩“县级储备粮库存成本核算率”等不是金额的目标" in e02
    assert e02.endswith("并补上成本指标下真正属于它的目标。")
    j04 = _kpi404_at("j04_sichuan_civilaffairs_regional", 65).message
    assert "移走后成本指标下只剩“资金执行率”等不是金额的目标" in j04
    assert j04.endswith("并补上成本指标下真正属于它的目标。")
    assert not [f for f in _findings()[("corpus/wild/f02_ningxia_cdc_approval.txt", "KPI404")] if f.line == 38]
    # h03's two 质量 rows both move to 数量: 质量 is empty only once both move, and each message says so
    # (issue 11-s50-fixes; sample 50 noticed "移走后质量指标就空了" on each of them).
    assert "（与“主导制修订项目数量(项)”一并移走后质量指标就空了）" in _kpi404_at("h03_fujian_marketreg", 43).message
    assert "（与“获得标准化工作项目补助奖励的单位数量(家)”一并移走后质量指标就空了）" in (
        _kpi404_at("h03_fujian_marketreg", 45).message
    )


def test_sample_55_partly_causes_on_their_wild_rows() -> None:
    """The four causes sample 55 judged partly, each on its real row (issue 11-s55-fixes)."""
    wild = "corpus/wild/"
    # e06 130: "长效管理机制健全性 | 健全" answers the yes/no question its name asks (pass_fail_words.txt 状态 / 问句)
    assert not [f for f in _findings()[(wild + "e06_hubei_science_declaration.txt", "KPI101")] if f.line == 130]
    # b07 39: 免费开放率 at 100% is set aside (full_rates.txt 开放率); 3 of the other 4 rows still read "100%"
    [b07] = _findings()[(wild + "b07_shandong_culture_selfeval.txt", "KPI102")]
    assert (b07.line, b07.column) == (39, 13)
    assert "4 个指标中的 3 个" in b07.message and "另有 1 个" in b07.message
    # g04 13: the 指标描述 column says what 4 of the 5 category-named rows measure; 时效 "全年 | 全年" says nothing
    [g04] = _findings()[(wild + "g04_zhejiang_greening_declaration.txt", "KPI203")]
    assert g04.severity == Severity.WARNING
    assert "其中 4 个在指标描述一栏说明了衡量什么（如“完成全市375万平方米的绿地养护、维护等”）" in g04.message
    assert "时效指标连指标描述也没有写出" in g04.message


def test_kpi102_points_at_the_first_row_it_counts() -> None:
    """Issue kpi102-place (sample 57's partly on h01 165:1): h01's 暖通改造 project stamps "100" on 8 of 9 rows, 5 of
    them rates whose ordinary target is 100 (工程完工率 first, line 165), which the message says are not counted. The
    finding stands at the first row it counts, 学校发展能力 (323:1), with the message the later samples judged — but
    for issue 11-s58-fixes (sample 58's partly there): no "等" after the three rows, which are all it counts, and the
    advice of their 二级 (效益, 满意度) instead of the 数量/质量/时效/成本 one."""
    [h01] = _findings()[("corpus/wild/h01_hebei_edu_selfeval.txt", "KPI102")]
    assert (h01.line, h01.column, h01.level3) == (323, 1, "学校发展能力")
    [judged] = [r for r in ROWS if "57" in r["sample"].split() and r["code"] == "KPI102" and r["line"] == "165"]
    head, _, rest = judged["message"].partition("等）")
    assert h01.message.startswith(f"{head}）") and rest.split("：")[0] in h01.message
    assert "4 个指标中的 3 个" in h01.message and "不计在内" in h01.message
    assert h01.message.endswith(
        "效益写可核查的变化及其幅度（如“…提高N个百分点”“新增N人”），满意度写调查得出的满意比例（如“≥90%”）。"
    )


def test_kpi404_never_gives_an_example_of_another_project_kind() -> None:
    found = [f for (_, code), fs in _findings().items() if code == "KPI404" for f in fs]
    assert len(found) >= 30
    # an example is always a peer's, introduced as such; the fixed one per category is gone
    assert not [f.message for f in found if "目标，如“" in f.message or "资助参保人数 ≥7851人" in f.message]
    for f in found:
        if "如同类项目所设" in f.message:
            assert f.suggestion is not None, f.message
            peers = int(f.suggestion.split("同类项目 ", 1)[1].split(" ", 1)[0])
            assert peers >= 2, f.suggestion


def test_kpi404_gives_no_example_that_shares_nothing_with_the_project() -> None:
    """Issue 11-s60-fixes (sample 60's partly on 003 1892): a subsidy to social-insurance collection agents (代办员补助)
    was offered "医保信息系统正常运行率 ≥95%", an IT project's target of the same sector; an example whose name shares
    no content word with the project's name, goals or rows (sector, category, measure and area words aside) is
    dropped.
    003 1828's 医疗救助 fund keeps "城乡医疗救助对象参保率 100%", whose 救助 its rows share."""
    agents = _kpi404_at("003_b1a61ad4", 1892)
    assert agents.suggestion is None
    assert agents.message.endswith("请移到时效指标（移走后质量指标就空了），并补上质量指标下真正属于它的目标。")
    aid = _kpi404_at("003_b1a61ad4", 1828)
    assert aid.message.endswith("如同类项目所设“城乡医疗救助对象参保率 100%”。")
    assert aid.suggestion is not None and aid.suggestion.startswith("城乡医疗救助对象参保率 100%（同类项目 3 个使用")


# KPI502's copied-target message on the wild set (issue 11-s50-fixes, sample 50's cause 1): the example was one
# relics project's ("完成3处文物修缮，12月20日通过验收") on a library's and a school's rows; it is now built from the
# row's own name and the unit that name asks for, or there is none.
_KPI502_OWN_EXAMPLE = re.compile(r"如“(?P<name>[^“”]+)：(?:实际完成N\S{1,4}|实际达到N%|M月D日完成)”")


def test_kpi502_never_gives_an_example_of_another_project_kind() -> None:
    found = [f for (_, code), fs in _findings().items() if code == "KPI502" for f in fs]
    copied = [f for f in found if "没有写出实际完成的情况" in f.message]
    assert len(copied) >= 5
    for f in found:
        assert "文物修缮" not in f.message and "通过验收”" not in f.message, f.message
    for f in copied:
        examples = re.findall(r"如“[^”]*”", f.message)
        assert len(examples) <= 1, f.message
        for example in examples:
            m = _KPI502_OWN_EXAMPLE.fullmatch(example)
            assert m is not None and m.group("name") == f.level3, f.message
    # f12 (安徽 文物): the count of buildings repaired, its name giving no unit: the row's own count of 项
    f12 = next(f for f in copied if "f12_anhui_relics" in f.path and f.line == 16)
    assert "如“修缮建筑数量：实际完成N项”" in f12.message
    # n06 (宁夏 学校): an effect sentence with no unit gets no invented figure and no other project's words
    n06 = [f for f in copied if "n06_ningxia_school" in f.path]
    assert len(n06) == 2
    assert all("如“" not in f.message and "可核查的事实" in f.message for f in n06)


# KPI201's message on the wild set and the samples, as `kpi-lint check` runs it (issue 11aa): never one sample project's
# cost ("会议费 ≤20000元", "人均补助标准 77元/人" were shown to every project), an example only from at least two
# projects of the project's own sector and fitted to its funds, else the form of a cost target without a figure.


def _kpi201_at(stem: str, line: int) -> Finding:
    found = [f for (path, code), fs in _findings().items() if code == "KPI201" and stem in path for f in fs]
    return next(f for f in found if f.line == line)


def test_kpi201_never_gives_one_sample_projects_cost_as_an_example() -> None:
    found = [f for (_, code), fs in _findings().items() if code == "KPI201" for f in fs]
    assert len(found) >= 40
    assert not [f.message for f in found if "会议费" in f.message or "77元/人" in f.message or "20000" in f.message]
    for f in found:
        if "如同类项目所设" in f.message:
            assert f.suggestion is not None, f.message
            first = f.suggestion.split("）；", 1)[0]  # the first of the peer lines (each ends "…）")
            assert int(first.split("同类项目 ", 1)[1].split(" ", 1)[0]) >= 2, first
            assert "未按资金规模换算" not in first, first
        elif f.message.startswith("部门整体绩效表"):  # a department-wide form: a department's cost target (info)
            assert f.severity is Severity.INFO and "按本项目资金测算" not in f.message and "≤N元" in f.message
        elif "是每单位的支出标准" in f.message:  # b02: a unit cost filed under 质量 is pointed at (warning)
            assert f.severity is Severity.WARNING and "移到成本指标" in f.message and f.level3, f.message
        else:
            assert "单位成本（每人、每亩、每件等的支出标准，如“≤N元/人”）" in f.message, f.message
    # r05: a 208万元 provincial 普惠金融 transfer; k07: the 车购税 subsidy to a province's roads
    for stem, line in (("r05_sichuan_inclusivefinance", 1), ("k07_sichuan_transport", 78)):
        message = _kpi201_at(stem, line).message
        assert message.startswith("项目没有成本指标："), message
        assert "总额上限（“≤N元”，按本项目资金测算）" in message and "会议费" not in message, message
    # n04 (650万元, its funds not read): its sector's top cost row is a township's whole budget, "成本 90万元", printed
    # in two excerpts of one disclosure (b10, i05) and not scaled — never the message's example, and since issue 11af
    # not in the suggestion either (a peer's total shown as printed is that peer's budget); and since issue 11ah no
    # line of one peer's: its sector's unit costs (f09's ≦1000元/人, a10's ≤475元/亩) are each one project's choice
    n04 = _kpi201_at("n04_yunnan_agri", 7)
    assert n04.suggestion is None
    assert "90万元" not in n04.message and "如同类项目所设" not in n04.message


def test_kpi201_suggests_only_its_own_sectors_whole_rows() -> None:
    """Issue 11af (samples 29, 30): no cost line from another sector, none unscaled, none the page cut; a cost-named
    row without an amount is pointed at; the NDRC form's missing cost column is a note."""
    found = [f for (_, code), fs in _findings().items() if code in ("KPI201", "KPI104") for f in fs]
    assert not [f for f in found if "未按资金规模换算" in (f.suggestion or "")]
    assert not [f for f in found if "文物保 59万元" in (f.suggestion or "") or "w01_shanxi" in (f.suggestion or "")]
    for stem, line in (("w02_hubei_relics", 7), ("w04_shaanxi_inclusivefinance", 14)):
        assert _kpi201_at(stem, line).suggestion is None
    w03 = _kpi201_at("w03_hainan_exhibitionhall", 10)
    assert (w03.column, w03.level3) == (3, "项目成本控制")
    assert "“项目成本控制 | 不超预算”说到成本，但没有写金额" in w03.message
    g05 = _kpi201_at("g05_anhui_devreform", 11)
    assert g05.severity is Severity.INFO and "没有成本指标一栏，不是漏填" in g05.message


# Sample 35: all 3 findings on the new wild batch y (y01–y02), judged blind by helper wild-y on the branch's first
# commit (617f1bc, labels only) before any change. As judged: 3 wrong, all the reader's on y01's glued docx preview
# (蚕茶卫生院 整体支出自评表): KPI103 on "2", a digit of the actual "增收27万元" read as the target of 业务收入;
# KPI501 on "率提高", a fragment cut at the preview's page mark "3、" (the row is not met but scored 6 of 12, in
# proportion); KPI103 on "1010", the 分值 and 得分 of the 生态效益 row. y02 (one prose item) has no finding. Strict
# precision 0/3 blind; no rule has 5 findings here. Since helper wild-y's header word (偏差及原因分析 closes the glued
# header) the "1010" one is silent, and since its rate-as-points guard (parse/points_kind.py) the KPI501 one: 0 of the 1
# still reported is right (not blind: the fixes came after the verdicts). Since issue 11 glued-preview the cutter reads
# 业务收入 | 超上年度 | 增收27万元 | 13 | 13, and the last one (KPI103 on "2") is silent too: none is still reported.


def test_the_thirty_fifth_sample_is_silent() -> None:
    rows = [row for row in ROWS if "35" in row["sample"].split()]
    assert len(rows) == 3 and {row["verdict"] for row in rows} == {"wrong"}
    assert not [row for row in rows if _reported(row)]


# Sample 46: the 1 finding issue 11-timely's fix took away, judged by that helper after the fix (not blind, not random:
# the fix was argued from this row). z01 20 KPI404 moved "建立并及时完善进出境重大动物疫情应急管理体系 | 是" from 质量
# to 时效 (0.99): wrong, 及时 is the manner of the task and the value a yes/no. Nothing of the sample is still
# reported, so its pin is the row itself: judged wrong, and not reported.
def test_the_forty_sixth_sample_is_no_longer_reported() -> None:
    in_46 = [r for r in ROWS if "46" in r["sample"].split()]
    assert [(Path(r["file"]).stem[:3], r["line"], r["code"], r["verdict"]) for r in in_46] == [
        ("z01", "20", "KPI404", "wrong")
    ]
    assert not any(_reported(r) for r in in_46)


def _sampler() -> ModuleType:
    spec = importlib.util.spec_from_file_location("finding_review_sample", ROOT / "bench" / "finding_review_sample.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _as_findings(sample: str) -> list[dict[str, object]]:
    """Sample N's rows as the findings of `kpi-lint check --output-format json` the sampler reads (no suggestion)."""
    return [
        {
            "path": r["file"],
            "line": int(r["line"]),
            "column": int(r["column"]),
            "code": r["code"],
            "level2": r["level2"],
            "message": r["message"],
            "suggestion": None,
        }
        for r in ROWS
        if sample in r["sample"].split()
    ]


def test_the_sampler_draws_within_the_samples_named_and_counts_every_fire() -> None:
    """--within-sample N keeps only the findings whose place sample N judged (read from the review file's keys,
    never its verdicts); --min-fires still counts every finding of a rule, so a rule that fires often on the set keeps
    the one finding left to draw. Over the findings of samples 45 (76) and 47 (40), drawn within sample 47: all 40 of
    47 and none of 45; with --min-fires 5, KPI106 (1 in sample 47, 10 in 45) is kept, and it is left out once the
    findings of sample 45 are not in the set either."""
    sampler = _sampler()
    rows = [r for r in ROWS if {"45", "47"} & set(r["sample"].split())]
    findings = [
        {
            "path": r["file"],
            "line": int(r["line"]),
            "column": int(r["column"]),
            "code": r["code"],
            "level2": r["level2"],
        }
        for r in rows
    ]
    within = frozenset(sampler.reviewed_places(str(REVIEW), samples=frozenset({"47"})))
    in_47 = {_place(r) for r in rows if "47" in r["sample"].split()}

    def places(drawn: list[dict[str, object]]) -> set[tuple[str, ...]]:
        return {
            (
                str(f["path"]),
                str(f["line"]),
                str(f["column"]),
                str(f["code"]),
                str(f["level2"]) if f["code"] == "KPI202" else "",
            )
            for f in drawn
        }

    everything = sampler.sample(findings, seed=148, share=1.0, at_least=0, min_fires=0, within=within)
    assert len(findings) == 116 and len(everything) == 40 and places(everything) == in_47
    kept = sampler.sample(findings, seed=148, share=1.0, at_least=0, min_fires=5, within=within)
    assert sum(f["code"] == "KPI106" for f in kept) == 1
    only_47 = [f for f, r in zip(findings, rows, strict=True) if "47" in r["sample"].split()]
    alone = sampler.sample(only_47, seed=148, share=1.0, at_least=0, min_fires=5, within=within)
    assert not any(f["code"] == "KPI106" for f in alone) and len(alone) == 39


def test_the_fiftieth_sample_is_a_census_of_ten_rules_on_the_wild_set() -> None:
    """Sample 50 holds 86 wild findings of 10 rules, each place once."""
    drawn = [r for r in ROWS if "50" in r["sample"].split()]
    assert len(drawn) == 86
    assert all(r["file"].startswith("corpus/wild/") for r in drawn)
    assert len({r["code"] for r in drawn}) == 10
    assert len({_place(r) for r in drawn}) == 86


def test_the_sampler_keeps_only_the_findings_changed_since_a_base() -> None:
    """--changed-since BASE keeps a finding unless BASE has one with the same path, line, column, code, message and
    suggestion: over the 86 findings of sample 50, a base holding 60 of them alike, 10 with another message, 5 at
    another column and 5 with a suggestion added leaves 26 (the 6 missing from the base and the 20 altered)."""
    sampler = _sampler()
    findings = _as_findings("50")
    base = [dict(f) for f in findings[:80]]
    for f in base[60:70]:
        f["message"] = str(f["message"]) + "（旧措辞）"
    for f in base[70:75]:
        f["column"] = int(str(f["column"])) + 1
    for f in base[75:80]:
        f["suggestion"] = "100%"
    kept = sampler.changed_since(findings, base)
    assert len(kept) == 26
    assert kept == findings[60:]
    assert sampler.changed_since(findings, findings) == []


def _assert_drawn_per_rule(sample: str, each: int, fewer: Mapping[str, int], rules: int) -> list[dict[str, str]]:
    """The rows of a `--share 0 --at-least EACH` draw over the wild set: each place once, EACH findings of every one of
    its `rules` rules but those in `fewer`, which have exactly the count given (all their findings)."""
    drawn = [r for r in ROWS if sample in r["sample"].split()]
    assert all(r["file"].startswith("corpus/wild/") for r in drawn)
    assert len({_place(r) for r in drawn}) == len(drawn)
    per_rule = Counter(r["code"] for r in drawn)
    assert {code: n for code, n in per_rule.items() if n < each} == fewer
    assert len(per_rule) == rules and all(n == each for code, n in per_rule.items() if code not in fewer)
    return drawn


def test_the_fifty_first_sample_holds_ten_findings_of_every_rule_that_fires_five_times() -> None:
    """Sample 51 holds 135 wild findings of the 15 rules that fire at least 5 times on the wild set, each place once:
    10 of each, all of them for the five rules that fire fewer than 10 times."""
    fewer = {"KPI203": 9, "KPI205": 9, "KPI102": 6, "KPI302": 6, "KPI109": 5}
    assert len(_assert_drawn_per_rule("51", 10, fewer, 15)) == 135


def test_the_fifty_third_sample_holds_fifteen_findings_of_every_rule_drawn() -> None:
    """Sample 53 holds 155 wild findings of the 12 rules that fire at least 5 times on the wild set, KPI205, KPI102
    and KPI105 left out by --skip-code, each place once: 15 of each, all of them for the three that fire fewer."""
    drawn = _assert_drawn_per_rule("53", 15, {"KPI203": 9, "KPI302": 6, "KPI109": 5}, 12)
    assert len(drawn) == 155
    assert not {"KPI205", "KPI102", "KPI105"} & {r["code"] for r in drawn}


def test_the_fifty_fifth_sample_holds_fifteen_findings_of_every_rule_that_fires_five_times() -> None:
    """Sample 55 holds 185 wild findings of the 15 rules that fire at least 5 times on the wild set, nothing skipped,
    each place once: 15 of each, all of them for the five rules that fire fewer than 15 times."""
    fewer = {"KPI203": 9, "KPI205": 9, "KPI102": 6, "KPI302": 6, "KPI109": 5}
    assert len(_assert_drawn_per_rule("55", 15, fewer, 15)) == 185


def test_the_sampler_skips_the_rules_named_and_draws_the_others_as_without_them() -> None:
    """--skip-code CODE leaves rule CODE out of the sample (repeatable) and draws every other rule's findings exactly as
    a draw without it does (a skipped rule is still drawn, then dropped, so the random state the later rules see is the
    same). Over the 155 findings of sample 53, 8 of each rule with seed 7: skipping KPI103 and KPI404 leaves the other
    10 rules' 8 (5 of KPI109, 6 of KPI302) as drawn with nothing skipped; a code that does not fire changes nothing."""
    sampler = _sampler()
    findings = _as_findings("53")
    whole = sampler.sample(findings, seed=7, share=0, at_least=8)
    skipped = sampler.sample(findings, seed=7, share=0, at_least=8, skip_codes=frozenset({"KPI103", "KPI404"}))
    assert len(whole) == 10 * 8 + 5 + 6 and len(skipped) == len(whole) - 16
    assert skipped == [f for f in whole if f["code"] not in {"KPI103", "KPI404"}]
    assert sampler.sample(findings, seed=7, share=0, at_least=8, skip_codes=frozenset({"KPI999"})) == whole
