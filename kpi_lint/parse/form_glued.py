"""Cells glued together with no separator at all ("安装坡面水标尺10≥266米≥266米10").

Some web pages lose every separator when copied.  Between two labels the text is cut into the
header's columns by their kinds: a 三级指标 is a name that does not start with a number or sign,
分值/得分 are numbers no larger than 100, 计算符号 is a sign, 度量单位 a short unit, 指标值 and 实际完成值
one target ("≥266米", "100%", "显著提升").  Several rows glued one after another are cut too.  A
small dynamic programme keeps the cut that leaves the fewest expected columns empty and reads
every piece as its kind.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING, NamedTuple

from kpi_lint.grid import Cell
from kpi_lint.lazy_re import lazy_compile
from kpi_lint.parse.form_header import COMPARATOR_WORDS, DIRECTION_WORDS, SIGNS, TARGET_ROLES
from kpi_lint.parse.form_segment import OPTIONAL, Column, Placed
from kpi_lint.parse.numbering import ROW_NUMBER_WORD, ROW_NUMBER_WORDS
from kpi_lint.parse.points_front import POINTS_ABOVE as _POINTS_ABOVE
from kpi_lint.parse.points_front import Front, at_points, least_of, pareto, points_band
from kpi_lint.read.source import fold
from kpi_lint.vocab import BRACKETED, WORDED_SIGNS, GlueHints, longest_first, scrambles, unscrambled

if TYPE_CHECKING:
    import jieba

_SIGN = SIGNS
_DIRECTION_SCRAMBLES = scrambles(dict.fromkeys(DIRECTION_WORDS, ""))
# The 指标性质 words a name never holds, as printed or read out of order: where one stands, the name has ended.
_KIND_WORDS = tuple(
    sorted({*(w for w in DIRECTION_WORDS if len(w) >= 4), *_DIRECTION_SCRAMBLES}, key=len, reverse=True)
)
_NUMBER = r"(?:0|[1-9]\d*)(?:\.\d+)?"
_POINTS = r"(?:0|[1-9]\d*)(?:\.\d{1,2})?"  # points are given to two decimals at most ("8.75", not "0.110")
_PATTERNS = {
    "weight": lazy_compile(rf"^{_POINTS}%?$"),  # "30%": a weight printed as a share
    "score": lazy_compile(rf"^{_POINTS}$"),
    "ratio": lazy_compile(rf"^{_NUMBER}%?$"),  # 得分系数: "100%", or a bare share ("0.8")
    "comparator": lazy_compile(r"^(?:>=|<=|[≥≤=<>≧≦═])$"),
    # a unit in Chinese, or in latin letters ("kg", "km"; OCR may glue a character of the unit it lost to them)
    "unit": lazy_compile(r"^(?:%|‰|[\u4e00-\u9fff]{1,3}(?:/[\u4e00-\u9fff]{1,3})?|[A-Za-z]{1,4}[\u4e00-\u9fff]?)$"),
}
_WORDED_SIGN = "|".join((*WORDED_SIGNS, "达到"))
_TARGET = lazy_compile(
    rf"^(?:[{_SIGN}]{{1,2}}|{_WORDED_SIGN})?(?:{_NUMBER}[^\d{_SIGN}]{{0,6}}|[^\d{_SIGN}]{{1,30}})(?<![,，;；、])$"
)
# A date target ("2023年12月31日", "2023年12月底前"), or a month of the year the form is for ("12月底前").
_DATE = lazy_compile(
    r"^(?:[≤<]|不晚于)?(?:\d{4}(?:年|\.|-|/)(?:\d{1,2}(?:月|\.|-|/)(?:\d{1,2}日?)?)?|(?:1[0-2]|0?[1-9])月(?:\d{1,2}日)?)"
    r"(?:底|末|前|以前|之前)*$"
)
# What a 评(扣)分标准 cell says: how points are given or taken ("得10分", "扣1分").
_SCORING = lazy_compile(r"[得扣]\s*\d+(?:\.\d+)?\s*分")
_SIGN_CHAR = lazy_compile(f"[{re.escape(_SIGN)}]")
_COUNTED_AT = lazy_compile(r"\d+(?:\.\d+)?(?:-\d+)?[\u4e00-\u9fff]")  # "5000吨…", "0-6岁…" (matched at a place)
_COUNTED_NAME = 2  # what a name opening with a quantity costs
# Figures a name does not hold: a number after a percent sign, or five digits and more in a run.
_FIGURE_RUN = lazy_compile(r"%\d|\d{5,}")
_FIGURE_START = lazy_compile(r"%\d|\d{5}")  # the same figures, each as short as it can be
_FIGURES_IN_NAME = 6
# A short worded target printed twice, as target and as actual, before the row's figures ("好好100%").
_ECHO = lazy_compile(r"([\u4e00-\u9fff]{1,6})\1(?=\d|$)")
# The same said twice, one length at a time, found at every place it starts (_Text.echoes).
_ECHO_OF = tuple(lazy_compile(rf"(?=([\u4e00-\u9fff]{{{n}}})\1)") for n in range(1, 7))
# … and a figure with its unit ("8550万粒550万粒": 分值 8, then 550万粒 as target and as actual).
_ECHO_FIGURE = lazy_compile(r"(\d+(?:\.\d+)?(?:%|[\u4e00-\u9fff]{1,3}))\1")
# … and a worded target's closing words said again as its actual ("…2022年销量显著提高" + "显著提高").
_ECHO_WORD = lazy_compile(r"([\u4e00-\u9fff]{2,6})\1")
_NUMBERING_ONLY = lazy_compile(rf"{ROW_NUMBER_WORD}\s*\d*\s*[:：.、]?")
_NUMBERED_NAME = lazy_compile(rf"{ROW_NUMBER_WORD}\s*\d")
_NUMBERED_COLON = lazy_compile(rf"{ROW_NUMBER_WORD}\s*\d{{1,2}}\s*[:：]")  # "任务2:": a row's numbering, no prose
_DIRECTIONS = tuple(DIRECTION_WORDS)
_NUMBER_AT = lazy_compile(r"(?<![\d.])\d+(?:\.\d+)?")
_LOOSE_UNIT = lazy_compile(r"(?<![\d.])[%‰]")
_NOTE_FIGURE = 4  # what each number in a 备注 / 偏差原因 cell costs
_RATE = lazy_compile(r"\d+(?:\.\d+)?%")
_UNIT_OPENING = lazy_compile(r"^[(（]([^()（）]{1,3})[)）]")
_UNIT_CLOSING = lazy_compile(r"[(（]([^()（）]{1,3})[)）]$")
_RATE_END = lazy_compile(r"\d%$")
_TEXT_CLOSING_RATE = 2
_RATE_NOTE = 1  # a rate in a note column (累计完成率): plausible, but an empty note is likelier
_MAGNITUDES = ("%", "‰", "万", "亿", "千")  # what may follow a number besides its unit ("380万")
_YEAR = lazy_compile(r"(?<!\d)\d{4}年")  # a year: its digits and its 年 are one
_NUMBER_TAIL = lazy_compile(r"^.*?\d(?=[^\d.]*$)")  # a target up to its last digit
_WORD_START = lazy_compile(r"[\u4e00-\u9fffA-Za-z(（《“\"'\[【★☆▲]")  # a name or free text opens with a word
_WORDED = lazy_compile(r"[\u4e00-\u9fff\dA-Za-z]")
_PROSE = lazy_compile(r"[。；;：:]")
# … and the targets of further places (指标方向 | 镇 | 乡), and the standards of lower grades (优 | 良 | 中 | 差)
_TARGET_ROLES = {*TARGET_ROLES, "place_value", "grade_value"}
_NAME_ROLES = ("level3", "deviation", "note")  # names and free text: words, a sign only in brackets
_TEXT_ROLES = {"description", "basis"}  # free text beside the name: words, never a number or a sign first
_NO_HINTS = GlueHints()
_MAX_PIECE = {
    "level3": 60,
    "weight": 6,
    "score": 6,
    "ratio": 7,
    "comparator": 4,
    "unit": 7,
    **dict.fromkeys(_TARGET_ROLES, 60),
}
# A target listing several counted parts, each named ("自愿咨询检测1000人次以上,艾滋病人检测600人次以上"):
# words, one number with its unit or qualifier, and a comma or semicolon before the next part.
_LISTED_PART = lazy_compile(r"[\u4e00-\u9fff]{2,12}\d+(?:\.\d+)?[^\d,，;；、。]{0,6}")
_LISTED_TARGET = lazy_compile(rf"{_LISTED_PART.pattern}(?:[,，;；、]{_LISTED_PART.pattern})+")
_LIST_SEPARATORS = ",，;；、"
_ONE_TARGET = 40  # the longest piece one target may be; only a list of them runs longer (up to _MAX_PIECE)
# The longest target with several figures (_target_shape_cost): a longer one is a figure with its unit
# or qualifier, a worded target (_TARGET), a date (_DATE) or a list (_LISTED_TARGET), or none.
_SHAPED_TARGET = 16
_TARGET_TAIL = 6  # what _TARGET lets follow a target's number ([^\d…]{0,6})
_LISTED = 0.5  # a listed target: less likely than one target, likelier than a name swallowing the list's numbers
# Punctuation that closes or continues a phrase: a cell never opens with it ("、文化传承影响").
_NO_OPENING = tuple("、，,；;。：:）)》”")
# A worded target is short ("显著提升", "按时完成"); a long run of words is more likely a name's tail.
_SHORT_WORDED = 8
_WORDED_LENGTH = 0.01  # per character: breaks ties only (a target is at most 30 characters)
_NAME_SHORTNESS = 0.001  # per character a name is shorter than the longest: breaks ties only
# Rows the template numbered and the author left empty, glued after the last filled one.
_EMPTY_SLOTS = lazy_compile(r"(?:指标\s*\d+\s*[:：]\s*)+$")
_CJK_PAIR = lazy_compile(r"(?=([\u4e00-\u9fff]{2}))")
_INF = 10**9
_UNJUDGED = -1.0  # a piece the cutter has not judged yet (costs are never negative)
_WEIGHT_SHARE = 1  # a weight printed as a share ("30%"): rarer than one in points
_BROKEN_OFF = 1  # what a last row costs that lost the columns after its target to a break in the text
# What follows a form's last row in the same run of text: its notes ("注:1、其他资金包括…"), or the
# next section of the report around it ("(二)项目财务管理状况本项目累计安排资金10万元,其中:…").
_FOOTNOTE = lazy_compile(r"注\s*[:：]|[(（][一二三四五六七八九十]{1,3}[)）](?=[\u4e00-\u9fff][^(（)）]*[。；;：:])")
_UNNAMED = 1  # a piece under a column whose heading no list names (its contents are unknown)
_YES_NO = ("是", "否")  # the answers of a 是否核心指标 column
_ELLIPSIS = "…"  # "……" in a free-text column: the template's mark of an empty cell
_LONG_FIGURE = 5  # digits of a bare figure that, cut out of a longer run, is likely several figures
_LONG_RUN = lazy_compile(rf"(?=\d{{{_LONG_FIGURE}}})")  # (matched at every place such a run starts)
_RUN_CUT = 2
_COUNTED_RUN_CUT = 4  # a target cut off a figure whose unit only its actual keeps (_inside_counted_runs)
_USUAL_ROWS = 3  # rows a first cut needs before its 分值 tell what is usual
_UNUSUAL_POINTS = 0.5  # a 分值 not the table's usual one: breaks ties only
_ANSWER_AFTER = 3  # a target whose number a lone 是 / 否 follows
_LETTERED_UNIT = lazy_compile(r"[A-Za-z]{1,4}[\u4e00-\u9fff]?(?=\d)")
_UNIT_AGAIN = 4  # how far after a 计量单位 cell the target counted in it may say the unit again ("次|到0次")
_TARGET_OPENS = lazy_compile(rf"[\d{_SIGN}]")  # a figure or a sign: how a target opens
_WORDS_AFTER_FIGURES = 6  # what a target with several figures may say after its last ("2021年12月完成")
_EMPTY_TARGET = 3  # a target column left empty (no target set that year): rarer than any other empty column
_EMPTY_RATIO = 4  # a 得分系数 left empty: every row scored has one (得分 = 权重 × 系数)
_RATIO_UNFIT = 2  # a 得分系数 no split of the points after it agrees with
_RATIO_SLACK = 0.05  # how far 权重 × 系数 may be from 得分 (rounding) in points
_DIGITS_AT = lazy_compile(r"\d+(?:\.\d+)?")
_EMPTY_PLACE = 3  # a further place's target column left empty: more than a cut inside a number (2)


def _piece_cost(role: str, at: _Text, p: int, e: int, named_before_text: bool = False) -> float | None:
    """None when the piece text[p:e] cannot be a cell of `role`; else how unlikely it is (0 = plainly so).

    Where a name is followed by a description ("补助人数实际发放解困工资人数"), the name is the piece
    that ends as names do (率, 人数, 标准 …); a 指标值确定依据 is one of the known bases.
    `named_before_text`: the row has a text column (描述, 依据) after its name."""
    if e == p:
        return _empty_cost(role)
    if e - p > _MAX_PIECE.get(role, 40) or at.text[p] in _NO_OPENING:
        return None
    return _PIECE_COSTS.get(role, _any_cost)(role, at, p, e, named_before_text)


def _empty_cost(role: str) -> float | None:
    """What leaving the column `role` empty costs: a name and a target are never empty; a further place's
    target column (指标方向 | 笏石街道办 | 埭头镇) seldom is, so its figure is not swallowed by the first
    ("≥1|1", not "≥11" and an empty column); nor is a lower grade's standard (优 | 良 | 中 | 差)."""
    if role in ("place_value", "grade_value"):
        return _EMPTY_PLACE
    if role == "value":
        return _EMPTY_TARGET
    if role == "ratio":
        return _EMPTY_RATIO
    return None if role == "level3" else (0 if role in OPTIONAL else 2)


# The costs of a piece by the kind of its column.  Each is asked about a piece that is not empty,
# not longer than its column takes and not opening with closing punctuation (_piece_cost, _cut).


def _marked_cost(role: str, at: _Text, p: int, e: int, named_before_text: bool) -> float | None:
    """分值, 得分 (a number up to 100), 计算符号 (a sign or a word of kind), 度量单位 (a short unit)."""
    piece, hints = at.text[p:e], at.hints
    if role in ("comparator", "unit") and piece in hints.blanks:
        return 0  # "-": the template's mark of an empty 度量单位 / 计算符号
    if role == "comparator" and (piece in COMPARATOR_WORDS or unscrambled(piece, _DIRECTION_SCRAMBLES)):
        return 0  # 指标值类型 "定量", 指标性质 "正向", 计算符号 "≥"; OCR read out of order ("性标定指": 定性指标)
    if role == "unit" and piece in COMPARATOR_WORDS:
        return None
    if not _PATTERNS[role].match(piece):
        return None
    if role in ("weight", "score", "ratio") and float(piece.rstrip("%")) > 100:
        return None
    if role == "weight" and float(piece.rstrip("%")) == 0:
        return None  # a row printed in a scoring table carries points: "…与否20" is 分值 20, not 2 | 0
    if role == "ratio":
        share = float(piece.rstrip("%")) / (100 if piece.endswith("%") else 1)
        return 0 if _ratio_fits(at.text, e, share) else _RATIO_UNFIT
    if role == "weight" and piece.endswith("%"):
        # A share below the whole: one row of several never weighs 100% ("…92%100%22": 100% is another column's).
        return _WEIGHT_SHARE if float(piece[:-1]) < 100 else None
    if role == "unit" and _ECHO.fullmatch(piece):
        return None  # "高高": a worded target said twice (target and actual), no unit
    if role == "unit" and hints.units and not all(_known_unit(u, hints) for u in piece.split("/")):
        # A word the unit list does not know is less likely a 计量单位, the more so a known unit with more
        # glued to it ("次到": 次, and the target after it).
        return 2 if piece.startswith(at.counted_units) else 1
    return 0


def _ratio_fits(text: str, end: int, ratio: float) -> bool:
    """The 权重 and 得分 glued right after a 得分系数 agree with it: some cut of the figures after `end`
    into two numbers gives 得分 = 权重 × 系数 ("100%" | "22": 2 × 100% = 2).  Nothing to check when no
    figures follow (the points printed apart, or not at all)."""
    run = _DIGITS_AT.match(text, end)
    if run is None:
        return True
    digits = run.group()
    for k in range(1, len(digits)):
        weight, score = digits[:k], digits[k:]
        if weight.endswith(".") or score.startswith(".") or (len(score) > 1 and score[0] == "0" and score[1] != "."):
            continue
        try:
            w, s = float(weight), float(score)
        except ValueError:
            continue
        if abs(w * ratio - s) <= _RATIO_SLACK * max(w, 1) or abs(s * ratio - w) <= _RATIO_SLACK * max(s, 1):
            return True
    return False


def _known_unit(unit: str, hints: GlueHints) -> bool:
    """A unit of units.txt, a percent sign, or one of them counted in 万 / 亿 / 千 / 百 ("万亩")."""
    return unit in hints.units or unit in ("%", "‰") or (unit[:1] in "万亿千百" and unit[1:] in hints.units)


def _target_cost(role: str, at: _Text, p: int, e: int, named_before_text: bool) -> float | None:
    """指标值, 实际完成值, 调整后指标值: one target ("≥266米", "100%", "显著提升")."""
    if e - p > _ONE_TARGET:
        return _listed_cost(at, p, e)  # only a list of targets runs this long
    held = at._held_from.get(p) or at.held_from(p)  # what a piece from p holds, by where each starts to hold
    # From `held.refused` on, every piece from p is refused (_HeldFrom): it takes in the next row's numbered name
    # ("指标3一级种薯…", "…完成任务2:"), a 计量单位 cell after a name ("面积万亩28"), a description's opening ("反映…")
    # or a percent sign after no number ("变动率%": the 计量单位 column's).  Punctuation alone (",") is no target.
    if e >= held.refused or held.word >= e:
        return None
    piece = at.text[p:e]
    # "万亩" alone is no target; "…1020场地面积|平方米": a 计量单位 cell after a name opens no target, follows none
    if piece in at.unit_words or held.unit_cell_start or e in at.unit_cell_starts:
        return None
    if held.dated and _DATE.match(piece):
        return 0
    if at.achieved_open[p] <= e - p and not at.numbers(p, e):
        return 0  # "已完成": an actual stating what was done
    # "各1次", "约200人": the word before the number is part of the target
    if held.opened:
        k = at.opener(p, e)
        if not k:
            return None  # "同比" | "2022年…": the word opens the target before its number, it is none alone
        piece, p = piece[k:], p + k
    if p in at.long_starts and at.long_figure_cut(p, e):
        # "9010100" | "10", "20" | "3001020场": a long figure cut out of a run of glued ones, less likely
        # than short ones.
        cost = _target_shape_cost(at, piece, p, e)
        return None if cost is None else cost + _RUN_CUT
    return _target_shape_cost(at, piece, p, e)


def _target_shape_cost(at: _Text, piece: str, p: int, e: int) -> float | None:
    """What a target costs by its shape: a figure with its unit, a worded target, a list, a date range."""
    hints = at.hints
    numbers = at._numbers[e] - at._numbers[p] + at._in_number[p]  # at.numbers(p, e): the piece is not empty
    if _TARGET.match(piece):
        # A worded target ends as one does ("有所减轻", "稳步提升"), not halfway ("有").
        if numbers:
            # After its number a target has its unit or qualifier ("90%", "28万亩", "95分以上"),
            # seldom other words ("901010010国家级" is a run of figures and the next name).
            tail = at.number_tail(p, e)
            if tail.startswith(_YES_NO) and not tail.startswith("是否"):
                return _ANSWER_AFTER  # "55否…": points, then the 是否核心指标 answer, not a target's words
            return 0 if not tail or tail.startswith(at.number_tails) else 1
        # … or with the base it compares with, after the comparison ("超上年度", "不低于上年"; not "上年度" alone),
        # or where its actual opens by saying its word again before a figure ("增加" | "增372人次").
        echoed = e in at.opened and at.text[e] == piece[0]
        # (each word test asks the text's tables: the piece ends, or opens, with one of the words)
        finished = at.worded_end[e] <= e - p or at.base_end[e] < e - p or echoed or at.worded_open[p] < e - p
        unfinished = bool(hints.worded_ends) and not finished
        # Between two equally good cuts, the shorter worded target: names run long, targets not.
        return int(unfinished) + int(len(piece) > _SHORT_WORDED) + _WORDED_LENGTH * len(piece)
    listed = _listed_cost(at, p, e)
    if listed is not None:
        return listed
    # A target with several numbers ("2021年1月-12月") is possible but less likely than a cut;
    # a sign stands only at its start.
    if len(piece) > _SHAPED_TARGET or piece[0] == "0" or at.has_sign(p + 1, e):
        return None
    if _runs_on(at, p, e) and (e < len(at.text) or not _TARGET_OPENS.match(piece)):
        # The next cells, unless the run ends here after a target's start ("=99百分比省级部门…": what
        # follows the last row has no column of its own).
        return None
    if piece.endswith(at.unit_cell_ends.get(p, "\0")):
        return 1  # "次|到0次": after its 计量单位 cell, a target counted in it, whatever OCR made of its figures
    return 1 + numbers


def _runs_on(at: _Text, p: int, e: int) -> bool:
    """A target with several figures that runs on into the next cells: a figure after a percent sign or
    a run of five digits ("3%0100%", "面积万亩21101"), or words after its last figure ("33否资金使用合规性")."""
    return at.has_figure_run(p, e) or len(at.number_tail(p, e)) > _WORDS_AFTER_FIGURES


def _listed_cost(at: _Text, p: int, e: int) -> float | None:
    """What a target listing several named, counted parts costs ("自愿咨询检测1000人次以上,艾滋病人检测600人次以上"),
    or None when text[p:e] is no such list (a scoring rule, "良好得10分,一般得8分", is none)."""
    if not at.has_separator(p, e):
        return None
    piece, hints = at.text[p:e], at.hints
    if not _LISTED_TARGET.fullmatch(piece):
        return None
    if _SCORING.search(piece):
        return None
    # The words of its first part name what is counted, not the indicator: a name's ending among
    # them ("检测次数自愿咨询检测…") means the name was cut short before them.
    first_number = _NUMBER_AT.search(piece)
    lead = piece[: first_number.start()] if first_number else piece
    return _LISTED + any(end in lead for end in hints.name_ends if len(end) > 1)


def _text_cost(role: str, at: _Text, p: int, e: int, named_before_text: bool) -> float | None:
    """描述, 依据: free text beside the name, words first, never a number or a sign."""
    piece, hints = at.text[p:e], at.hints
    if not _WORD_START.match(piece) or piece.startswith(hints.target_ends or ("\0",)):
        return None  # "以上实际发放…": the 以上 closes the target before it
    if _unit_in_brackets(piece, hints, _UNIT_OPENING.search):
        return None  # "满意度|(%)问卷调查中…": a unit in brackets closes the name before it
    # A text opening as descriptions do ("反映…") is one, under whichever text heading; two of
    # them in one piece are two rows' descriptions with the rows between them glued in.
    opens = bool(hints.description_starts) and piece.startswith(hints.description_starts)
    if opens and at.describes_twice(p, e):
        return 3
    # A text closing on a rate took the target glued after it ("…是否应救尽救|100%").
    taken = _TEXT_CLOSING_RATE if _RATE_END.search(piece) else 0
    if role == "description" and hints.description_starts:
        return taken + (0 if opens else 1)
    if opens:
        return taken
    if role == "basis" and (hints.bases or _SCORING.search(piece)):  # a known basis, or a scoring rule
        if piece.startswith(hints.bases or ("\0",)) or _SCORING.search(piece):
            return taken
        if _cites_basis(piece, hints):
            # "按临时救助标准评价": the basis closes with what is done by the standard, not before it
            return taken + (0 if piece.endswith(hints.basis_ends or ("\0",)) else 1)
        return taken + (1 if at.names_basis(p, e) else 2)
    return taken


def _unit_in_brackets(piece: str, hints: GlueHints, find: Callable[[str], re.Match[str] | None]) -> int:
    """The length of the unit in brackets ("(%)", "(万元)") `find` finds in `piece`; 0 when there is none."""
    m = find(piece)
    return len(m.group()) if m is not None and (m.group(1) in ("%", "‰") or m.group(1) in hints.units) else 0


def _cites_basis(piece: str, hints: GlueHints) -> bool:
    """A basis that opens as one cites a standard ("按临时救助标准评价", "依据…办法"): its opening word, and the
    kind of document it cites, once (a piece that goes on to cite another holds the next cells)."""
    if not piece.startswith(hints.basis_starts or ("\0",)):
        return False
    return sum(piece.count(kind) for kind in hints.basis_kinds) == 1


def _name_cost(role: str, at: _Text, p: int, e: int, named_before_text: bool) -> float | None:
    """三级指标, 偏差原因, 备注: names and free text are words, not targets."""
    held = at._held_from.get(p) or at.held_from(p)  # what a piece from p holds, by where each starts to hold
    if role == "level3" and held.numbered_to < e:
        return _name_cost(role, at, held.numbered_to, e, named_before_text)  # "任务1:" numbers the name
    if held.numbering < e:
        return None  # "…55任务2:…": the next row's numbered name
    piece, hints = at.text[p:e], at.hints
    # A sign may stand only in a bracket the template left in the name ("完成及时率(≥**%)").
    bare = BRACKETED.sub("", piece) if held.bracket < e else None
    signed = held.sign < e if bare is None else _SIGN_CHAR.search(bare) is not None
    # A name may open with a quantity ("5000吨稻谷储备到位率", "0-6岁儿童…"), but seldom does.
    counted = role == "level3" and held.counted <= e
    if role in OPTIONAL and (piece in _YES_NO or piece in hints.blanks):
        return 0  # "是否核心指标": 是 / 否; "……": the template's mark of an empty 偏差原因
    if role == "note" and _RATE.fullmatch(piece):
        return _RATE_NOTE  # "累计完成率", "目标完成率": a rate ("0%", "143%"), the one figure a note column holds
    if signed or not (counted or held.worded) or len(piece) < 2:
        return None
    if role == "level3" and piece.startswith(ROW_NUMBER_WORDS) and _NUMBERING_ONLY.fullmatch(piece):
        return None  # "指标" | "1" …: the template's numbering "指标1" opens a name, it is none
    if held.figures <= e if bare is None else _FIGURE_RUN.search(bare):
        # "…完成率%901010010国家级…": a row's figures glued between two names (or after a note); each
        # run and number more makes it likelier that whole rows, not one row's figures, were swallowed.
        runs = _FIGURES_IN_NAME * len(_FIGURE_RUN.findall(piece if bare is None else bare))
        return runs + at.numbers(p, e) * (_NOTE_FIGURE if role in OPTIONAL else 1)
    if counted:
        return _COUNTED_NAME + at.numbers(p, e)
    if role == "level3" and (at.target_opener_end[e] <= e - p or e in at.opener_ends):
        return 2  # "入学率大于|90%", "生活质量有所|提升", "人次同比|2021年": the words open the target
    # A unit sign with no figure before it ("控制率%定量指标") is the 计量单位 column's; a name seldom
    # ends with a word said twice ("…好好": a target reported again as actual) or opens with a
    # lone 是 / 否 ("否“三公经费…": the 是否核心指标 answer of the row before).
    stray = 0
    if role == "level3":
        stray += held.loose < e if bare is None else _LOOSE_UNIT.search(bare) is not None
        stray += 2 * at.echoes(p, e)
        stray += 2 * held.yes_no
        stray += 2 * (held.kind <= e)  # "健全性性标定指": the 指标性质 column's word
        stray += 2 * (held.unit_cell <= e)  # "活动次数次到": the 计量单位 cell after the name
        stray += 2 * (held.past_name < e)  # "健康档案更新率按规定时限": the name and its target
        stray += 2 * (e in at.echo_middles)  # "合规性好|好": the name took the first saying of a target said twice
        # "…>=2个0|个0%当年…": a unit right after a bare number is that number's, not a name's start.
        # But a name ending where a 计量单位 cell opens is one ("10|场地面积|平方米").
        stray += 3 * (held.unit_first and e not in at.unit_cell_starts)
    if role == "level3" and named_before_text:
        # A name glued to its description often says a word twice ("补助人数实际发放…人数"), or
        # holds the description's opening word ("…次数反映…").
        # A name ends as names do before the unit in brackets it may close with ("满意度(%)").
        ends = e - _unit_in_brackets(piece, hints, _UNIT_CLOSING.search)
        unlike = int(bool(hints.name_ends) and at.name_end[ends] > ends - p) + int(at.says_twice(p, e))
        unlike += int(held.describes <= e)
        # Between two equally good cuts, the longer name: the description is what is left over.
        return stray + unlike + at.numbers(p, e) + _NAME_SHORTNESS * (_MAX_PIECE["level3"] - len(piece))
    # "0-6岁儿童…" has numbers, but most names have none; a glued 偏差原因 is rare and looks like
    # the next row's name, so it must earn its place.
    bracket = 1 if piece[0] in "(（" else 0
    # A note holding figures is more likely the next row: a row's figures stand in its own columns.
    figures = at.numbers(p, e) * (_NOTE_FIGURE if role in OPTIONAL else 1)
    return stray + figures + bracket + (2 if role in OPTIONAL else 0)


def _unnamed_cost(role: str, at: _Text, p: int, e: int, named_before_text: bool) -> float | None:
    """A column no heading word names: anything may stand there, at a price; one figure, not a run."""
    return _UNNAMED + _NOTE_FIGURE * max(0, at.numbers(p, e) - 1)


def _any_cost(role: str, at: _Text, p: int, e: int, named_before_text: bool) -> float | None:
    """A column of no kind the cutter knows takes any piece."""
    return 0


_PieceCost = Callable[[str, "_Text", int, int, bool], "float | None"]
_PIECE_COSTS: dict[str, _PieceCost] = {
    **dict.fromkeys(("weight", "score", "ratio", "comparator", "unit"), _marked_cost),
    **dict.fromkeys(_TARGET_ROLES, _target_cost),
    **dict.fromkeys(_TEXT_ROLES, _text_cost),
    **dict.fromkeys(_NAME_ROLES, _name_cost),
    "unnamed": _unnamed_cost,
}


# Columns whose pieces cost the same whichever of them asks: the targets (_target_cost does not look at
# its role).  分值 and 得分 do not: a weight may be a share ("30%"), a score is a number.
_SAME_COSTS = dict.fromkeys(_TARGET_ROLES, "target")


@lru_cache(maxsize=16)
def _number_tails(hints: GlueHints) -> tuple[str, ...]:
    """What may follow a target's last number: its unit, a qualifier (以上), a magnitude (万, %)."""
    return (*hints.units, *hints.target_ends, *_MAGNITUDES)


@lru_cache(maxsize=16)
def _target_openers(hints: GlueHints) -> tuple[str, ...]:
    """Words that open a target and never end a name: comparisons and worded openers (有所, 明显)."""
    return (*WORDED_SIGNS, *hints.worded_starts, *hints.worded_openers)


@lru_cache(maxsize=4096)
def _opens_nothing(role: str, first: str) -> bool:
    """No piece opening with the character `first` can be a cell of `role` (_piece_cost says None for
    every one): closing punctuation opens no cell, a name or a text opens with a word (a name also
    with a quantity), 分值/得分 with a digit."""
    if first in _NO_OPENING:
        return True
    if role in ("weight", "score", "ratio"):
        return first not in "0123456789"
    if role == "note":
        # a word, a rate ("0%"), or "……"
        return _WORD_START.match(first) is None and not first.isdecimal() and first != _ELLIPSIS
    if role == "deviation":
        return _WORD_START.match(first) is None and first != _ELLIPSIS  # a word, or "……" (nothing to say)
    if role in _TEXT_ROLES:
        return _WORD_START.match(first) is None
    if role == "level3":
        return _WORD_START.match(first) is None and not first.isdecimal()
    return False


def _last_end(role: str, at: _Text, p: int) -> int:
    """The end of the longest piece from p that may be a cell of `role` (p: none may).  A target runs
    longer than one only as a list of named parts (_listed_cost), which opens with a word and holds
    a separator."""
    text = at.text
    if p < len(text) and _opens_nothing(role, text[p]):
        return p
    last = min(len(text), p + _MAX_PIECE.get(role, 40))
    if role in _TARGET_ROLES and last - p > _ONE_TARGET and not at.may_list(p, last):
        return p + _ONE_TARGET
    if role in _NAME_ROLES:
        # A name holds a sign only inside a bracket (_name_cost): with no bracket opened before the
        # first sign, no piece reaching past that sign is one.
        held = at.held_from(p)
        if held.sign < last and not held.bracket < held.sign:
            return held.sign
    return last


def _piece_ends(role: str, at: _Text, p: int) -> range | list[int]:
    """The ends `e` of the pieces text[p:e] worth judging as a cell of `role`, in increasing order: those up
    to _last_end, less those its cost function is sure to refuse (None) for what they hold from p on.

    A target of one (up to _ONE_TARGET characters) is refused from where it takes in a numbered name, a
    计量单位 cell or a unit sign after no figure (_target_cost; each, once in a piece from p, is in every
    longer one), and past _SHAPED_TARGET characters where it holds too many figures (too_many_figures).
    A name is two characters at least, and one opening with a figure is one only from where its quantity
    ends (_COUNTED_AT); a 备注 / 偏差原因 opening with no word is only a 是/否, the template's empty mark,
    or (备注) a rate."""
    last = _last_end(role, at, p)
    if last <= p:
        return range(0)
    if role in _TARGET_ROLES:
        one = min(last, p + _ONE_TARGET)
        dead = min(at.target_refused_from(p), one + 1)
        shaped = p + _SHAPED_TARGET + 1
        if p in at.opened or dead <= shaped:
            return [*range(p + 1, dead), *range(p + _ONE_TARGET + 1, last + 1)]
        # A piece of one target that runs past _SHAPED_TARGET holds few figures (too_many_figures).
        return [*range(p + 1, shaped), *at.few_figures(p, range(shaped, dead)), *range(p + _ONE_TARGET + 1, last + 1)]
    if role == "level3":
        first = p + 2
        if _WORD_START.match(at.text, p) is None:  # a figure (_opens_nothing): a quantity first
            first = max(first, at.counted_end(p))
        return range(first, last + 1)
    if role in _NAME_ROLES and _WORD_START.match(at.text, p) is None:
        text = at.text
        ends = {p + len(w) for w in (*_YES_NO, *at.hints.blanks) if w and text.startswith(w, p)}
        rate = _RATE.match(text, p) if role == "note" else None
        if rate is not None:
            ends.add(rate.end())
        return sorted(e for e in ends if e <= last)
    return range(p + 1, last + 1)


class _HeldFrom(NamedTuple):
    """What a piece text[p:e] opening at one place p holds (_name_cost, _target_cost), each as the end from which
    a piece from p holds it: `bracket < e` is at.has_bracket(p, e) (_INF: no piece from p does); and how it opens."""

    numbered: int  # `<= e`: a name's numbering opening it ("指标3…", numbered)
    numbered_to: int  # `< e`: where the numbering with its colon that opens a name ends ("任务1:", numbering_end)
    numbering: int  # `< e`: a row's numbering with its colon after p (holds_numbering)
    word: int  # `< e`: a Chinese character, a digit or a latin letter (has_word)
    bracket: int  # `< e`: an opening bracket (has_bracket)
    sign: int  # `< e`: a sign (has_sign)
    counted: int  # `<= e`: the quantity it opens with (counted)
    figures: int  # `<= e`: a run of figures (has_figure_run)
    loose: int  # `< e`: a unit sign after no figure (has_loose_unit)
    kind: int  # `<= e`: a 指标性质 word (holds_kind)
    unit_cell: int  # `<= e`: a 计量单位 cell after a name (runs_into_unit)
    past_name: int  # `< e`: a target opener after a name's ending (runs_past_name)
    describes: int  # `<= e`: a description's opening word after its first character (describes_twice)
    worded: bool  # it opens with a word (_WORD_START)
    yes_no: bool  # it opens with a lone 是 / 否 (not 是否), for a piece of two characters or more
    unit_first: bool  # it opens with a unit right after a figure ("2个0|个0%…")
    unit_cell_start: bool  # a 计量单位 cell after a name opens at p (unit_cell_starts)
    dated: bool  # a date may open at p (may_date)
    opened: bool  # a target opener stands at p before a digit ("各1次", opened)
    refused: int  # `<= e`: _target_cost refuses a piece of one target from p (numbered, numbering, unit_cell,
    # a description opening at p, loose), each once in a piece from p being in every longer one


class _Text:
    """One text being cut, with what its pieces are asked about found once for all of them.

    A piece is text[p:e].  What it holds is counted once for the text, from its start to each place
    (signs, brackets, numbers); what holds of a piece from `p` holds of every longer one from `p` too
    (it holds a word, it says a pair twice), so each is kept as the least `e` where it starts to hold.
    """

    __slots__ = (
        "_basis_end",
        "_brackets",
        "_counted",
        "_describes_end",
        "_echo_digit",
        "_echo_start",
        "_figures",
        "_held_from",
        "_in_number",
        "_kind_end",
        "_last_digit",
        "_last_dot",
        "_lined",
        "_loose",
        "_numbered",
        "_numbered_colon",
        "_numbering_starts",
        "_numbers",
        "_opened_after_name",
        "_openers",
        "_separators",
        "_signs",
        "_twice",
        "_unit_cells",
        "_words",
        "achieved_open",
        "base_end",
        "counted_units",
        "description_open",
        "echo_middles",
        "hints",
        "long_starts",
        "name_end",
        "number_tails",
        "opened",
        "opener_ends",
        "target_opener_end",
        "target_openers",
        "text",
        "unit_cell_ends",
        "unit_cell_starts",
        "unit_words",
        "units_after_names",
        "worded_end",
        "worded_open",
    )

    def __init__(self, text: str, hints: GlueHints) -> None:
        self.text, self.hints = text, hints
        self.number_tails = _number_tails(hints)
        self.counted_units = _counted_units(hints)  # found once per text: hashing the hints is not cheap
        self.unit_words = _unit_words(hints)
        self.target_openers = _target_openers(hints)
        # Where a target opener follows a name's ending ("健康档案更新率|按规定时限"): a name holding it ran on.
        self._opened_after_name = (
            sorted(at for at, _ in _starts(text, self.target_openers) if at and text.endswith(hints.name_ends, 0, at))
            if hints.name_ends
            else []
        )
        self._describes_end = _word_ends(text, hints.description_starts)
        # Which words a piece ends or opens with, asked of every piece: the shortest word of each list that ends
        # (opens) at each place.  text[p:e] ends with one of the words when the shortest ending at e is no longer
        # than the piece (`name_end[e] <= e - p`), opens with one when the shortest opening at p is.
        self.name_end = _shortest_at(text, hints.name_ends, ending=True)
        self.target_opener_end = _shortest_at(text, self.target_openers, ending=True)
        self.worded_end = _shortest_at(text, hints.worded_ends, ending=True)
        self.base_end = _shortest_at(text, hints.base_ends, ending=True)
        self.worded_open = _shortest_at(text, hints.worded_openers, ending=False)
        self.description_open = _shortest_at(text, hints.description_starts, ending=False)
        self.achieved_open = _shortest_at(text, hints.achieved_starts, ending=False)
        self._basis_end = _word_ends(text, hints.bases)
        self._kind_end = _word_ends(text, _KIND_WORDS)
        self.echo_middles = frozenset(m.start() + len(m[1]) for m in _ECHO.finditer(text))
        # How many 计量单位 cells after a name (_units_after_names) open before each place.
        self._unit_cells = [0] * (len(text) + 1)
        # … and, where each ends, the unit it holds: the target after it is counted in that unit.
        self.unit_cell_ends: dict[int, str] = {}
        self.units_after_names = _units_after_names(text, hints, self.counted_units)
        for start, end in self.units_after_names:
            self._unit_cells[start + 1] += 1
            self.unit_cell_ends[end] = text[start:end]
        self.unit_cell_starts = frozenset(end - len(unit) for end, unit in self.unit_cell_ends.items())
        self._unit_cells = list(accumulate(self._unit_cells))
        self._twice: dict[int, int] = {}
        self._echo_digit: list[int] | None = None  # found on the first question (echoes)
        self._echo_start: dict[int, int] = {}
        # Where a target opener stands before a digit ("各1次"): the only places a target may open with one.
        self.opened = _opener_places(text, hints)
        # … and where each such word ends: a name ending there lost the word to the target ("…人次同比|2021年")
        self.opener_ends = {at + k for at in self.opened for k in self._opener_lengths(at)}
        self._openers: dict[int, list[int]] = {}
        self._counted: dict[int, int] = {}
        self._figures: dict[int, int] = {}
        self._numbered: dict[int, int] = {}
        self._numbered_colon: dict[int, int] = {}
        self._held_from: dict[int, _HeldFrom] = {}
        self._numbering_starts = [m.start() for m in _NUMBERED_COLON.finditer(text)]
        # Where _LONG_FIGURE digits in a run start: the only places a long figure may open (long_figure_cut).
        self.long_starts = frozenset(m.start() for m in _LONG_RUN.finditer(text))
        # Counts from the start of the text to each place: signs, word characters, opening brackets,
        # list separators, and numbers (runs of digits) begun; `_in_number[p]`: text[p] goes on a
        # number begun before it.
        n = len(text)
        self._signs, self._words, self._brackets, self._separators, self._numbers = ([0] * (n + 1) for _ in range(5))
        self._in_number = [False] * (n + 1)
        # `_last_digit[i]`, `_last_dot[i]`: where the last digit (dot) before place i stands (-1: none).
        self._last_digit = [-1] * (n + 1)
        self._last_dot = [-1] * (n + 1)
        self._lined = "\n" in text  # where `.` and `$` of a pattern may stop short of a piece's end
        # `_loose[i]`: the first place at i or after where a unit sign follows no figure (_LOOSE_UNIT).
        self._loose = [_INF] * (n + 2)
        for m in _LOOSE_UNIT.finditer(text):
            self._loose[m.start()] = m.start()
        for i in range(n - 1, -1, -1):
            self._loose[i] = min(self._loose[i], self._loose[i + 1])
        for i, ch in enumerate(text):
            digit = ch.isdecimal()  # what \d matches
            self._signs[i + 1] = self._signs[i] + (_SIGN_CHAR.match(ch) is not None)
            self._words[i + 1] = self._words[i] + (_WORDED.match(ch) is not None)
            self._brackets[i + 1] = self._brackets[i] + (ch in "(（")
            self._separators[i + 1] = self._separators[i] + (ch in _LIST_SEPARATORS)
            self._in_number[i] = digit and i > 0 and text[i - 1].isdecimal()
            self._numbers[i + 1] = self._numbers[i] + (digit and not self._in_number[i])
            self._last_digit[i + 1] = i if digit else self._last_digit[i]
            self._last_dot[i + 1] = i if ch == "." else self._last_dot[i]

    def has_sign(self, p: int, e: int) -> bool:
        return self._signs[e] > self._signs[p]

    def has_word(self, p: int, e: int) -> bool:
        """text[p:e] holds a Chinese character, a digit or a latin letter."""
        return self._words[e] > self._words[p]

    def has_bracket(self, p: int, e: int) -> bool:
        """text[p:e] holds an opening bracket: a bracketed part may have to be taken out of it."""
        return self._brackets[e] > self._brackets[p]

    def has_separator(self, p: int, e: int) -> bool:
        """text[p:e] holds a comma or semicolon that may separate the parts of a listed target."""
        return self._separators[e] > self._separators[p]

    def first_sign(self, p: int) -> int:
        """Where the first sign at p or after stands (_INF if none)."""
        signs = self._signs
        if signs[-1] == signs[p]:
            return _INF
        return bisect.bisect_right(signs, signs[p], p) - 1

    def may_list(self, p: int, e: int) -> bool:
        """text[p:e] may hold a list of named targets (_LISTED_TARGET): it opens with a Chinese character
        and holds a separator."""
        return "\u4e00" <= self.text[p] <= "\u9fff" and self.has_separator(p, e)

    def may_date(self, p: int) -> bool:
        """A date (_DATE) may open at p: with a digit, or with the sign or word that may stand before it."""
        first = self.text[p]
        return first.isdecimal() or first in "≤<不"

    def numbered(self, p: int, e: int) -> bool:
        """text[p:e] opens with a name's numbering ("指标3…", _NUMBERED_NAME): that match, if there is one,
        ends at one place only (its digit)."""
        return self._end_from(self._numbered, _NUMBERED_NAME.match, p) <= e

    def held_from(self, p: int) -> _HeldFrom:
        """What a piece opening at p holds (_HeldFrom), found on the first question about a piece from p."""
        held = self._held_from.get(p)
        if held is None:
            held = self._held_from[p] = self._find_held_from(p)
        return held

    def _find_held_from(self, p: int) -> _HeldFrom:
        text, n = self.text, len(self.text)
        k = bisect.bisect_right(self._numbering_starts, p)
        numbering = self._numbering_starts[k] if k < len(self._numbering_starts) else _INF
        brackets, words = self._brackets, self._words
        bracket = bisect.bisect_right(brackets, brackets[p], p) - 1 if brackets[n] > brackets[p] else _INF
        word = bisect.bisect_right(words, words[p], p) - 1 if words[n] > words[p] else _INF
        cells = self._unit_cells  # runs_into_unit(p, e): more cells open before e - 1 than before p + 1
        after = bisect.bisect_right(cells, cells[p + 1], p + 1) if p < n else len(cells)
        k = bisect.bisect_right(self._opened_after_name, p)
        past_name = self._opened_after_name[k] if k < len(self._opened_after_name) else _INF
        first = text[p : p + 1]
        numbered = self._end_from(self._numbered, _NUMBERED_NAME.match, p)
        unit_cell = after + 1 if after < len(cells) else _INF
        loose = self._loose_at(p) if p < n else _INF
        return _HeldFrom(
            numbered=numbered,
            numbered_to=self.numbering_end(p),
            numbering=numbering,
            word=word,
            bracket=bracket,
            sign=self.first_sign(p),
            counted=self.counted_end(p),
            figures=self.figure_run_end(p),
            loose=loose,
            kind=self._kind_end[p],
            unit_cell=unit_cell,
            past_name=past_name,
            describes=self._describes_end[p + 1],
            worded=_WORD_START.match(text, p) is not None,
            yes_no=first in _YES_NO and not text.startswith("是否", p),
            unit_first=p > 0 and text[p - 1].isdecimal() and _known_unit(first, self.hints),
            unit_cell_start=p in self.unit_cell_starts,
            dated=p < n and self.may_date(p),
            opened=p in self.opened,
            refused=min(numbered, numbering + 1, unit_cell, p + self.description_open[p], loose + 1),
        )

    def numbering_end(self, p: int) -> int:
        """Where the numbering that opens a name at p ends ("任务1:", _NUMBERED_COLON), _INF if none does.  It opens
        text[p:e] for every e past that end: the pattern looks at no character after its match, and its match
        in a piece reaching further than it is the one found in the whole text."""
        return self._end_from(self._numbered_colon, _NUMBERED_COLON.match, p)

    def number_tail(self, p: int, e: int) -> str:
        """What follows the last digit of text[p:e] (_NUMBER_TAIL.sub("", piece)): the piece from there on when no
        dot follows that digit, else the whole piece (the pattern finds nothing), as with no digit at all."""
        if self._lined:
            return _NUMBER_TAIL.sub("", self.text[p:e])
        last = self._last_digit[e]
        if last < p or self._last_dot[e] > last:
            return self.text[p:e]
        return self.text[last + 1 : e]

    def holds_numbering(self, p: int, e: int) -> bool:
        """text[p:e] holds a row's numbering with its colon after its start ("…门诊住院人次…55任务2:…")."""
        k = bisect.bisect_right(self._numbering_starts, p)
        return k < len(self._numbering_starts) and self._numbering_starts[k] < e

    def runs_past_name(self, p: int, e: int) -> bool:
        """text[p:e] holds a target opener right after a name's ending ("…更新率按规定时限")."""
        k = bisect.bisect_right(self._opened_after_name, p)
        return k < len(self._opened_after_name) and self._opened_after_name[k] < e

    def numbers(self, p: int, e: int) -> int:
        """How many numbers (runs of digits, what \\d+ finds) text[p:e] holds."""
        if e <= p:
            return 0
        return self._numbers[e] - self._numbers[p] + self._in_number[p]

    def counted(self, p: int, e: int) -> bool:
        """text[p:e] opens with a quantity ("5000吨…", "0-6岁…"): _COUNTED_AT matches there.  That match, if
        there is one, ends at one place only (a Chinese character right after the figures)."""
        return self._end_from(self._counted, _COUNTED_AT.match, p) <= e

    def counted_end(self, p: int) -> int:
        """Where the quantity a name may open with ends (counted: _COUNTED_AT at p), _INF if none opens at p."""
        return self._end_from(self._counted, _COUNTED_AT.match, p)

    def target_refused_from(self, p: int) -> int:
        """The least e from which _target_cost refuses every piece text[p:e] of one target: it holds a numbered
        name's opening (numbered), a 计量单位 cell after a name (runs_into_unit), or a unit sign after no figure
        (_LOOSE_UNIT searched in the piece, where the sign at p itself follows nothing)."""
        held = self.held_from(p)
        return min(held.numbered, held.unit_cell, held.loose + 1)

    def _loose_at(self, p: int) -> int:
        """Where the first unit sign after no figure stands in the text from p (_INF if none), as
        _LOOSE_UNIT searched in a piece from p finds it: a sign at p itself follows nothing there."""
        return p if self.text[p] in "%‰" else self._loose[p + 1]

    def has_loose_unit(self, p: int, e: int) -> bool:
        """_LOOSE_UNIT finds a unit sign after no figure in text[p:e]."""
        return self._loose_at(p) < e

    def too_many_figures(self, p: int, e: int) -> bool:
        """_target_cost refuses text[p:e], longer than _SHAPED_TARGET and not opening with a target opener,
        for the figures it holds: three numbers or more, or one or two with more than _TARGET_TAIL characters
        after the last (no _TARGET: its prefix holds no digit, its number two runs of digits at most and
        words only after them); four or more where a date may open (_DATE holds three numbers at most);
        any, where achieved words refuse a figure; and it is no list (_LISTED_TARGET opens with a Chinese
        character and holds a separator)."""
        numbers = self.numbers(p, e)
        # (one character more after the last figure: `$` also matches before a closing line break)
        if not numbers or (numbers < 3 and e - 1 - self._last_digit[e] <= _TARGET_TAIL + 1):
            return False
        if numbers < 4 and self.may_date(p):
            return False
        return not self.may_list(p, e)

    def few_figures(self, p: int, ends: range) -> list[int]:
        """The ends e of `ends` for which text[p:e] is not too_many_figures: the same test, what it asks of p
        alone found once for all of them."""
        numbers, last_digit, separators = self._numbers, self._last_digit, self._separators
        before = numbers[p] - self._in_number[p]  # numbers(p, e) is numbers[e] - before, for e > p
        dated, listed, opened = self.may_date(p), "\u4e00" <= self.text[p] <= "\u9fff", separators[p]
        tail = _TARGET_TAIL + 1
        return [
            e
            for e in ends
            if not (k := numbers[e] - before)
            or (k < 3 and e - 1 - last_digit[e] <= tail)
            or (k < 4 and dated)
            or (listed and separators[e] > opened)
        ]

    def has_figure_run(self, p: int, e: int) -> bool:
        """text[p:e] holds a number after a percent sign or five digits in a run (_FIGURE_RUN)."""
        return self.figure_run_end(p) <= e

    def figure_run_end(self, p: int) -> int:
        """The least e from which text[p:e] holds a number after a percent sign or five digits in a run
        (_FIGURE_RUN): the first such figure from p, two or five characters long, is the one that ends
        first (_INF if none)."""
        return self._end_from(self._figures, _FIGURE_START.search, p)

    def _end_from(self, ends: dict[int, int], find: Callable[[str, int], re.Match[str] | None], p: int) -> int:
        """Where what `find` finds from p ends (_INF when nothing), kept in `ends` for the next piece from p."""
        end = ends.get(p)
        if end is None:
            m = find(self.text, p)
            end = ends[p] = m.end() if m else _INF
        return end

    def describes_twice(self, p: int, e: int) -> bool:
        """A description's opening word stands in text[p:e] after its first character ("反映…2280次大楼安检
        巡察次数反映…", "…维护次数反映…")."""
        return self._describes_end[p + 1] <= e

    def long_figure_cut(self, p: int, e: int) -> bool:
        """text[p:e] opens with a figure of _LONG_FIGURE digits or more cut out of a longer run of digits:
        a digit stands right before it, or right after it when it is nothing but the figure."""
        text = self.text
        if e - p < _LONG_FIGURE or not text[p + _LONG_FIGURE - 1].isdecimal():
            return False
        run = p
        while run < e and text[run].isdecimal():
            run += 1
        if run - p < _LONG_FIGURE:
            return False
        return (p > 0 and self.text[p - 1].isdecimal()) or (run == e and self.text[e : e + 1].isdecimal())

    def runs_into_unit(self, p: int, e: int) -> bool:
        """A 计量单位 cell printed after a name opens inside text[p:e] (_units_after_names)."""
        return e > p + 1 and self._unit_cells[e - 1] > self._unit_cells[p + 1]

    def holds_kind(self, p: int, e: int) -> bool:
        """text[p:e] holds a 指标性质 word of four characters or more ("定性指标", or "性标定指" read out of order)."""
        return self._kind_end[p] <= e

    def names_basis(self, p: int, e: int) -> bool:
        """text[p:e] holds one of the known bases (计划标准 …)."""
        return self._basis_end[p] <= e

    def says_twice(self, p: int, e: int) -> bool:
        """text[p:e] holds one pair of Chinese characters twice, apart ("人数 … 人数")."""
        end = self._twice.get(p)
        if end is None:
            end = self._twice[p] = _twice_end(self.text, p)
        return end <= e

    def echoes(self, p: int, e: int) -> bool:
        """_ECHO finds a match in text[p:e]: one to six Chinese characters said twice, followed by a digit
        inside the piece or standing at its end (where `$` matches: the end, or before a final line break)."""
        digit = self._echo_digit if self._echo_digit is not None else self._find_echoes()
        if digit[p] <= e:
            return True
        starts = self._echo_start
        if starts.get(e, -1) >= p:
            return True
        return e - 1 > p and self.text[e - 1] == "\n" and starts.get(e - 1, -1) >= p

    def _find_echoes(self) -> list[int]:
        """Every word said twice in the text, as (start s, end t): `_echo_digit[p]`, the least t + 1 of one
        with s >= p and a digit at t (a piece from p holds it with its digit when it reaches t + 1);
        `_echo_start[t]`, the last s of one ending at t."""
        text, n = self.text, len(self.text)
        digit = [_INF] * (n + 2)
        starts = self._echo_start
        for length, pattern in enumerate(_ECHO_OF, start=1):
            for m in pattern.finditer(text):
                s = m.start()
                t = s + 2 * length
                if t < n and text[t].isdecimal():
                    digit[s] = min(digit[s], t + 1)
                if starts.get(t, -1) < s:
                    starts[t] = s
        for k in range(n - 1, -1, -1):
            digit[k] = min(digit[k], digit[k + 1])
        self._echo_digit = digit
        return digit

    def _opener_lengths(self, at: int) -> list[int]:
        return [len(w) for w in self.hints.target_starts if self.text.startswith(w, at)]

    def opener(self, p: int, e: int) -> int:
        """The length of the word that opens the target text[p:e] before its number ("各1次", "约200人"), or 0:
        the first of the hints' target openers that text[p:e] starts with and follows with a digit."""
        found = self._openers.get(p)
        if found is None:
            text = self.text
            found = self._openers[p] = [
                len(w)
                for w in self.hints.target_starts
                if text.startswith(w, p) and p + len(w) < len(text) and text[p + len(w)].isdigit()
            ]
        for k in found:
            if p + k < e:
                return k
        return 0


def _word_ends(text: str, words: tuple[str, ...]) -> list[int]:
    """[p]: the least end of an occurrence of one of `words` that starts at p or after (_INF if none)."""
    ends = [_INF] * (len(text) + 2)
    for at, word in _starts(text, words):
        ends[at] = min(ends[at], at + len(word))
    for p in range(len(text) - 1, -1, -1):
        ends[p] = min(ends[p], ends[p + 1])
    return ends


def _shortest_at(text: str, words: tuple[str, ...], ending: bool) -> list[int]:
    """[k]: the length of the shortest of `words` that stands in `text` ending (`ending`) or opening at place k;
    _INF where none does."""
    shortest = [_INF] * (len(text) + 1)
    for at, word in _starts(text, words):
        k = at + len(word) if ending else at
        shortest[k] = min(shortest[k], len(word))
    return shortest


def _twice_end(text: str, p: int) -> int:
    """The least `e` such that text[p:e] holds one pair of Chinese characters twice, apart (_INF if none)."""
    seen: dict[str, int] = {}
    for m in _CJK_PAIR.finditer(text, p):
        pair = m.group(1)
        if pair in seen and m.start() >= seen[pair] + 2:
            return m.start() + 2
        seen.setdefault(pair, m.start())
    return _INF


@dataclass(frozen=True)
class _Marks:
    """Where the glue hints' words stand in one text, found once for all the cuts tried in it."""

    in_qualifier: frozenset[int]  # cuts before or inside a target's qualifier ("以上", "以内")
    qualifier_at: frozenset[int]  # cuts right before one
    description_at: frozenset[int]  # cuts right before a description's opening word ("反映")
    opener_at: frozenset[int]  # cuts right before a word opening a target before its number ("次数|各1次")
    inside_word: frozenset[int]  # cuts inside a word of jieba's dictionary ("建档|立卡")
    in_scoring: frozenset[int]  # cuts inside a scoring phrase ("得|10分", "扣1|分")
    unit_at: frozenset[int]  # cuts between a number and the unit it is counted in ("2280|次")
    after_unit: frozenset[int]  # cuts right after a number's unit ("2000次|汇总…")
    unit_cell_at: frozenset[int]  # cuts before a 计量单位 cell: the unit the next number is counted in ("次数|次|26次")
    echo_at: frozenset[int]  # cuts around a target said twice, as target and actual ("合规性|好|好|100%")
    in_year: frozenset[int]  # cuts inside a year or before its 年 ("20|22年", "2022|年销量")
    achieved_at: frozenset[int]  # cuts right before a word stating what was achieved ("12月|已完成")
    kind_at: frozenset[int]  # cuts right before a 指标性质 word ("健全性|性标定指|高")
    in_counted_run: frozenset[int]  # cuts inside a run of digits counted in a unit after it ("增收2|7万元")


def _opener_places(text: str, hints: GlueHints) -> set[int]:
    """Where a target opener stands before a digit ("各1次", "约200人"): the only places a target may
    open with one, and where a cell boundary before it is natural."""
    found = set()
    for at, word in _starts(text, hints.target_starts):
        end = at + len(word)
        if text[end : end + 1].isdigit():
            found.add(at)
    return found


def _starts(text: str, words: tuple[str, ...]) -> list[tuple[int, str]]:
    """(position, word) of every occurrence of `words` in `text`."""
    found = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            found.append((at, word))
            at = text.find(word, at + 1)
    return found


def _segmenter() -> jieba.Tokenizer:
    # Imported on first use: only text that lost its separators is segmented.
    from kpi_lint.segment import plain_tokenizer

    return plain_tokenizer()


def _inside_words(text: str) -> frozenset[int]:
    inside: set[int] = set()
    for _, start, end in _segmenter().tokenize(text, HMM=False):
        inside.update(range(start + 1, end))
    return frozenset(inside)


def _marks(at_text: _Text) -> _Marks:
    """Found from what `at_text` found once per text: where a target opener stands before a digit
    (_opener_places) and the 计量单位 cells after names (_units_after_names)."""
    text, hints, opened = at_text.text, at_text.hints, at_text.opened
    qualifiers = _starts(text, hints.target_ends)
    inside = _inside_words(text)
    # (where, length) of each unit right after a number, the longest that fits ("人次" before "人")
    unit_at = _first_word_at(hints.units)
    units = [
        (at, len(unit))
        for at in range(1, len(text))
        if text[at - 1].isdigit() and (unit := _word_at(unit_at, text, at))
    ]
    # A unit printed in its own column right before the target it counts: "次|26次", "%|100%".
    counted_at = _first_word_at((*hints.units, "%"))
    unit_cells = [
        m.start() - len(unit)
        for m in _NUMBER_AT.finditer(text)
        if (unit := _word_at(counted_at, text, m.end()))
        and text.endswith(unit, 0, m.start())
        and not text[: m.start() - len(unit)][-1:].isdigit()  # "92%100%": that "%" is 92's
    ]
    unit_cells.extend(k for unit in at_text.units_after_names for k in unit)
    return _Marks(
        frozenset(k for at, word in qualifiers for k in range(at, at + len(word))),
        frozenset(at for at, _ in qualifiers),
        frozenset(at for at, _ in _starts(text, hints.description_starts)),
        frozenset(opened),
        inside,
        frozenset(k for m in _SCORING.finditer(text) for k in range(m.start() + 1, m.end())),
        frozenset(at for at, _ in units),
        frozenset(at + length for at, length in units),
        frozenset(unit_cells),
        frozenset(
            k
            for echo in (_ECHO, _ECHO_FIGURE)
            for m in echo.finditer(text)
            for k in (m.start(), m.start() + len(m[1]), m.end())
        ),
        frozenset(k for m in _YEAR.finditer(text) for k in range(m.start() + 1, m.end())),
        frozenset(at for at, _ in _starts(text, hints.achieved_starts)),
        frozenset(at for at, _ in _starts(text, _KIND_WORDS)),
        _inside_counted_runs(text, unit_at, inside),
    )


def _inside_counted_runs(text: str, unit_at: re.Pattern[str], inside: frozenset[int]) -> frozenset[int]:
    """The cuts inside a run of digits that a unit word follows ("增收27万元"): cut there, a bare figure would
    close the target and the actual alone would keep the unit ("2" | "7万元"), but a target and its actual
    printed side by side are counted alike ("100|100", "20人|20人").  A unit that opens a longer word is
    none ("…10|场地面积")."""
    found: set[int] = set()
    for m in _DIGITS_AT.finditer(text):
        unit = _word_at(unit_at, text, m.end())
        if unit is None or m.end() + len(unit) in inside or (m.start() and text[m.start() - 1].isdigit()):
            continue
        found.update(k for k in range(m.start() + 1, m.end()) if text[k - 1].isdigit() and text[k].isdigit())
    return frozenset(found)


def _units_after_names(text: str, hints: GlueHints, counted_units: tuple[str, ...]) -> list[tuple[int, int]]:
    """(start, end) of each unit printed in a 计量单位 cell of its own between a name and the target
    counted in it: right after a name's ending ("次数", "数量", "面积"), a known unit (of `counted_units`,
    _counted_units), and after it a figure, or within a few characters the same unit again after a
    figure or what OCR made of one ("次数|次|26次", "面积|万亩|28", "次数|次|到0次", "数量|份|第O份")."""
    found = []
    unit_at = _first_word_at(counted_units)
    for at, word in _starts(text, hints.name_ends):
        start = at + len(word)
        unit = _word_at(unit_at, text, start)
        if unit is None:
            lettered = _LETTERED_UNIT.match(text, start)  # "数量|tot扁|2200篇": a unit OCR made letters of
            if lettered is not None:
                found.append(lettered.span())
            continue
        rest = start + len(unit)
        again = text.find(unit, rest + 1, rest + _UNIT_AGAIN + len(unit))
        figure_before = again > rest and text[again - 1].isascii() and text[again - 1].isalnum()
        if text[rest : rest + 1].isdecimal() or figure_before:
            found.append((start, rest))
    return found


@lru_cache(maxsize=64)
def _first_word_at(words: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern matching, at a place, the first of `words` in their order that the text has there (as
    `next(w for w in words if text.startswith(w, at))`: an alternation tries its words in order)."""
    return re.compile("|".join(map(re.escape, words)) or "(?!)")


def _word_at(first_word_at: re.Pattern[str], text: str, at: int) -> str | None:
    """The word `first_word_at` (_first_word_at) finds at `at`, None if none."""
    found = first_word_at.match(text, at)
    return found.group() if found is not None else None


@lru_cache(maxsize=16)
def _unit_words(hints: GlueHints) -> frozenset[str]:
    return frozenset(_counted_units(hints))


@lru_cache(maxsize=16)
def _counted_units(hints: GlueHints) -> tuple[str, ...]:
    """The units a 计量单位 cell may hold, longest first: units.txt's, also counted in 万 / 亿 / 千 ("万亩")."""
    scaled = (f"{scale}{unit}" for unit in hints.units for scale in "万亿千" if not unit.startswith(scale))
    return longest_first((*hints.units, *scaled, "%"))


def _cut_cost(text: str, at: int, ending_role: str, marks: _Marks) -> float:
    """How unlikely a cell boundary is between text[at-1] and text[at]."""
    if at <= 0 or at >= len(text):
        return 0
    if at in marks.unit_cell_at or at in marks.echo_at or at in marks.kind_at:
        return 0
    if at in marks.in_year:
        return 3  # "同比2022年销量": a year keeps its digits and its 年
    if at in marks.achieved_at and ending_role in _TARGET_ROLES:
        return 0  # "12月|已完成": the actual opens with what was done
    if at in marks.in_qualifier and (ending_role in _TARGET_ROLES or at not in marks.qualifier_at):
        return 3  # "90%|以上" or "以|上": the qualifier belongs to its target
    if at in marks.in_scoring:
        return 3  # "较大得|10分": points belong to their scoring rule
    if at in marks.description_at or at in marks.opener_at:
        return 0  # "…每天|反映学生…": a description opens here
    if ending_role in _TARGET_ROLES and at in marks.after_unit:
        return 0  # "2000次|汇总…": a target ends with its unit
    left, right = text[at - 1], text[at]
    if right.isdigit() and text.startswith(ROW_NUMBER_WORDS, at - 2) and not text.endswith(_DIRECTIONS, 0, at):
        return 3  # "指标|3": the numbering of the next row's name is not cut in two (but "定量指标|100%")
    if left in "、，,；;":
        return 3  # "文物保护、|文化传承": an enumeration goes on after its comma
    if left in "/／":
        return 3  # "元/月/人": a unit goes on after its slash
    if ending_role in ("weight", "score", "ratio", "comparator"):
        return 1 if left.isdigit() and right.isdigit() else 0
    if ending_role in _TARGET_ROLES and at in marks.in_counted_run:
        return _COUNTED_RUN_CUT  # "超上年度增收2|7万元": the target's figure would have no unit, its actual one
    if left.isdigit() and (right.isdigit() or right == "."):
        return 2  # inside a number: only where two numeric cells touch ("1020" = 10 | 20)
    if left == "." and right.isdigit() and text[at - 2 : at - 1].isdigit():
        return 3  # "0.|9": inside a decimal
    if left.isdigit() and right in "%‰":
        return 3
    if left.isdigit() and "\u4e00" <= right <= "\u9fff":
        if ending_role in ("weight", "score", "ratio"):
            return 0
        return 2 if at in marks.unit_at else 1  # a unit belongs to its number
    if "\u4e00" <= left <= "\u9fff" and "\u4e00" <= right <= "\u9fff":
        return 2 if at in marks.inside_word else 1  # between two words, or inside one
    return 0


def split_glued(
    text: str, columns: list[Column], hints: GlueHints = _NO_HINTS, broken: bool = False
) -> list[list[tuple[Column, int, int]]] | None:
    """Cut `text` into one or more rows over `columns`: each piece as (column, start, end), or None.
    `broken`: the text breaks off after it, so its last row may end after its target."""
    if not columns or columns[0][1] != "level3":
        return None
    roles = tuple(role for _, role in columns)
    found = _best_cut(text, roles, hints, broken)
    if found is None:
        return None
    rows: list[list[tuple[Column, int, int]]] = []
    for record in found:
        pieces = [(columns[i], start, end) for i, start, end in record if end > start]
        # "-" under 度量单位 / 计算符号 is the template's empty cell, not part of the target.
        pieces = [p for p in pieces if not (p[0][1] in ("unit", "comparator") and text[p[1] : p[2]] in hints.blanks)]
        # … nor is a 指标性质 word read out of order ("性标定指"): like "定性", it says no comparison.
        pieces = [p for p in pieces if not (p[0][1] == "comparator" and _kind_scrambled(text[p[1] : p[2]]))]
        rows.append(_even_targets(text, pieces, _number_tails(hints)))
    if broken and rows:
        rows[-1] = _echo_cut_short(text, rows[-1], columns)
    return rows


_ECHO_SHORT = 2  # the fewest characters of a target said again that the break may leave


def _echo_cut_short(
    text: str, record: list[tuple[Column, int, int]], columns: list[Column]
) -> list[tuple[Column, int, int]]:
    """The text breaks off inside the last row's actual, which says its target again ("…医疗服务" | "服务范围扩大"
    | "服务范"): a row read with no actual, whose text ends with the opening of a target printed just before
    it, is cut there — the target, then what the break left of it said again."""
    roles = [role for _, role in columns]
    if "value" not in roles or "actual" not in roles[roles.index("value") :]:
        return record
    if any(col[1] == "actual" for col, _, _ in record) or record[-1][0][1] != "value" or record[-1][2] != len(text):
        return record
    n, start = len(text), record[0][1]
    value_col, actual_col = columns[roles.index("value")], columns[roles.index("actual")]
    for size in range(min(_SHORT_WORDED, (n - start) // 3), _ECHO_SHORT - 1, -1):
        said = text[n - size :]
        at = text.rfind(said, start + 1, n - size)
        if at < 0 or not _TARGET.match(text[at : n - size]) or _SIGN_CHAR.search(said):
            continue
        kept = [(col, s, min(e, at)) for col, s, e in record[:-1] if s < at]
        return [*kept, (value_col, at, n - size), (actual_col, n - size, n)]
    return record


def _kind_scrambled(piece: str) -> bool:
    return unscrambled(piece, _DIRECTION_SCRAMBLES) is not None


def _even_targets(
    text: str, record: list[tuple[Column, int, int]], tails: tuple[str, ...]
) -> list[tuple[Column, int, int]]:
    """A worded target glued to its actual ("显著提升显著提升") is cut in the middle when both halves
    read the same: a self-evaluation often reports the target word as the actual.  It may report only
    the target's closing words ("同比2022年销量显著提高" | "显著提高"): when the actual is a word said
    twice, the first saying closes the target, unless the target is already whole as a figure with its
    unit or qualifier ("90%以上", `tails`)."""
    for i in range(len(record) - 1):
        (c1, s1, _), (c2, s2, e2) = record[i], record[i + 1]
        if c1[1] != "value" or c2[1] != "actual":
            continue
        if (e2 - s1) % 2 == 0:
            half = s1 + (e2 - s1) // 2
            if text[s1:half] == text[half:e2]:
                record[i], record[i + 1] = (c1, s1, half), (c2, half, e2)
                continue
        echo = _ECHO_WORD.fullmatch(text, s2, e2)
        value = text[s1:s2]
        if echo is not None and not (value[-1:].isdecimal() or value.endswith(tails)):
            cut = s2 + len(echo[1])
            record[i], record[i + 1] = (c1, s1, cut), (c2, cut, e2)
    return record


def _usual_points(text: str, roles: tuple[str, ...], found: list[list[tuple[int, int, int]]] | None) -> str | None:
    """The 分值 most rows of a first cut give, when some other row gives another: a table's points
    repeat from row to row, so a second cut prefers them where two cuts are otherwise as good
    ("2810810": 28 | 10 | 8 | 10 rather than 2 | 8 | 1081 | 0 under rows of 10 points)."""
    if found is None or "weight" not in roles:
        return None
    weight = roles.index("weight")
    given = [text[s:e] for record in found for c, s, e in record if c == weight and e > s]
    if len(given) < _USUAL_ROWS:
        return None
    usual, count = Counter(given).most_common(1)[0]
    return usual if count * 2 >= len(given) and count < len(given) else None


@lru_cache(maxsize=4096)
def _best_cut(
    text: str, roles: tuple[str, ...], hints: GlueHints, broken: bool = False
) -> list[list[tuple[int, int, int]]] | None:
    """The cheapest cut of `text` into rows over `roles` (_cut); cut again, preferring the 分值 most rows
    of the first cut give, when some row gives another (_usual_points).  The second cut asks about the
    same pieces and boundaries: what the first found of them is kept for it (`_Judged`)."""
    judged = _Judged(text, roles, hints, keep="weight" in roles)
    found = _cut(judged, broken)
    usual = _usual_points(text, roles, found)
    if usual is not None:
        found = _cut(judged, broken, usual)
    return found


# What a cell boundary costs depends on the role of the cell it ends only through these kinds (_cut_cost).
def _boundary_kind(role: str) -> str:
    if role in _TARGET_ROLES:
        return "target"
    if role in ("weight", "score", "ratio"):
        return "points"
    return "comparator" if role == "comparator" else "other"


class _Judged:
    """One text to cut over `roles`, with what every cut of it asks found once: the text's marks, what
    a cell boundary costs before each place per role of the cell it ends, the ends of the pieces worth
    judging per place and role (`piece_ends`: the target columns and a second cut ask the same), and
    (`keep`) the cost of each piece judged so far, per place it opens at, per role (per family of roles
    that judge alike)."""

    __slots__ = ("_alike", "at", "boundary", "ends_at", "kept", "named_before_text", "roles", "text")

    def __init__(self, text: str, roles: tuple[str, ...], hints: GlueHints, keep: bool) -> None:
        self.text, self.roles = text, roles
        self.at = _Text(text, hints)
        marks = _marks(self.at)
        if "unit" in roles:
            # A table printing its units in a 计量单位 column prints bare figures as targets and actuals: a unit after
            # a run of them is the next name's ("3002030010|场地面积"), not one figure's.
            marks = replace(marks, in_counted_run=frozenset())
        self.named_before_text = bool(_TEXT_ROLES.intersection(roles))
        by_kind: dict[str, list[float]] = {}
        self.boundary: dict[str, list[float]] = {}
        for role in set(roles):
            kind = _boundary_kind(role)
            if kind not in by_kind:
                by_kind[kind] = [_cut_cost(text, e, role, marks) for e in range(len(text) + 1)]
            self.boundary[role] = by_kind[kind]
        self.kept: list[dict[str, dict[int, float | None]]] | None = (
            [{} for _ in range(len(text) + 1)] if keep else None
        )
        self.ends_at: list[dict[str, range | list[int]]] = [{} for _ in range(len(text) + 1)]
        # The roles whose pieces end where a role's do: _piece_ends asks the same of every target column
        # (指标值, 实际完成值, 调整后指标值 …), which a self-evaluation's row holds two or three of.
        targets = tuple(role for role in set(roles) if role in _TARGET_ROLES)
        self._alike = {role: targets if role in _TARGET_ROLES else (role,) for role in set(roles)}

    def piece_ends(self, role: str, p: int) -> range | list[int]:
        """_piece_ends(role, at, p), found once per place and role (once for all target roles)."""
        known = self.ends_at[p]
        ends = known.get(role)
        if ends is None:
            ends = _piece_ends(role, self.at, p)
            for alike in self._alike[role]:
                known[alike] = ends
        return ends


def _cut(
    judged_text: _Judged, broken: bool = False, usual: str | None = None
) -> list[list[tuple[int, int, int]]] | None:
    """The cheapest cut of the text into rows over its roles: per row, (column, start, end) of each piece.
    `usual`: the 分值 the table's rows usually give (_usual_points); another costs a little more."""
    text, roles, at = judged_text.text, judged_text.roles, judged_text.at
    n, m = len(text), len(roles)
    named_before_text = judged_text.named_before_text
    # What a cell boundary costs before each position, per role of the cell it ends.
    boundary = judged_text.boundary
    kept = judged_text.kept
    # best[c][p]: cheapest cut of text[p:] when the next piece is column c of the current row;
    # c == m means a row just ended (the text may end or a new row may begin).
    best: list[list[float]] = [[_INF] * (n + 1) for _ in range(m + 1)]
    step: list[list[tuple[int, int] | None]] = [[None] * (n + 1) for _ in range(m + 1)]
    best[m][n] = 0
    if broken and "value" in roles:
        for c in range(roles.index("value") + 1, m):  # the break took the columns after the target
            best[c][n], step[c][n] = _BROKEN_OFF, (n, m)
    # The columns after 分值 up to 得分 (a row never scores more than its points): what they cost from
    # each place is kept per least 分值 it needs (points_front), and 分值 takes the cheapest its points allow.
    band = points_band(roles)
    weight_at = band.start - 1 if band else -1
    fronts: dict[int, list[Front]] = {c: [()] * (n + 1) for c in band}

    def pieces(
        c: int, p: int, judge: dict[str, dict[int, float | None]], bound: float = _INF
    ) -> list[tuple[int, float]]:
        """(end, cost) of every piece from p that column c may take, but those whose rest and boundary
        alone cost `bound` or more."""
        role, after, cuts = roles[c], best[c + 1], boundary[roles[c]]
        cost_of = _PIECE_COSTS.get(role, _any_cost)
        family = _SAME_COSTS.get(role, role if kept is not None else None)
        judged = judge.setdefault(family, {}) if family is not None else {}
        out = []
        for e in judged_text.piece_ends(role, p):
            if after[e] + cuts[e] >= bound:
                continue
            cost: float | None = judged[e] if e in judged else cost_of(role, at, p, e, named_before_text)
            if family is not None:
                judged[e] = cost
            if cost is not None:
                out.append((e, cost))
        return out

    def band_options(c: int, p: int, judge: dict[str, dict[int, float | None]]) -> list[tuple[int, int, float, Front]]:
        """(end, next column, cost, what follows as a front) of each way column c of the band goes on from p:
        left empty, or a piece; at the text's end also the break that took the row's last columns.  The
        score's options hold the score itself as the 分值 they need."""
        role, cuts, score = roles[c], boundary[roles[c]], c == band.stop - 1
        options: list[tuple[int, int, float, Front]] = []
        if p == n and step[c][n] is not None:
            options.append((n, m, _BROKEN_OFF, ((-_INF, 0.0),)))
        empty = _empty_cost(role)
        if empty is not None:
            options.append((p, c + 1, empty, ((-_INF, best[c + 1][p]),) if score else fronts[c + 1][p]))
        # Whatever the points, the cheapest option so far costs at most its least plus a score above
        # them: a piece whose rest alone costs that much is never taken.
        bound = min((cost + least_of(after_it) for _, _, cost, after_it in options), default=_INF) + _POINTS_ABOVE
        for e, cost in pieces(c, p, judge, bound):
            after_it = ((float(text[p:e]), best[c + 1][e]),) if score else fronts[c + 1][e]
            options.append((e, c + 1, cost + cuts[e], after_it))
        return options

    # The first column (the name) is never empty, so it needs only what lies to its right; a row
    # may end at p once it is known, and the other columns (which may be empty) come after.
    order = [0, -1, *range(m - 1, 0, -1)]
    # What each column asks of every place, looked up once: its cost when empty, how its pieces are
    # judged, the family whose judgements it shares.
    asks = [
        (
            _empty_cost(role),
            _PIECE_COSTS.get(role, _any_cost),
            _SAME_COSTS.get(role, role if kept is not None else None),
        )
        for role in roles
    ]
    if kept is None and sum(role in _SAME_COSTS for role in roles) < 2:
        # Judgements remembered for this cut alone serve a family only when two of its columns ask them.
        asks = [(empty, cost_of, None) for empty, cost_of, _ in asks]
    # floors[c][e]: what a piece of column c ending at e costs at least, whatever the piece: the rest after it and
    # the boundary before e (best[c + 1][e] + boundary[role][e], the two terms every total adds after the piece's
    # cost), filled once best[c + 1][e] is known, for the columns that take their cheapest piece (not the band's).
    floors: list[list[float]] = [[_INF] * (n + 1) for _ in range(m)]
    plain = [(floors[c], best[c + 1], boundary[roles[c]]) for c in range(m) if c not in fronts and c != weight_at]
    ends_at = judged_text.ends_at
    for p in range(n, -1, -1):
        # The costs of the pieces from p, per kind of column whose cost does not depend on which of
        # its columns asks (指标值 and 实际完成值 take the same targets): each piece is judged once.
        shared: dict[str, dict[int, float | None]] = kept[p] if kept is not None else {}
        ends_from = ends_at[p]
        for c in order:
            if c == -1:
                if p < n and best[0][p] < _INF:  # a row ended here and another begins (each row costs one)
                    best[m][p], step[m][p] = best[0][p] + 1, (p, 0)
                continue
            if c in fronts:
                front = fronts[c][p] = pareto(
                    (need, cost + rest)
                    for _, _, cost, after_it in band_options(c, p, shared)
                    for need, rest in after_it
                )
                best[c][p] = least_of(front)
                continue
            role = roles[c]
            after, cuts = best[c + 1], boundary[role]
            least = best[c][p]
            empty, cost_of, family = asks[c]
            if c == weight_at:
                if empty is not None:
                    total = empty + at_points(fronts[c + 1][p], _INF)
                    if total < least:
                        least, step[c][p] = total, (p, c + 1)
                for e, points_cost in pieces(c, p, shared, least):
                    if after[e] + cuts[e] + points_cost >= least:
                        continue
                    total = points_cost + cuts[e] + at_points(fronts[c + 1][e], _points(text[p:e]))
                    total += _UNUSUAL_POINTS if usual is not None and text[p:e] != usual else 0
                    if total < least:
                        least, step[c][p] = total, (e, c + 1)
                best[c][p] = least
                continue
            if empty is not None and after[p] < least:  # the column left empty
                total = empty + after[p] + 0
                if total < least:
                    least, step[c][p] = total, (p, c + 1)
            # The pieces the column may take from p: as long as it takes, opening as one of its cells can.
            judged = shared.setdefault(family, {}) if family is not None else None
            # A name from p holds a run of figures once it reaches this far (has_figure_run).
            figures_from = at.figure_run_end(p) if role == "level3" else _INF
            floor = floors[c]
            ends = ends_from.get(role)
            for e in judged_text.piece_ends(role, p) if ends is None else ends:
                # Costs are never negative: a cut whose rest and boundary already cost as much as the
                # best so far cannot be cheaper (nor can a float sum of more non-negative terms).
                if floor[e] >= least:
                    continue
                # A name holding a run of figures outside brackets costs _FIGURES_IN_NAME at least (_name_cost).
                if e >= figures_from and after[e] + _FIGURES_IN_NAME + cuts[e] >= least and not at.has_bracket(p, e):
                    continue
                if judged is None:
                    cost = cost_of(role, at, p, e, named_before_text)
                elif (cost := judged.get(e, _UNJUDGED)) is _UNJUDGED:  # (None: judged, and no cell of the column)
                    cost = judged[e] = cost_of(role, at, p, e, named_before_text)
                if cost is None:
                    continue
                total = cost + after[e] + cuts[e]
                if total < least:
                    least, step[c][p] = total, (e, c + 1)
            best[c][p] = least
        for floor_of, rest, boundary_of in plain:
            floor_of[p] = rest[p] + boundary_of[p]
    if best[0][0] >= _INF:
        return None
    rows: list[list[tuple[int, int, int]]] = []
    record: list[tuple[int, int, int]] = []
    p, c = 0, 0
    points = float(_INF)  # the 分值 of the row being read back, once its column is passed
    while (p, c) != (n, m):
        nxt = _band_step(band_options(c, p, {}), points) if c in fronts else step[c][p]
        if nxt is None:
            break
        e, c2 = nxt
        if c == weight_at:
            points = _points(text[p:e]) if e > p else float(_INF)
        if c == m:
            rows.append(record)
            record = []
        else:
            record.append((c, p, e))
        p, c = e, c2
    rows.append(record)
    return rows


def _points(piece: str) -> float:
    """The 分值 a row's score may not exceed: its number, or no bound for a share ("30%")."""
    return _INF if piece.endswith("%") else float(piece)


def _band_step(options: list[tuple[int, int, float, Front]], points: float) -> tuple[int, int] | None:
    """Where the cheapest cut goes on from a column of the points band, for a row of `points` (分值)."""
    costs = [(cost + at_points(after_it, points), e, c) for e, c, cost, after_it in options]
    total, e, c = min(costs, default=(_INF, 0, 0))
    return None if total >= _INF else (e, c)


def ends_the_table(cell: Cell) -> bool:
    """The glued rows in `cell` are followed by the form's notes or the report's next section: the
    table ends in this cell."""
    found = _FOOTNOTE.search(cell.text.strip())
    return found is not None and found.start() > 0


def glued_rows(
    cell: Cell, columns: list[Column], hints: GlueHints = _NO_HINTS, carried: Cell | None = None
) -> list[Placed] | None:
    """The rows glued in one cell, as placed cells keeping their printed columns; None if it is one cell.
    Numbered slots the template left empty at its end ("…2020指标2:", "指标1:指标2:") are no rows.

    `carried`: glued text that broke off right before `cell` (a preview's chunk ended inside a row,
    "…质量指标音响、" | "灯光、道具…合格合格"): it is read as the start of `cell`, and a piece that
    begins in it keeps its place there."""
    text = _EMPTY_SLOTS.sub("", cell.text.strip())
    if not text and cell.text.strip():
        return []
    footnote = _FOOTNOTE.search(text)
    if footnote is not None and footnote.start() > 0:
        text = text[: footnote.start()]  # "…100%注:1、其他资金包括…": the form's footnotes after its last row
    head = carried.text.strip() if carried is not None else ""
    joined = head + text
    if _PROSE.search(_NUMBERED_COLON.sub("", joined)):  # a sentence (notes, scoring rules) is not a row glued together
        return None
    # Cut as if full-width figures were plain ("１０≥２６６米" as "10≥266米"): the same length, so the
    # places found hold in the printed text, which the cells keep.
    found = split_glued(fold(joined), columns, hints, cell.broken)
    if not found or (len(found) == 1 and len(found[0]) <= 1):
        return None

    def placed(start: int, end: int) -> Cell:
        if carried is not None and start < len(head):
            at = len(carried.text) - len(carried.text.lstrip()) + start
            return replace(carried.piece(at, at + end - start), text=joined[start:end], broken=False)
        at = len(cell.text) - len(cell.text.lstrip()) + start - len(head)
        return replace(cell.piece(at, at + end - start), text=joined[start:end])

    return [[(col, placed(s, e)) for col, s, e in record] for record in found]


def forget_cuts() -> None:
    """Empty the memos of the glued rows' cuts (the file tasks' texts, before the peer phase: ≈ 4 MiB at their caps)."""
    _best_cut.cache_clear()
    _opens_nothing.cache_clear()
