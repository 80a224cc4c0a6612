"""The HTML scorecards of the corpus in headless Chromium: they load cleanly, show every project, print on A4.

Talks to Chromium through the DevTools protocol (tests/score/cdp.py) to see console errors,
exceptions and failed loads.  Screenshots go to tests/_artifacts/ for a human to look at.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterator
from pathlib import Path

import pytest

from kpi_lint.report.scorecard_html import write_html
from kpi_lint.score.present import scorecard_names
from tests.corpus import ROOT, corpus_path
from tests.score.cdp import Browser, Page, chromium_binary
from tests.score.corpus_scores import corpus_report

ARTIFACTS = ROOT / "tests" / "_artifacts"
CHROMIUM = chromium_binary()

pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium 未安装（apt-get install -y chromium fonts-noto-cjk；.ci/run 会自动安装）",
)


@pytest.fixture(scope="module", autouse=True)
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("scorecards")
    write_html(corpus_report(), out)
    return out


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    assert CHROMIUM is not None
    with Browser(CHROMIUM, tmp_path_factory.mktemp("chromium-profile")) as running:
        yield running


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_probe_sees_console_errors(browser: Browser, tmp_path: Path) -> None:
    """Guard against a vacuous check: a broken page must be reported."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<p>x</p><img src="missing.png"><script>console.error("坏了"); nothing();</script>', encoding="utf-8"
    )
    page = Page(browser)
    page.open(bad)
    errors = " ".join(page.errors())
    assert "坏了" in errors and "ERR_FILE_NOT_FOUND" in errors and "exception" in errors


def test_overview_loads_cleanly_and_shows_all_37_projects(browser: Browser, pages: Path) -> None:
    page = Page(browser)
    page.open(pages / "index.html")
    assert page.errors() == []
    report = corpus_report()
    rows = page.evaluate("[...document.querySelectorAll('tr.project-row')].map(r => r.innerText)")
    assert len(rows) == 37
    shown = "\n".join(rows)
    assert all(_collapse(score.name) in shown for score in report.projects)  # innerText collapses spaces
    # the distribution charts: the 36 scored projects (000's garbled table is "无法评分（原文错乱）")
    assert page.evaluate("document.querySelectorAll('svg.strip circle.dot').length") == 36
    bins = page.evaluate("[...document.querySelectorAll('svg.histogram rect.bin')].map(r => r.textContent)")
    counts = [re.search(r"(\d+) 个项目", b) for b in bins]
    assert sum(int(m.group(1)) for m in counts if m) == 36 and all(counts)
    labels = page.evaluate("[...document.querySelectorAll('svg.histogram text')].map(t => t.textContent)")
    assert "得分" in labels and "项目数" in labels
    # Chinese text is drawn with a CJK font from the page's stack, not a fallback that may show tofu
    assert "Noto Sans CJK SC" in page.evaluate("getComputedStyle(document.body).fontFamily")
    assert any("CJK" in f or "Noto Sans SC" in f for f in page.platform_fonts("h1")), page.platform_fonts("h1")
    shot = ARTIFACTS / "scorecard_overview.png"
    page.screenshot(shot)
    width, height = _png_size(shot)
    assert width == 1280 and height > 2000


def test_document_pages_load_cleanly_and_show_their_projects(browser: Browser, pages: Path) -> None:
    report = corpus_report()
    names = scorecard_names(report.documents, ".html")
    for doc in report.documents:
        page = Page(browser)
        page.open(pages / names[doc.path])
        assert page.errors() == [], doc.path
        sections = page.evaluate("[...document.querySelectorAll('section.project h2')].map(h => h.textContent)")
        assert sections == [p.name for p in doc.projects]  # textContent keeps the printed spaces
        assert page.evaluate("document.querySelectorAll('section.project svg.bars').length") == len(doc.projects)
    page = Page(browser)
    page.open(pages / names[str(corpus_path("003"))])
    # every 003 table is a ≥95 template: its value cells are highlighted with the rule codes
    defect_cells = page.evaluate("document.querySelectorAll('table.indicators td.defect').length")
    assert defect_cells >= 11 * 8
    page.screenshot(ARTIFACTS / "scorecard_003.png", max_height=3000)


def test_document_page_prints_one_project_per_a4_page(browser: Browser, pages: Path) -> None:
    report = corpus_report()
    names = scorecard_names(report.documents, ".html")
    page = Page(browser)
    page.open(pages / names[str(corpus_path("002"))])
    pdf = page.pdf_a4()
    (ARTIFACTS / "scorecard_002.pdf").write_bytes(pdf)
    sizes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert sizes and all(abs(float(w) - 595.92) < 2 and abs(float(h) - 842.88) < 2 for w, h in sizes)  # A4
    pages_printed = len(re.findall(rb"/Type\s*/Page\b", pdf))
    assert pages_printed >= 1 + 3  # the summary, then each of the three projects starts a new page
