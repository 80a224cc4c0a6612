"""The inline SVG charts: well-formed, labelled, proportional."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from kpi_lint.report.svg_charts import Bar, Dot, count_bars, histogram, nice_step, score_bars, strip_plot

NS = "{http://www.w3.org/2000/svg}"


def _texts(svg: str) -> list[str]:
    return [t.text or "" for t in ET.fromstring(svg).iter(f"{NS}text")]


def test_histogram_bins_and_axes() -> None:
    svg = histogram([5, 12, 15, 95, 100, 100], "分布")
    root = ET.fromstring(svg)
    bins = [r for r in root.iter(f"{NS}rect") if r.get("class") == "bin"]
    titles = [r.find(f"{NS}title").text for r in bins]  # type: ignore[union-attr]
    assert titles == ["0–10 分：1 个项目", "10–20 分：2 个项目", "90–100 分：3 个项目"]
    heights = [float(r.get("height", 0)) for r in bins]
    assert heights[2] == 3 * heights[0]
    texts = _texts(svg)
    assert "得分" in texts and "项目数" in texts and "100" in texts


def test_score_bars_are_proportional_and_escaped() -> None:
    svg = score_bars([Bar("完整性", 50, "#000"), Bar("<一致性>", 100, "#000", "（扣 10 分）")], "维度")
    rects = [float(r.get("width", 0)) for r in ET.fromstring(svg).iter(f"{NS}rect")]
    track, half, _, full = rects
    assert half * 2 == full == track
    assert "&lt;一致性&gt;" in svg and "100.0" in _texts(svg) and "（扣 10 分）" in _texts(svg)


def test_strip_plot_spreads_ties_instead_of_hiding_them() -> None:
    dots = [Dot(50, "#f00", f"项目{i}") for i in range(4)]
    svg = strip_plot([("甲", dots), ("乙", [Dot(80, "#00f", "x")])], "分布")
    circles = list(ET.fromstring(svg).iter(f"{NS}circle"))
    assert len(circles) == 5
    positions = {(c.get("cx"), c.get("cy")) for c in circles}
    assert len(positions) == 5
    assert {"甲", "乙", "得分"} <= set(_texts(svg))


def test_count_bars_and_nice_ticks() -> None:
    assert [nice_step(p) for p in (1, 5, 12, 85, 430)] == [1, 1, 5, 20, 100]
    svg = count_bars([("KPI101 vague-target", 85), ("KPI103 missing-unit", 17)], "问题")
    assert re.findall(r">(\d+)</text>", svg)[:6] == ["0", "20", "40", "60", "80", "100"]
    assert "出现次数" in _texts(svg)
