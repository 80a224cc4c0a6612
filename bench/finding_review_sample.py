"""Draw the random, rule-stratified sample of findings that a reviewer judges by hand.

    python bench/finding_review_sample.py findings.json > sample.csv
    python bench/finding_review_sample.py findings.json --seed 29 --share 0.15 --at-least 8 --only corpus/wild/

`findings.json` is the output of
`kpi-lint check corpus/wild corpus/*.txt --output-format json --fail-on never`.
Input problems (KPI000) are not findings and are left out. Every rule that fires is
covered: a rule gets `--share` of its findings (default 10%), at least `--at-least` (default 5;
all of them when it has fewer), drawn with a fixed seed so that the sample can be drawn again.
`--only PREFIX` keeps the findings of files under PREFIX (the second sample: the wild set only).
`--exclude-sample N` leaves out, and `--within-sample N` keeps only, the findings whose place sample N of --reviews
judged (both repeatable; only the keys are read, never the verdicts); --min-fires still counts every finding of a rule.
The verdict and why columns are left for the reviewer; the judged samples live in
tests/data/finding_review.csv (column `sample`: 1 = seed 11 over wild set + samples, drawn before
issue 11's fixes; 2 = seed 29 over the wild set, drawn after them; 3 = seed 31 over batch j of the
wild set, --share 0.3 --at-least 8 --only corpus/wild/j, held out from the fixes; 4 = seed 47 over
the whole wild set (106 files), --share 0 --at-least 12 --min-fires 5 --only corpus/wild/: 12 findings
of every rule that fires at least 5 times, all of them when it fires fewer, drawn before issue 11e's fixes;
5 = seed 53, the same options, over all 113 wild files on main 588b9be, drawn before issue 11f's fixes;
6 = seed 61 over all 121 wild files on main cd056c8, --share 0 --at-least 12 --min-fires 0 --only corpus/wild/:
12 of each rule that fires at least 5 times and every finding of the rules that fire fewer (the 15 rules that fire
at least 5 times gave only 144 findings, fewer than the issue's 150), drawn before issue 11g's fixes);
7 and 8: see tests/rules/test_finding_review.py;
9 = seed 89 over all 134 wild
files on b363aea, --share 0 --at-least 12 --min-fires 0 --only corpus/wild/ --exclude-reviewed
tests/data/finding_review.csv (12 of each rule's findings not judged before, all when fewer are left);
10 = seed 97 over the wild set and the five samples on main 2891192, --share 0 --at-least 3 --min-fires 5
--exclude-reviewed tests/data/finding_review.csv (58 findings, 3 of each rule that fires at least 5 times, all
when fewer are left; the wild set had only KPI101/KPI103 findings left unjudged, so all 58 fell in the samples);
11 = seed 101 over the wild set on issue-11m's base 5b43b3d (`kpi-lint check corpus`), --share 0 --at-least 14
--min-fires 0 --only corpus/wild/ --exclude-reviewed tests/data/finding_review.csv (51 findings: 14 of the 25 unjudged
KPI101 and every other unjudged wild finding, most of them in the new batches p and q), judged blind before issue 11m's
fixes; 12 = seed 113 over the wild set on issue-11n's base bb16a1b, --share 1 --at-least 0 --min-fires 0 --only
corpus/wild/ --exclude-reviewed tests/data/finding_review.csv (26 findings: every unjudged wild finding, 15 of them on
the new batch r; fewer than the 40 asked for, as no more were left), judged blind before issue 11n's fixes;
13–18: see tests/rules/test_finding_review.py; 34 = seed 134 over the new wild batch x (x01–x03) on the wild-x
branch's labels commit 46eb599, --share 1.0 --at-least 0 --min-fires 0 --only corpus/wild/x (all 8 findings, judged
blind before any change); 35 = seed 135 over the new wild batch y (y01–y02) on the wild-y branch's labels
commit 617f1bc, --share 1.0 --at-least 0 --min-fires 0 --only corpus/wild/y (all 3 findings, judged blind before any
change); 36 = seed 136 over all 178 wild files on main c841579, --share 0 --at-least 8
--min-fires 0 --only corpus/wild/ --exclude-reviewed tests/data/finding_review.csv (8 unjudged findings of every
rule, all when fewer: 14 of the 16 never judged, 8 of KPI404's 10 and every other), judged blind by issue
11-sample36 before any change; 39 (the draw issue 11-sample38's brief calls "sample 38": that number was taken by
issue 11-kpi404's one re-judged row) = seed 138 over all 180 wild files on main 148731c, --share 0 --at-least 15
--min-fires 0 --only corpus/wild/, NOT --exclude-reviewed (a fresh audit of the catalog as it is, earlier verdicts
ignored: 15 findings of every rule that fires at least 5 times on the wild set, all of them when it fires fewer;
210 of 527), judged blind before any change and before the earlier verdicts of the same findings were read; 42 = seed
142 over all 180 wild files on main b457aa7, --share 0 --at-least 12 --min-fires 0 --only corpus/wild/
--exclude-sample 39 (a second, independent audit: the findings of sample 39 set aside by their places only, 209 of
its 210 still reported; 317 of the 526 wild findings left, 12 of each rule's, all when fewer: KPI101, KPI103, KPI104,
KPI201, KPI202, KPI404, KPI502 12 each, KPI105 9, KPI106 6, KPI402 4 — 103), judged blind by issue 11-sample42 before
any earlier verdict of the same findings was read; 45 = seed 145 over all 180 wild files on main f07a6c0, --share 0
--at-least 10 --min-fires 0 --only corpus/wild/ --exclude-sample 39 --exclude-sample 42 (a third, independent audit:
241 of the 546 wild findings left once both samples' places are set aside, 10 of each rule's, all when fewer:
KPI101, KPI103, KPI104, KPI106, KPI202, KPI404 10 each, KPI502 8, KPI201 4, KPI301 2, KPI402 2 — 76; the other 13
rules that fire had none left), judged blind by issue 11-sample45 before any earlier verdict of the same findings was
read; 47 = seed 147 over all 180 wild files on main 51c5e2e, --share 0 --at-least 8 --min-fires 0 --only
corpus/wild/ --exclude-sample 39 --exclude-sample 42 --exclude-sample 45 (a fourth, independent audit after this
session's fixes: 8 of each rule's findings left once the three samples' places are set aside, all when fewer:
KPI101, KPI103, KPI104, KPI404 8 each, KPI202 7, KPI106 1 — 40; no other rule had any left), judged blind by issue
11-sample47 before any earlier verdict of the same findings was read; 48 = seed 148 over all 181 wild files on main
97a0237, --share 0 --at-least 10 --min-fires 5 --only corpus/wild/ --within-sample 39 --within-sample 42
--within-sample 45 --within-sample 47 (a fifth, independent audit of the catalog as it is, on the findings whose
places an earlier blind judge saw: 10 of every rule that fires at least 5 times on the wild set, all when fewer:
KPI101, KPI103, KPI104, KPI105, KPI106, KPI201, KPI202, KPI402, KPI404, KPI502 10 each, KPI203 9, KPI205 9, KPI102 6,
KPI302 6, KPI109 5 — 135 of the 527 wild findings), judged blind by issue 11-sample48 before any earlier verdict of the
same findings was read; 49 = seed 149 over all 181 wild files on main 97a0237, --share 1 --at-least 1000 --only
corpus/wild/ --exclude-sample 39 --exclude-sample 42 --exclude-sample 45 --exclude-sample 47 (a census, not a draw:
every wild finding the four blind samples left, 120 of 527 — KPI101 93, KPI103 22, KPI104 4, KPI404 1), judged blind
by issue 11-census49 before any earlier verdict of the same findings was read; 50 = every wild finding of the
session-20 fixes (11-census-fixes, 11-followups, 11-s48-fixes) that is new or reads otherwise than on main 97a0237:
`kpi-lint check corpus --output-format json --no-cache --fail-on never --explain -o now.json` on main 2dd252b,
then `python bench/finding_review_sample.py now.json --changed-since /tmp/s20/base.json --seed 150 --share 1
--at-least 1000 --only corpus/wild/` (a census, not a draw: a finding counts as changed when no finding of BASE has
its path, line, column, code, message and suggestion), judged blind by issue 11-sample50 before any earlier verdict
of the same places was read; 51 = seed 151 over all 181 wild files on main 565c878 (`kpi-lint check corpus
--output-format json --no-cache --fail-on never --explain -o now.json`, 998 entries, 874 findings), then
`python bench/finding_review_sample.py now.json --seed 151 --share 0 --at-least 10 --min-fires 5 --only corpus/wild/`
(a sixth, independent audit of the catalog after session 20's fixes, earlier verdicts ignored: 10 of every rule that
fires at least 5 times on the wild set, all when fewer: KPI101, KPI103, KPI104, KPI105, KPI106, KPI201, KPI202,
KPI402, KPI404, KPI502 10 each, KPI203 9, KPI205 9, KPI102 6, KPI302 6, KPI109 5 — 135), judged blind by issue
11-sample51 before any earlier verdict of the same places was read; 52 = every wild finding of the 11-s51-fixes branch
that reads otherwise than on /tmp/s20/m6.json, plus every other wild KPI205 finding: `kpi-lint check corpus
--output-format json --no-cache --fail-on never --explain -o now.json` on main 706c971 (998 entries, 874 findings),
then `python bench/finding_review_sample.py now.json --only corpus/wild/ --changed-since /tmp/s20/m6.json --share 1
--at-least 1000` (11: KPI205 6, KPI104 3, KPI105 1, KPI402 1) and `python bench/finding_review_sample.py now.json
--only corpus/wild/ --share 1 --at-least 1000` kept to code KPI205 (3 more: c08, t01, g06 — 14 in all), judged blind
by issue 11-sample52 before any earlier verdict of the same places was read; 53 = seed 153 over all 181 wild files on
main 1c5b064 (`kpi-lint check corpus --output-format json --no-cache --fail-on never --explain -o now.json`, 998
entries, 874 findings), then `python bench/finding_review_sample.py now.json --seed 153 --share 0 --at-least 15
--min-fires 5 --only corpus/wild/ --skip-code KPI205 --skip-code KPI102 --skip-code KPI105` (a seventh, independent
audit, earlier verdicts ignored: 15 of every rule that fires at least 5 times on the wild set but the three being
reworded, which are judged once their new wording lands; all when fewer: KPI101, KPI103, KPI104, KPI106, KPI201,
KPI202, KPI402, KPI404, KPI502 15 each, KPI203 9, KPI302 6, KPI109 5 — 155), judged blind by issue 11-sample53 before
any earlier verdict of the same places was read; 54 = every wild finding of the four rules 11-s52-fixes reworded
(KPI205, KPI102, KPI105, KPI501) on main bc4eb6c (`kpi-lint check corpus --output-format json --no-cache --fail-on
never --explain -o now.json`, 998 entries, 874 findings), drawn as `python bench/finding_review_sample.py now.json
--seed 154 --share 1 --at-least 1000 --only corpus/wild/` with `--skip-code` for each of the 19 other codes that fire
on the wild set (KPI101 KPI103 KPI104 KPI106 KPI107 KPI108 KPI109 KPI201 KPI202 KPI203 KPI301 KPI302 KPI402 KPI403
KPI404 KPI408 KPI409 KPI502 KPI504), plus every other wild finding changed since session 21's base: `python
bench/finding_review_sample.py now.json --seed 154 --share 1 --at-least 1000 --only corpus/wild/ --changed-since
/tmp/s21/base.json` (10: KPI102 5, KPI205 5, all already in the first draw — 43 in all: KPI105 24, KPI205 9,
KPI102 6, KPI501 4), judged blind by issue 11-sample54 before any earlier verdict of the same places was read;
55 = seed 155 over the wild set on main 54fead6 (`kpi-lint check corpus --output-format json --no-cache --fail-on never
--explain -o now.json`, 1,003 entries, 877 findings, 533 of them wild), then `python bench/finding_review_sample.py
now.json --seed 155 --share 0 --at-least 15 --min-fires 5 --only corpus/wild/` (an eighth, independent audit of every
rule after all fixes, earlier verdicts ignored: 15 of every rule that fires at least 5 times on the wild set, all when
fewer: KPI101, KPI103, KPI104, KPI105, KPI106, KPI201, KPI202, KPI402, KPI404, KPI502 15 each, KPI203 9, KPI205 9,
KPI102 6, KPI302 6, KPI109 5 — 185), judged blind by issue 11-sample55 before any earlier verdict of the same places
was read; 56 = every wild finding that the three fix branches 11-s53-fixes, 11-s54-fixes and 11-s55-fixes made
new or reworded: `kpi-lint check corpus --output-format json --no-cache --fail-on never --explain -o now.json` on main
354c7e2 (1,002 entries, 876 findings, 532 of them wild), then `python bench/finding_review_sample.py now.json
--only corpus/wild/ --changed-since /tmp/s21/m2.json --share 1 --at-least 1000` (m2.json: the same run on main before
those branches; a census, not a draw: KPI102 4, KPI104 4, KPI105 3, KPI202 2, KPI203 1, KPI404 6 — 20), judged blind
by issue 11-sample56 before any earlier verdict of the same places was read;
57 = every wild finding that this session's KPI102 rewording (the set-aside clause names its rates) and the
grade-tier reader change (l04) made new or changed: `kpi-lint check corpus --output-format json --no-cache
--fail-on never --explain -o now.json` on main e4743ff (1,004 entries, 878 findings, 534 of them wild), then
`python bench/finding_review_sample.py now.json --only corpus/wild/ --changed-since /tmp/s22/base.json --share 1
--at-least 1000` (base.json: the same run on main 5b97ee8 at the session start; a census, not a draw: KPI102 4,
KPI105 2, KPI107 1 — 7), judged blind by issue 11-sample57 before any earlier verdict of the same places was read;
58 = every wild finding never judged on its current wording, on main 771f4e0 (`kpi-lint check corpus --output-format
json --no-cache --fail-on never --explain -o now.json`, 1,004 entries, 878 findings), then `python
bench/finding_review_sample.py now.json --only corpus/wild/ --exclude-reviewed tests/data/finding_review.csv --reworded
--share 1 --at-least 1000` (a census, not a draw: a place judged only on another message counts as unjudged; KPI205 8,
KPI404 8, KPI101 3, KPI107 3, KPI102 1, KPI103 1, KPI403 1, KPI502 1 — 26), judged blind by issue 11-sample58 before any
earlier verdict of the same places was read;
59 = every finding (wild set and samples) that issue 11-s58-fixes (KPI102's advice by the 二级 of the counted rows,
KPI403's cost arithmetic, KPI205's grouped advice) made new or reworded: `kpi-lint check corpus --output-format json
--no-cache --fail-on never --explain -o now.json` on main 0ceb777 (1,003 entries, 877 findings, 533 of them wild), then
`python bench/finding_review_sample.py now.json --changed-since before.json --share 1 --at-least 1000` (before.json: the
same run on main before that branch, kept as /work/notes/s23/before-s58-fixes.json; a census, not a draw: KPI102 17,
KPI403 2, KPI205 1 — 20), judged blind by issue 11-sample59 before any earlier verdict of the same places was read;
60 = seed 60 over the wild set and the five samples on main d60da82, a rule-stratified tenth of the findings never
judged on their current wording: `kpi-lint check corpus --output-format json --no-cache --fail-on never --explain -o
now.json` (1,003 entries, 877 findings; 240 of them unjudged on their wording, all in the five samples), then `python
bench/finding_review_sample.py now.json --exclude-reviewed tests/data/finding_review.csv --reworded --share 0.1
--at-least 1 --seed 60` (38 findings of 22 rules: KPI101 7, KPI103 3, KPI203 3, KPI305 3, KPI107 2, KPI201 2, KPI404 2,
KPI502 2 and one of each of 14 others), judged blind by issue 11-sample60 before any earlier verdict of the same places
was read;
62 = every finding (wild set and samples) that the branches merged in session 24 (kpi102-403, findings-cut-cell,
11-s60-fixes) moved or reworded: `kpi-lint check corpus --output-format json --no-cache --fail-on never --explain -o
now.json` on main 06d436b (1,006 entries, 877 findings, 533 of them wild), then `python bench/finding_review_sample.py
now.json --changed-since base.json --share 1 --at-least 1000` (base.json: the same run on main d60da82 at the session
start, kept as /work/notes/s24-base.json; a census, not a draw: KPI101 18, KPI305 9, KPI102 5, KPI403 1, KPI404 1 —
34, 31 of them in the five samples), judged blind by issue 11-sample62 before any earlier verdict of the same places
was read;
63 = every finding that the branch merged after sample 62 (wording-s62) reworded: `kpi-lint check corpus
--output-format json --no-cache --fail-on never --explain -o now.json` on main b535ce8 (1,006 entries, 877 findings),
then `python bench/finding_review_sample.py now.json --changed-since s24-head.json --share 1 --at-least 1000`
(s24-head.json: the same run before that branch, kept as /work/notes/s24-head.json; a census, not a draw: KPI102 11,
KPI305 2 — 13, all in the five samples), judged blind by issue 11-sample63 before any earlier verdict of the same
places was read;
`--skip-code CODE` (repeatable) leaves a rule out of the sample
while every other rule gets the findings it gets without it; the other later samples are listed in
tests/rules/test_finding_review.py.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import random
import sys
from collections import defaultdict

SEED = 11
SHARE = 0.10
AT_LEAST = 5
REVIEWS = "tests/data/finding_review.csv"
COLUMNS = (
    "file",
    "line",
    "column",
    "anchor",
    "code",
    "project",
    "period",
    "level2",
    "level3",
    "value",
    "message",
    "verdict",
    "why",
)


def place(f: dict[str, object]) -> tuple[str, int, int, str, str]:
    """Where a finding is and what it says, as the review CSV pins it (KPI202 reports each missing
    dimension at the project's first line, so its 二级 is part of the place)."""
    code = str(f["code"])
    level2 = str(f.get("level2") or "") if code == "KPI202" else ""
    return (str(f.get("path") or f.get("file")), int(str(f["line"])), int(str(f["column"])), code, level2)


def reviewed_places(
    review_csv: str, reworded: bool = False, samples: frozenset[str] = frozenset()
) -> set[tuple[str, int, int, str, str]]:
    """The places judged in the review file; with `reworded`, a place counts as judged only for the message its
    verdict was given on (a finding whose message changed since has not been judged as it now reads); with
    `samples`, only the places judged in those samples (column `sample`, numbers separated by spaces). Only the
    keys are read, never the verdicts: a blind judge may exclude a sample without seeing how it was judged."""
    with open(review_csv, encoding="utf-8", newline="") as fh:
        return {
            _key(dict(row), reworded)
            for row in csv.DictReader(fh)
            if not samples or samples & set(str(row["sample"]).split())
        }


def _key(f: dict[str, object], reworded: bool) -> tuple[str, int, int, str, str]:
    where = place(f)
    return (where[0], where[1], where[2], where[3], where[4] + ("\n" + str(f["message"]) if reworded else ""))


def changed_since(findings: list[dict[str, object]], base: list[dict[str, object]]) -> list[dict[str, object]]:
    """The findings that BASE (an earlier `kpi-lint check --output-format json` of the same files) did not report as
    they now read: no finding of BASE has the same path, line, column, code, message and suggestion. A finding that
    moved, changed its rule, its wording or its suggestion, or is new, is kept; one that BASE reported alike is not."""

    def said(f: dict[str, object]) -> tuple[str, ...]:
        return tuple(str(f.get(k) or "") for k in ("path", "line", "column", "code", "message", "suggestion"))

    before = {said(f) for f in base}
    return [f for f in findings if said(f) not in before]


def sample(
    findings: list[dict[str, object]],
    seed: int = SEED,
    share: float = SHARE,
    at_least: int = AT_LEAST,
    only: str = "",
    min_fires: int = 0,
    reviewed: frozenset[tuple[str, int, int, str, str]] = frozenset(),
    reworded: bool = False,
    within: frozenset[tuple[str, int, int, str, str]] | None = None,
    skip_codes: frozenset[str] = frozenset(),
) -> list[dict[str, object]]:
    """`within` (when given) keeps only the findings at those places; `fires` still counts every finding of the
    rule, so --min-fires applies to the rule's firing on the set, not to what is left to draw. The rules in
    `skip_codes` are left out of the sample (a rule being reworded is judged once its new wording lands);
    a skipped rule is still drawn and then dropped, so that the other rules get the same findings as without it."""
    fires: dict[str, int] = defaultdict(int)
    by_code: dict[str, list[dict[str, object]]] = defaultdict(list)
    seen: set[str] = set()
    for f in findings:
        key = json.dumps(f, sort_keys=True, ensure_ascii=False)
        if key in seen or f["code"] == "KPI000" or not str(f["path"]).startswith(only):
            continue
        seen.add(key)
        fires[str(f["code"])] += 1
        if _key(f, reworded) not in reviewed and (within is None or place(f) in within):
            by_code[str(f["code"])].append(f)
    rng = random.Random(seed)
    chosen: list[dict[str, object]] = []
    for code in sorted(by_code):
        group = by_code[code]
        if fires[code] < min_fires:
            continue
        k = min(len(group), max(at_least, math.ceil(len(group) * share)))
        drawn = rng.sample(group, k)
        if code not in skip_codes:
            chosen.extend(drawn)
    return chosen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("findings")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--share", type=float, default=SHARE)
    ap.add_argument("--at-least", type=int, default=AT_LEAST)
    ap.add_argument("--only", default="", help="keep findings of files whose path starts with this")
    ap.add_argument(
        "--min-fires",
        type=int,
        default=0,
        help="leave out the rules that fire fewer times than this (the issue's precision target "
        "covers the rules that fire at least 5 times)",
    )
    ap.add_argument(
        "--exclude-reviewed",
        default="",
        metavar="CSV",
        help="leave out the findings already judged in this review file (same place and rule)",
    )
    ap.add_argument(
        "--reworded",
        action="store_true",
        help="with --exclude-reviewed: a finding judged only on a message worded otherwise than now "
        "counts as not judged",
    )
    ap.add_argument(
        "--exclude-sample",
        action="append",
        default=[],
        metavar="N",
        help="leave out the findings judged in sample N of --reviews (repeatable); the places only, not the verdicts",
    )
    ap.add_argument(
        "--within-sample",
        action="append",
        default=[],
        metavar="N",
        help="keep only the findings judged in sample N of --reviews (repeatable: judged in any of them); the places "
        "only, not the verdicts",
    )
    ap.add_argument(
        "--changed-since",
        default="",
        metavar="BASE.json",
        help="keep only the findings that BASE (an earlier check's JSON output) did not report with the same path, "
        "line, column, code, message and suggestion: the new and the reworded ones",
    )
    ap.add_argument(
        "--skip-code",
        action="append",
        default=[],
        metavar="CODE",
        help="leave out the findings of rule CODE (repeatable): a rule whose wording is being changed is judged later",
    )
    ap.add_argument(
        "--reviews",
        default=REVIEWS,
        metavar="CSV",
        help=f"the review file of --exclude-sample and --within-sample ({REVIEWS})",
    )
    args = ap.parse_args()
    with open(args.findings, encoding="utf-8") as fh:
        findings = json.load(fh)
    if args.changed_since:
        with open(args.changed_since, encoding="utf-8") as fh:
            findings = changed_since(findings, json.load(fh))
    reviewed: frozenset[tuple[str, int, int, str, str]] = frozenset()
    if args.exclude_reviewed:
        reviewed |= reviewed_places(args.exclude_reviewed, args.reworded)
    if args.exclude_sample:
        reviewed |= reviewed_places(args.reviews, samples=frozenset(args.exclude_sample))
    within = (
        frozenset(reviewed_places(args.reviews, samples=frozenset(args.within_sample))) if args.within_sample else None
    )
    out = csv.DictWriter(sys.stdout, COLUMNS, extrasaction="ignore")
    out.writeheader()
    drawn = sample(
        findings,
        args.seed,
        args.share,
        args.at_least,
        args.only,
        args.min_fires,
        reviewed,
        args.reworded,
        within,
        frozenset(args.skip_code),
    )
    for f in drawn:
        row = dict(f)
        row["file"] = f["path"]
        row["verdict"] = ""
        row["why"] = ""
        out.writerow(row)


if __name__ == "__main__":
    main()
