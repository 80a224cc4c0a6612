"""The review pages of the corpus in headless Chromium: they load cleanly, the filter works, links land, they print.

Uses the DevTools client of the scorecard test (tests/score/cdp.py).  Screenshots go to tests/_artifacts/
(review_002.png, review_002_errors_only.png) for a human to look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from kpi_lint.report.review_page import INDEX_NAME, write_review_pages
from kpi_lint.rules.base import Severity
from kpi_lint.score.present import scorecard_names
from tests.corpus import ROOT, corpus_path
from tests.report.review_inputs import samples
from tests.score.cdp import Browser, Page, chromium_binary

ARTIFACTS = ROOT / "tests" / "_artifacts"
CHROMIUM = chromium_binary()

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium 未安装（apt-get install -y chromium fonts-noto-cjk；.ci/run 会自动安装）",
)

VISIBLE = "[...document.querySelectorAll('li.finding')].filter(li => !li.hidden).length"


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("review")
    docs, findings = samples()
    write_review_pages(out, docs, findings)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return out


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    assert CHROMIUM is not None
    with Browser(CHROMIUM, tmp_path_factory.mktemp("chromium-profile")) as running:
        yield running


def _page_path(pages: Path, key: str) -> Path:
    docs, _ = samples()
    return pages / scorecard_names(docs, ".html")[str(corpus_path(key))]


def test_every_page_loads_without_errors(browser: Browser, pages: Path) -> None:
    _docs, findings = samples()
    for path in [pages / INDEX_NAME, *(_page_path(pages, k) for k in ("000", "001", "002", "003", "004"))]:
        page = Page(browser)
        page.open(path)
        assert page.errors() == [], path.name
    page = Page(browser)
    page.open(_page_path(pages, "003"))
    mine = [f for f in findings if f.path == str(corpus_path("003"))]
    assert page.evaluate(VISIBLE) == len(mine)  # the filter starts with everything shown
    assert page.evaluate("document.querySelector('form.filters').hidden") is False
    assert page.evaluate("document.querySelector('.filters .shown').textContent") == f"显示 {len(mine)} 条问题"
    assert "Noto Sans CJK SC" in page.evaluate("getComputedStyle(document.body).fontFamily")


def test_filter_by_severity_and_rule(browser: Browser, pages: Path) -> None:
    _, findings = samples()
    mine = [f for f in findings if f.path == str(corpus_path("002"))]
    page = Page(browser)
    page.open(_page_path(pages, "002"))
    page.screenshot(ARTIFACTS / "review_002.png", max_height=1800)
    cells = page.evaluate("document.querySelectorAll('td.problem').length")
    assert cells > 0 and page.evaluate("document.querySelectorAll('td.problem.filtered').length") == 0
    # untick 警告 and 提示: only the errors stay, and cells with only warnings lose their colour
    for severity in ("warning", "info"):
        page.evaluate(f"document.querySelector('input[name=severity][value={severity}]').click()")
    errors = [f for f in mine if f.severity is Severity.ERROR]
    assert page.evaluate(VISIBLE) == len(errors) == 2
    shown_codes = page.evaluate(
        "[...document.querySelectorAll('li.finding')].filter(li => !li.hidden).map(li => li.dataset.code)"
    )
    assert sorted(shown_codes) == sorted(f.code for f in errors)
    # 002's two errors are KPI201 on empty 成本指标 rows (the KPI401 on a cut cell is KPI305's since
    # issue 11): no indicator cell holds an error, so every coloured cell loses its colour.
    lit = page.evaluate("document.querySelectorAll('td.problem:not(.filtered)').length")
    assert lit < cells
    page.screenshot(ARTIFACTS / "review_002_errors_only.png", max_height=1400)
    # tick them again and drop one rule with "全不选" and one box: only that rule's findings
    for severity in ("warning", "info"):
        page.evaluate(f"document.querySelector('input[name=severity][value={severity}]').click()")
    page.evaluate("document.querySelector('button[data-all=\"0\"]').click()")
    assert page.evaluate(VISIBLE) == 0
    page.evaluate("document.querySelector('input[name=code][value=KPI305]').click()")
    assert page.evaluate(VISIBLE) == sum(f.code == "KPI305" for f in mine) == 11
    assert page.errors() == []


def test_links_go_from_cell_to_finding_and_back(browser: Browser, pages: Path) -> None:
    page = Page(browser)
    page.open(_page_path(pages, "002"))
    cell_id = page.evaluate("document.querySelector('td.problem').id")
    page.evaluate("document.querySelector('td.problem sup a').click()")
    target = page.evaluate("location.hash.slice(1)")
    assert page.evaluate(f"document.getElementById('{target}').matches('li.finding:target')")
    page.evaluate(f"document.getElementById('{target}').querySelector('a.to-cell').click()")
    assert page.evaluate("location.hash") == f"#{cell_id}"
    assert page.evaluate("document.querySelector(':target').tagName") == "TD"


def test_prints_on_a4_one_project_per_page(browser: Browser, pages: Path) -> None:
    page = Page(browser)
    page.open(_page_path(pages, "002"))
    pdf = page.pdf_a4()
    (ARTIFACTS / "review_002.pdf").write_bytes(pdf)
    sizes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert sizes and all(abs(float(w) - 595.92) < 2 and abs(float(h) - 842.88) < 2 for w, h in sizes)
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) >= 1 + 3  # the heading, then each of 002's three projects
    # the filter is not printed; the findings are
    assert page.evaluate("matchMedia('print').matches") is False
