"""HTML scorecards without a browser: self-contained, valid SVG, links that land, defective cells marked."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kpi_lint.report.scorecard_html import write_html
from kpi_lint.score.present import mark_cells, project_anchor, scorecard_names
from tests.corpus import corpus_path
from tests.score.corpus_scores import corpus_report, project_score

SVG_NS = "http://www.w3.org/2000/svg"


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        for key, value in attrs:
            if key == "id" and value:
                self.ids.append(value)
            if key == "href" and value:
                self.hrefs.append(value)


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("html")
    write_html(corpus_report(), folder)
    return folder


def _parse(path: Path) -> _Collect:
    parser = _Collect()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_pages_are_self_contained(out: Path) -> None:
    for page in sorted(out.glob("*.html")):
        text = page.read_text(encoding="utf-8")
        assert text.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in text
        parsed = _parse(page)
        assert not parsed.tags & {"script", "link", "img", "iframe", "object"}, page.name
        assert "@import" not in text and "url(" not in text
        assert set(re.findall(r"https?://[^\s\"'<>]+", text)) <= {SVG_NS}, page.name
        assert "@media print" in text and "size: A4" in text and "Noto Sans CJK SC" in text


def test_every_svg_is_well_formed_and_titled(out: Path) -> None:
    count = 0
    for page in out.glob("*.html"):
        for svg in re.findall(r"<svg\b.*?</svg>", page.read_text(encoding="utf-8"), re.S):
            root = ET.fromstring(svg)
            assert root.find(f"{{{SVG_NS}}}title") is not None
            count += 1
    assert count == 37 + 3  # a bar chart per project; histogram, strip plot and defects on the overview


def test_links_of_the_overview_land_on_project_sections(out: Path) -> None:
    report = corpus_report()
    names = scorecard_names(report.documents, ".html")
    ids = {name: set(_parse(out / name).ids) for name in names.values()}
    hrefs = [h for h in _parse(out / "index.html").hrefs if "#" in h]
    assert len(hrefs) == 37
    for href in hrefs:
        page, anchor = href.split("#")
        assert anchor in ids[page]
    for name, found in ids.items():
        assert len(found) == len(set(found)), name
    for score in report.projects:
        assert project_anchor(score) in ids[names[score.path]]


def test_cells_named_by_findings_are_highlighted() -> None:
    equipment = project_score("003", "医疗保障局医保所通用设备5万元")
    marks = mark_cells(equipment)
    marked = {(equipment.project.indicators[row].level3, attribute) for (row, attribute) in marks.cells}
    # the ≥95 values (KPI103) and the copied descriptions (KPI302) are marked cell by cell
    assert ("服务器数量", "value") in marked and ("生态影响", "level3") in marked
    codes = {f.code for fs in marks.cells.values() for f in fs}
    assert {"KPI103", "KPI203", "KPI402"} <= codes
    on_cells = sum(len(fs) for fs in marks.cells.values())
    assert on_cells + len(marks.loose) == len(equipment.findings)
    assert on_cells >= 8


def test_highlights_are_rendered_with_their_codes(out: Path) -> None:
    text = (out / f"{corpus_path('003').stem}.html").read_text(encoding="utf-8")
    cells = re.findall(r'<td class="defect" title="([^"]*)">([^<]*)<sup>([^<]+)</sup></td>', text)
    assert len(cells) >= 11 * 8
    assert any(value == "≥95" and "KPI103" in codes for _, value, codes in cells)
    good = (out / f"{corpus_path('002').stem}.html").read_text(encoding="utf-8")
    cost_rows = re.findall(r"<td>成本指标</td><td>[^<]+</td><td>(\d+元)</td>", good)
    assert cost_rows == ["20000元", "20000元", "12000元", "30000元", "51800元", "16200元"]  # nothing wrong there
