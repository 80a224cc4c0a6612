"""Small inline SVG charts for the scorecards: no library, no network, prints as vectors.

Every chart is a string holding one ``<svg>`` element with a ``<title>`` (read by screen
readers and shown as a tooltip) and text drawn in the page's own font, so Chinese labels use
the CJK font stack of the page.  Sizes are in CSS pixels; ``viewBox`` lets them scale.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

# Colours of grade bands, best first (colour-blind-safe ordering: blue → orange → red).
BAND_COLOURS = ("#1a7f37", "#4f8fd6", "#d4a017", "#cf222e")
AXIS = "#57606a"
GRID = "#d0d7de"
TRACK = "#eef1f4"


def band_colour(rank: int) -> str:
    return BAND_COLOURS[min(max(rank, 0), len(BAND_COLOURS) - 1)]


def nice_step(peak: float, ticks: int = 5) -> int:
    """A round tick step (1, 2, 5 × 10ⁿ) giving about `ticks` intervals up to `peak`."""
    raw = max(peak / ticks, 1.0)
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * magnitude >= raw:
            return int(factor * magnitude)
    return int(10 * magnitude)


def _svg(width: float, height: float, title: str, body: Sequence[str], css_class: str) -> str:
    return (
        f'<svg class="{css_class}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:g} {height:g}" '
        f'width="{width:g}" height="{height:g}" role="img" aria-label="{escape(title)}">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )


def _text(
    x: float,
    y: float,
    text: str,
    *,
    anchor: str = "start",
    size: float = 12,
    weight: str = "normal",
    fill: str = "#24292f",
    extra: str = "",
) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" font-size="{size:g}" font-weight="{weight}" '
        f'fill="{fill}"{extra}>{escape(text)}</text>'
    )


def _line(x1: float, y1: float, x2: float, y2: float, stroke: str = AXIS, width: float = 1.0) -> str:
    return f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{stroke}" stroke-width="{width:g}"/>'


def _x_axis(x0: float, x1: float, y: float, label: str, ticks: Sequence[float], top: float) -> list[str]:
    """A 0–100 score axis with grid lines up to `top` and its label centred below."""
    out = [f'<line x1="{x0:.1f}" y1="{y:.1f}" x2="{x1:.1f}" y2="{y:.1f}" stroke="{AXIS}"/>']
    for tick in ticks:
        x = x0 + (x1 - x0) * tick / 100
        out.append(f'<line x1="{x:.1f}" y1="{top:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="{GRID}" stroke-width="0.8"/>')
        out.append(f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{x:.1f}" y2="{y + 4:.1f}" stroke="{AXIS}"/>')
        out.append(_text(x, y + 16, f"{tick:g}", anchor="middle", size=11, fill=AXIS))
    out.append(_text((x0 + x1) / 2, y + 34, label, anchor="middle", size=12, fill=AXIS))
    return out


@dataclass(frozen=True)
class Bar:
    label: str
    value: float  # 0–100
    colour: str
    note: str = ""  # shown after the value, e.g. "（扣 15 分）"


def score_bars(bars: Sequence[Bar], title: str, width: float = 520) -> str:
    """One horizontal 0–100 bar per dimension, the value printed at the end of the bar."""
    label_w, value_w, row_h = 118.0, 150.0 if any(b.note for b in bars) else 92.0, 26.0
    x0, x1 = label_w, width - value_w
    height = row_h * len(bars) + 8
    body: list[str] = []
    for i, bar in enumerate(bars):
        y = 4 + i * row_h
        w = (x1 - x0) * max(0.0, min(100.0, bar.value)) / 100
        body.append(_text(label_w - 8, y + 16, bar.label, anchor="end", size=13))
        body.append(f'<rect x="{x0:.1f}" y="{y + 3:.1f}" width="{x1 - x0:.1f}" height="16" rx="3" fill="{TRACK}"/>')
        body.append(f'<rect x="{x0:.1f}" y="{y + 3:.1f}" width="{w:.1f}" height="16" rx="3" fill="{bar.colour}"/>')
        body.append(_text(x1 + 8, y + 16, f"{bar.value:.1f}", size=12, weight="bold"))
        if bar.note:  # lighter and apart from the value, so "68.3（扣 15 分）" never reads as a sum
            body.append(_text(x1 + 44, y + 16, bar.note, size=11, fill=AXIS))
    return _svg(width, height, title, body, "chart bars")


def histogram(
    values: Sequence[float],
    title: str,
    *,
    bin_width: float = 10,
    colours: Sequence[str] | None = None,
    x_label: str = "得分",
    y_label: str = "项目数",
    width: float = 620,
    height: float = 280,
) -> str:
    """Counts of `values` in bins [0,10), [10,20) … [90,100]; `colours` per bin (default one colour)."""
    left, right, top, bottom = 52.0, 16.0, 30.0, 52.0
    x0, x1, y_axis = left, width - right, height - bottom
    bins = math.ceil(100 / bin_width)
    counts = [0] * bins
    for value in values:
        counts[min(bins - 1, max(0, int(value // bin_width)))] += 1
    peak = max(counts, default=0) or 1
    step = nice_step(peak)
    y_max = step * math.ceil(peak / step)
    body = _x_axis(x0, x1, y_axis, x_label, [i * bin_width for i in range(bins + 1)], top)
    for k in range(0, y_max + 1, step):
        y = y_axis - (y_axis - top) * k / y_max
        body.append(_line(x0 - 4, y, x1, y, GRID, 0.6))
        body.append(_text(x0 - 8, y + 4, str(k), anchor="end", size=11, fill=AXIS))
    body.append(f'<line x1="{x0:.1f}" y1="{top:.1f}" x2="{x0:.1f}" y2="{y_axis:.1f}" stroke="{AXIS}"/>')
    mid = (top + y_axis) / 2
    rotate = f' transform="rotate(-90 16 {mid:.1f})"'
    body.append(_text(16, mid, y_label, anchor="middle", size=12, fill=AXIS, extra=rotate))
    slot = (x1 - x0) / bins
    for i, count in enumerate(counts):
        if not count:
            continue
        h = (y_axis - top) * count / y_max
        x = x0 + i * slot + 2
        colour = colours[i] if colours and i < len(colours) else BAND_COLOURS[1]
        lo, hi = i * bin_width, min(100, (i + 1) * bin_width)
        body.append(
            f'<rect class="bin" x="{x:.1f}" y="{y_axis - h:.1f}" width="{slot - 4:.1f}" height="{h:.1f}" '
            f'fill="{colour}"><title>{lo:g}–{hi:g} 分：{count} 个项目</title></rect>'
        )
        body.append(_text(x + (slot - 4) / 2, y_axis - h - 5, str(count), anchor="middle", size=11, weight="bold"))
    return _svg(width, height, title, body, "chart histogram")


@dataclass(frozen=True)
class Dot:
    value: float  # 0–100
    colour: str
    tip: str  # tooltip: project name and score


def strip_plot(
    groups: Sequence[tuple[str, Sequence[Dot]]],
    title: str,
    *,
    x_label: str = "得分",
    width: float = 620,
) -> str:
    """One row per group (document), one dot per project; close dots are spread vertically, not hidden."""
    label_w, right, row_h, top = 150.0, 16.0, 52.0, 12.0
    x0, x1 = label_w, width - right
    height = top + row_h * len(groups) + 50
    y_axis = top + row_h * len(groups)
    body = _x_axis(x0, x1, y_axis, x_label, [0, 20, 40, 60, 80, 100], top)
    for i, (label, dots) in enumerate(groups):
        centre = top + row_h * i + row_h / 2
        if i % 2 == 0:
            body.append(
                f'<rect x="{x0:.1f}" y="{top + row_h * i:.1f}" width="{x1 - x0:.1f}" height="{row_h:.1f}" '
                f'fill="#f6f8fa"/>'
            )
        body.append(_text(label_w - 8, centre + 4, label, anchor="end", size=12))
        placed: list[tuple[float, float]] = []
        for dot in sorted(dots, key=lambda d: d.value):
            x = x0 + (x1 - x0) * max(0.0, min(100.0, dot.value)) / 100
            y = _free_y(x, centre, placed, row_h / 2 - DOT_RADIUS - 2)
            placed.append((x, y))
            body.append(
                f'<circle class="dot" cx="{x:.1f}" cy="{y:.1f}" r="{DOT_RADIUS:g}" fill="{dot.colour}" '
                f'fill-opacity="0.85" stroke="#ffffff" stroke-width="1"><title>{escape(dot.tip)}</title></circle>'
            )
    return _svg(width, height, title, body, "chart strip")


DOT_RADIUS = 4.5


def _free_y(x: float, centre: float, placed: Sequence[tuple[float, float]], spread: float) -> float:
    """The vertical position nearest the centre line where a dot at `x` overlaps no earlier dot.

    When the row is full, the position farthest from its neighbours (dots overlap, but least).
    """
    step = 2 * DOT_RADIUS
    candidates = [0.0]
    k = 1
    while k * step <= spread:
        candidates += [k * step, -k * step]
        k += 1

    def clearance(y: float) -> float:
        return min((math.hypot(x - px, y - py) for px, py in placed), default=math.inf)

    for offset in candidates:
        if clearance(centre + offset) >= step:
            return centre + offset
    return centre + max(candidates, key=lambda o: clearance(centre + o))


def count_bars(items: Sequence[tuple[str, int]], title: str, *, x_label: str = "出现次数", width: float = 620) -> str:
    """Horizontal bars of counts (the most frequent defects), longest first as given."""
    label_w, right, row_h, top = 230.0, 40.0, 24.0, 8.0
    x0, x1 = label_w, width - right
    peak = max((c for _, c in items), default=0) or 1
    height = top + row_h * len(items) + 44
    y_axis = top + row_h * len(items)
    step = nice_step(peak)
    ticks = list(range(0, step * math.ceil(peak / step) + 1, step))
    scale_max = ticks[-1] or 1
    body: list[str] = [f'<line x1="{x0:.1f}" y1="{y_axis:.1f}" x2="{x1:.1f}" y2="{y_axis:.1f}" stroke="{AXIS}"/>']
    for tick in ticks:
        x = x0 + (x1 - x0) * tick / scale_max
        body.append(_line(x, top, x, y_axis + 4, GRID, 0.6))
        body.append(_text(x, y_axis + 16, str(tick), anchor="middle", size=11, fill=AXIS))
    body.append(_text((x0 + x1) / 2, y_axis + 34, x_label, anchor="middle", size=12, fill=AXIS))
    for i, (label, count) in enumerate(items):
        y = top + i * row_h
        w = (x1 - x0) * count / scale_max
        body.append(_text(label_w - 8, y + 16, label, anchor="end", size=12))
        body.append(
            f'<rect x="{x0:.1f}" y="{y + 4:.1f}" width="{w:.1f}" height="15" rx="2" fill="{BAND_COLOURS[3]}" '
            f'fill-opacity="0.8"/>'
        )
        body.append(_text(x0 + w + 6, y + 16, str(count), size=11, weight="bold"))
    return _svg(width, height, title, body, "chart defects")
