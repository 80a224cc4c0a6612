"""Indicator tables flattened into one line in the reading order of a PDF's text objects.

A web page that reposts a PDF or a spreadsheet often carries its text as one long line in which the
table lost its rows: the figures of several rows come as one run ("=100% 100% 10 10 =100% 100% 20 20
…"), the 三级指标 names before or after it, a name wrapped over two lines is cut by the run
("与委托运营方结算完成 … 率") and the header words are scattered among them.  Such a block is read here
by order alone, and only when the evidence agrees:

* the tuple of each row (指标值, 实际完成值, 分值, 得分 …) has the shape of the column words the block's
  header prints, in their order, with 分值/得分 as numbers (得分 ≤ 分值 ≤ 100);
* two tuples or more follow one another with no name between them: the block is flattened;
* the names left (header words, level labels, figures and the column of single characters a vertical
  label leaves taken out; a single character joined to the name before it, the end of a wrapped name;
  only the numbered tokens and their wrapped tails where names are numbered, "指标1:…") are as many as
  the tuples and as the 二级 labels of the block, so that each 二级 has one row.

A flattened block whose counts disagree is read as nothing (`FlatBlock.indicators` is None): pairing
by order would give wrong rows.  So is a block whose rows are in order but whose 一级/二级 header and
二级 labels are printed after them: no row can be told its 二级.  Every other block is left to the
table reader.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path

from kpi_lint.lazy_re import lazy_compile
from kpi_lint.lexicon import Lexicon
from kpi_lint.model import GARBLED_GRADE, Document, Form, Indicator, Located, ParseProblem, Project
from kpi_lint.parse.common import make_indicator, to_number
from kpi_lint.parse.labels_before import kind_fits, spread
from kpi_lint.parse.numbering import NUMBER_END
from kpi_lint.parse.values import parse_value
from kpi_lint.read.source import SourceText
from kpi_lint.vocab import BRACKETED, Vocabulary, label_key

# The columns a row's tuple is made of, and those of them that must be printed as numbers.
_TUPLE_ROLES = ("value", "adjusted_value", "actual", "weight", "score")
_NUMERIC_ROLES = ("weight", "score")
_LEVEL_HEADERS = ("level1", "level2", "level3")
_TOKEN = lazy_compile(r"\S+")
_CJK = lazy_compile(r"[\u4e00-\u9fff]")
_FIGURE = lazy_compile(r"^[-+]?\d[\d,]*(?:\.\d+)?$")
# A figure printed without its unit, maybe after a comparator: "=2" of "=2 个", "2" of "2 小时"
_BARE_FIGURE = lazy_compile(r"^(?:[<>=≥≤]=?)?[-+]?\d[\d,]*(?:\.\d+)?$")
_OPENING = "(（[【"
_CLOSING = ")）]】"
# "指标1:全县参合人数", "指标2:WIFI覆盖率": the form's numbering, then the name
_NUMBERED = lazy_compile(rf"^(?:指标\s*\d{{1,2}}|\d{{1,2}})\s*{NUMBER_END}\s*[\u4e00-\u9fffA-Za-z]")
_POINTS = lazy_compile(r"^[(（]?\s*(?:\d+(?:\.\d+)?\s*)?分?\s*[)）]?$")  # "(50分", ")", "分)" beside a label
_MAX_WEIGHT = 100.0
_MAX_WORDED = 4  # a target or an actual printed in words in a tuple ("及时", "达标"): a short word
_JOIN = 3  # a header word or a label is looked up over at most this many tokens ("效益指 标(30 分)")


@dataclass(frozen=True)
class _Token:
    text: str
    start: int  # 0-based column in the line


@dataclass(frozen=True)
class _Word:
    """Tokens [first, last] read together as one header word, label or closing word."""

    first: int
    last: int
    kind: str  # "column" | "level1" | "level2" | "close"
    role: str  # the column role, or the canonical label


@dataclass
class FlatBlock:
    """One flattened indicator block: its place on the line and what was read of it."""

    line: int  # 1-based
    start: int  # 0-based columns of the block on the line
    end: int
    indicators: list[Indicator] | None  # None: flattened, but the counts disagree; read nothing


def flat_blocks(src: SourceText, lexicon: Lexicon, project: str) -> list[FlatBlock]:
    """The flattened indicator blocks of `src`, each read or marked unreadable."""
    vocab = lexicon.vocabulary
    units = frozenset((*(w for words in lexicon.units.values() for w in words), *vocab.glue_hints.time_units))
    found: list[FlatBlock] = []
    for index, line in enumerate(src.norm):
        if len(line) < 40 or "指标" not in line:
            continue
        tokens = _tokens(line, units)
        words = _words(tokens, vocab)
        for first, last in _blocks(tokens, words):
            local = {
                k - first: replace(w, first=w.first - first, last=w.last - first)
                for k, w in words.items()
                if first <= k <= last
            }
            block = _read_block(src, index, tokens[first : last + 1], local, lexicon, project)
            if block is not None:
                found.append(block)
    return found


def _tokens(line: str, units: frozenset[str]) -> list[_Token]:
    """The tokens of `line` apart by white space; a bare figure and a unit printed apart after it (units.txt,
    glue_cues 时间单位) are one token, as printed ("=2 个", "2 小时", "100 %": a PDF's text puts a space
    between a figure and its unit, which would make one cell of a row's tuple two)."""
    out: list[_Token] = []
    for m in _TOKEN.finditer(line):
        token = _Token(m.group(), m.start())
        if out and token.text in units and _BARE_FIGURE.match(out[-1].text):
            figure = out.pop()
            token = _Token(line[figure.start : token.start + len(token.text)], figure.start)
        out.append(token)
    return out


def _words(tokens: list[_Token], vocab: Vocabulary) -> dict[int, _Word]:
    """Header words, level labels and closing words, by the index of each token they cover."""
    out: dict[int, _Word] = {}
    i = 0
    while i < len(tokens):
        word = None
        for size in range(min(_JOIN, len(tokens) - i), 0, -1):
            word = _word_at(tokens, i, size, vocab)
            if word is not None:
                break
        if word is None:
            i += 1
            continue
        for k in range(word.first, word.last + 1):
            out[k] = word
        i = word.last + 1
    return out


def _word_at(tokens: list[_Token], i: int, size: int, vocab: Vocabulary) -> _Word | None:
    text = "".join(t.text for t in tokens[i : i + size])
    if size > 1 and any(_FIGURE.match(t.text) for t in tokens[i : i + size]):
        return None
    key = label_key(text)
    last = i + size - 1
    column = BRACKETED.sub("", key) or key  # "年初目标值(A)", "实际数(万元)": the heading without its bracket
    if column in vocab.columns:
        return _Word(i, last, "column", vocab.columns[column])
    if vocab.facts.get(key) in ("total_score", "end"):
        return _Word(i, last, "close", vocab.facts[key])
    if len(key) < 2:
        return None
    level2 = vocab.level2.get(key)
    if level2:
        return _Word(i, last, "level2", level2)
    level1 = vocab.level1.get(key)
    if level1:
        return _Word(i, last, "level1", level1)
    return None


def _blocks(tokens: list[_Token], words: dict[int, _Word]) -> list[tuple[int, int]]:
    """(first, last) token of each indicator block: from the first of the level headers (一级指标 二级指标
    三级指标, labels between them allowed) to the closing word (总分), the next project's 项目名称 or the
    next block."""
    starts: list[int] = []
    for i in range(len(tokens)):
        word = words.get(i)
        if word is None or word.kind != "column" or word.role != "level3" or word.first != i:
            continue
        if len(label_key(tokens[i].text)) < 3:  # "指标" alone is a word of many cells
            continue
        start = i
        k = i - 1
        while k >= 0 and (w := words.get(k)) is not None and (w.kind.startswith("level") or w.role in _LEVEL_HEADERS):
            if w.kind == "column":
                start = w.first
            k = w.first - 1
        if not starts or start > starts[-1]:
            starts.append(start)
    out = []
    for n, start in enumerate(starts):
        limit = starts[n + 1] - 1 if n + 1 < len(starts) else len(tokens) - 1
        close = next((k for k in range(start, limit + 1) if _closes(words.get(k))), None)
        out.append((start, close - 1 if close is not None else limit))
    return out


def _closes(word: _Word | None) -> bool:
    return word is not None and (word.kind == "close" or (word.kind == "column" and word.role == "project"))


def _read_block(
    src: SourceText,
    index: int,
    tokens: list[_Token],
    words: dict[int, _Word],
    lexicon: Lexicon,
    project: str,
) -> FlatBlock | None:
    vocab = lexicon.vocabulary
    shape = _shape(words)
    if not shape or not set(shape) & set(_NUMERIC_ROLES):
        return None
    free = [k for k in range(len(tokens)) if k not in words]
    tuples = _tuples([tokens[k] for k in free], shape)
    block = FlatBlock(index + 1, tokens[0].start, tokens[-1].start + len(tokens[-1].text), None)
    if not any(later == earlier + len(shape) for earlier, later in pairwise(tuples)):
        # No two rows' figures in one run: the rows are in order, read by the table reader, unless the
        # level header is printed after them with the 二级 labels (a header scattered by the PDF).
        return block if tuples and _labels_after_rows(words, free[tuples[0]], free[tuples[-1]]) else None
    taken = {free[t + j] for t in tuples for j in range(len(shape))}
    left = [k for k in free if k not in taken]
    at_value = shape.index("value") if "value" in shape else None
    values = [tokens[free[t + at_value]].text if at_value is not None else None for t in tuples]
    kinds = [parse_value(v, lexicon).kind if v else None for v in values]
    paired = _paired(tokens, words, left, kinds, vocab)
    if paired is None:
        return block
    names, labels = paired
    indicators = []
    for name, at, (label_at, level2) in zip(names, tuples, labels, strict=True):
        cells = {role: _located(src, index, tokens[free[at + j]]) for j, role in enumerate(shape)}
        first_part = tokens[name[0]]
        level3 = _printed(src, index, Located("".join(tokens[k].text for k in name), 0, 0), first_part)
        indicators.append(
            make_indicator(
                path=src.path,
                project=project,
                form=Form.SELF_EVALUATION if "score" in shape else Form.TARGET,
                period=None,
                level1=vocab.parent_of(level2) if level2 else None,
                level2=level2,
                level3=level3,
                value=cells.get("value"),
                row_line=index + 1,
                level2_cell=_located(src, index, tokens[label_at]) if label_at is not None else None,
                lexicon=lexicon,
                adjusted_value=cells.get("adjusted_value"),
                actual=cells.get("actual"),
                weight=cells.get("weight"),
                score=cells.get("score"),
            )
        )
    block.indicators = indicators
    return block


def _paired(
    tokens: list[_Token], words: dict[int, _Word], left: list[int], kinds: list[str | None], vocab: Vocabulary
) -> tuple[list[list[int]], list[tuple[int | None, str | None]]] | None:
    """The names among the tokens `left` and the 二级 label of each, when they are as many as the rows (the
    tuples, whose targets are of value `kinds`); None when no reading agrees in count.

    The names are read as before (a lone character ends the name before it) and, when those are not as
    many as the rows, as lines of a narrow column (`_wrapped_names`).  A block whose header has no 二级
    column and that prints no 二级 label (a table of 一级 labels only, "投入目标 / 产出目标"; "满意度指标" is
    a 一级 there) gives its rows no 二级.  Otherwise one label per row pairs by order; fewer labels than
    rows (a merged label printed once over its rows), two different at least, are shared out over the rows
    in order where the targets' kinds single out one cut (labels_before.spread: a count under 数量, a rate
    under 质量 …); one label alone says nothing of the rows it does not cover."""
    rows = len(kinds)
    level2_column = any(w.kind == "column" and w.role == "level2" for w in words.values())
    unlabelled = not level2_column and all(_is_level1(tokens, w, vocab) for w in words.values() if w.kind == "level2")
    wrapped = _wrapped_names(tokens, left)
    if any(w.kind.startswith("level") and name[0] < k < name[-1] for name in wrapped for k, w in words.items()):
        wrapped = []  # a label among a name's lines ("项目建成后 可持续影响 年限"): a line of it, or a merged
        # label printed at its rows' middle ("核心系统 产出目标 数据纳入")? The text does not tell.
    for names in (_names(tokens, left), wrapped):
        if len(names) != rows:
            continue
        if unlabelled:
            return names, [(None, None)] * rows
        labels = _labels(words, names)
        if len(labels) == rows:
            return names, [(at, level2) for at, level2 in labels]
        shared = _shared(labels, kinds) if _may_share(words, labels, vocab) else None
        if shared is not None:
            return names, shared
    return None


def _may_share(words: dict[int, _Word], labels: list[tuple[int, str]], vocab: Vocabulary) -> bool:
    """The block's 二级 labels may be shared out over its rows: two different at least, and every 一级 label
    the block prints has one of its 二级 among them (else a label was lost, and its rows would be given
    another's)."""
    level2 = {label for _, label in labels}
    parents = {vocab.parent_of(label) for label in level2}
    level1 = {w.role for w in words.values() if w.kind == "level1"}
    return len(level2) > 1 and level1 <= parents


def _shared(labels: list[tuple[int, str]], kinds: list[str | None]) -> list[tuple[int | None, str | None]] | None:
    """`labels` (token, 二级) shared out over rows of value `kinds` in order (labels_before.spread), each row
    with the token of its label; None when the kinds leave the cut open or a row holds a value of another
    产出 category's kind than its own (a date under 质量指标: the cut is then not what the kinds say)."""
    spread_out = spread([level2 for _, level2 in labels], kinds)
    if spread_out is None or any(not kind_fits(label, kind) for label, kind in zip(spread_out, kinds, strict=True)):
        return None
    out: list[tuple[int | None, str | None]] = []
    j = 0
    for level2 in spread_out:
        while labels[j][1] != level2:
            j += 1
        out.append((labels[j][0], level2))
    return out


def _is_level1(tokens: list[_Token], word: _Word, vocab: Vocabulary) -> bool:
    return vocab.level1.get(label_key("".join(t.text for t in tokens[word.first : word.last + 1]))) is not None


def _labels_after_rows(words: dict[int, _Word], first_row: int, last_row: int) -> bool:
    """The 一级/二级 column header printed after the first row's figures and a 二级 label after the last:
    no row can be told its 二级."""
    header = any(w.kind == "column" and w.role in ("level1", "level2") and k > first_row for k, w in words.items())
    label = any(w.kind == "level2" and k > last_row for k, w in words.items())
    return header and label


def _shape(words: dict[int, _Word]) -> tuple[str, ...]:
    """The roles of the columns a row's figures fill, in the order the header prints their words."""
    roles: list[str] = []
    for k in sorted(words):
        w = words[k]
        if w.kind == "column" and w.first == k and w.role in _TUPLE_ROLES and w.role not in roles:
            roles.append(w.role)
    return tuple(roles)


def _fits(text: str, role: str, worded: int | None = _MAX_WORDED) -> bool:
    """`text` may fill a tuple's `role`: 分值/得分 a figure, a target or an actual a figure or a word of at most
    `worded` characters (None: of any length)."""
    if role in _NUMERIC_ROLES:
        return bool(_FIGURE.match(text)) and (to_number(text) or 0.0) <= _MAX_WEIGHT
    return any(ch.isdigit() for ch in text) or worded is None or len(text) <= worded


def _tuple_at(tokens: list[_Token], i: int, shape: tuple[str, ...], worded: int | None = _MAX_WORDED) -> bool:
    if i < 0 or i + len(shape) > len(tokens):
        return False
    cells = [t.text for t in tokens[i : i + len(shape)]]
    return all(_fits(c, role, worded) for c, role in zip(cells, shape, strict=True)) and _scored(cells, shape)


def _tuples(tokens: list[_Token], shape: tuple[str, ...]) -> list[int]:
    """The index of the first token of each row tuple, read greedily from the left.

    A target or an actual in words is taken alone only when short ("及时", "达标"): a longer word may be a
    name.  Right before or after a row of a run, in a slot of exactly one tuple whose 分值/得分 are figures,
    a word of any length is the row's target or actual ("=76% 100% 20 20 服务范围扩大 及时 20 20 =67% …"):
    the run's rows have no name between them."""
    out = []
    i = 0
    size = len(shape)
    while i + size <= len(tokens):
        if _tuple_at(tokens, i, shape):
            out.append(i)
            i += size
        else:
            i += 1
    taken = set(out)
    grown = True
    while grown:
        grown = False
        for at in sorted(taken):
            for near in (at - size, at + size):
                clear = not any(near - size < other < near + size for other in taken)
                if clear and _tuple_at(tokens, near, shape, worded=None):
                    taken.add(near)
                    grown = True
    return sorted(taken)


def _scored(cells: list[str], shape: tuple[str, ...]) -> bool:
    """得分 no more than 分值 where a tuple has both."""
    if "weight" not in shape or "score" not in shape:
        return True
    weight, score = to_number(cells[shape.index("weight")]), to_number(cells[shape.index("score")])
    return weight is not None and score is not None and score <= weight


def _names(tokens: list[_Token], left: list[int]) -> list[list[int]]:
    """The 三级指标 names among the tokens left, each as the tokens it was printed in.

    Where names are numbered ("指标1:全县参合人数"), the names are the numbered tokens, each with the
    tokens printed right after it (the rest of a wrapped name); the other text is of other columns
    (偏差原因, 实施单位).  Otherwise every token with a Chinese character is a name, and a lone character
    is the end of the name before.  The single characters of a vertical label ("绩 效 指 标") and the
    points printed beside a label ("(50分", ")") are no name."""
    kept = _kept_names(tokens, left)
    names: list[list[int]] = []
    if any(_NUMBERED.match(tokens[k].text) for k in kept):
        for k in kept:
            if _NUMBERED.match(tokens[k].text):
                names.append([k])
            elif names and names[-1][-1] == k - 1:
                names[-1].append(k)
        return names
    for k in kept:
        if len(tokens[k].text) > 1:
            names.append([k])
        elif names:
            names[-1].append(k)
    return names


def _kept_names(tokens: list[_Token], left: list[int]) -> list[int]:
    """The tokens of `left` that may be part of a name: those with a Chinese character, but not the points
    printed beside a label ("(50分", ")") nor the single characters of a vertical label ("绩 效 指 标")."""
    kept = [k for k in left if _CJK.search(tokens[k].text) and not _POINTS.match(tokens[k].text)]
    single = {k for k in kept if len(tokens[k].text) == 1}
    return [k for k in kept if k not in single or not ({k - 1, k + 1} & single)]


def _wrapped_names(tokens: list[_Token], left: list[int]) -> list[list[int]]:
    """The names among the tokens left when each token is a line of a name wrapped in a narrow column
    ("预算执行 率 项目计划 完成率 购置灾备 云系统、备 份与恢复 系统"): a line as wide as the column's widest
    goes on in the next one, a shorter line ends its name; a name whose brackets are still open goes on
    ("建设灾备 云网络节 点(2 个)"), and a line opening with a closing bracket or of one character is the end
    of the name before it."""
    kept = _kept_names(tokens, left)
    if not kept:
        return []
    column = max(_width(tokens[k].text) for k in kept)
    names: list[list[int]] = []
    for k in kept:
        text = tokens[k].text
        if names and (_goes_on([tokens[j].text for j in names[-1]], column) or len(text) == 1 or text[0] in _CLOSING):
            names[-1].append(k)
        else:
            names.append([k])
    return names


def _goes_on(lines: list[str], column: float) -> bool:
    """A name printed in `lines` so far goes on in the next line: its last line fills the column (no room
    for one more character), or a bracket it opened is not closed."""
    text = "".join(lines)
    opened = sum(text.count(c) for c in _OPENING) > sum(text.count(c) for c in _CLOSING)
    return opened or _width(lines[-1]) > column - 1


def _width(text: str) -> float:
    """The printed width of `text` in Chinese characters: punctuation, Latin letters and figures take half."""
    return sum(1.0 if _CJK.match(ch) else 0.5 for ch in text)


def _labels(words: dict[int, _Word], names: list[list[int]]) -> list[tuple[int, str]]:
    """The 二级 labels of a block in order, with the token each starts at; a label printed again
    before any name ("满意度指标 服务对象满意度指标": the 一级 read as its only 二级) counts once."""
    starts = {name[0] for name in names}
    out: list[tuple[int, str]] = []
    for k in sorted(words):
        w = words[k]
        if w.kind != "level2" or w.first != k:
            continue
        if out and out[-1][1] == w.role and not any(out[-1][0] < at < k for at in starts):
            continue
        out.append((k, w.role))
    return out


def _located(src: SourceText, index: int, token: _Token) -> Located:
    return _printed(src, index, Located(token.text, 0, 0), token)


def _printed(src: SourceText, index: int, loc: Located, token: _Token) -> Located:
    """`loc` placed at `token` (1-based line and printed column), with the text as printed (not folded)
    when it is the token's own."""
    whole = loc.text == token.text and index not in src.origins
    text = src.lines[index][token.start : token.start + len(token.text)] if whole else loc.text
    return Located(text, index + 1, src.printed_column(index, token.start) + 1)


def apply_flat_blocks(doc: Document, src: SourceText, lexicon: Lexicon) -> None:
    """Put the reading of each flattened block in place of the rows read from it otherwise: the rows
    another reader placed inside the block go; the block's rows join the project they were read in
    (or the project printed before the block on its line, or a new one)."""
    for block in flat_blocks(src, lexicon, ""):
        low = src.printed_column(block.line - 1, block.start) + 1
        high = src.printed_column(block.line - 1, block.end - 1) + 1
        host: Project | None = None
        for project in doc.projects:
            inside = [i for i in project.indicators if i.line == block.line and low <= i.column <= high]
            if inside and host is None:
                host = project
            project.indicators = [i for i in project.indicators if i not in inside]
        if block.indicators is None:
            if host is not None and not host.indicators:
                host.garbled = True  # its only table unread: not scored as a project without indicators
            doc.notes.append(_unread_note(doc, block, host, low))
            continue
        if host is None:
            before = [p for p in doc.projects if (p.line, p.column) <= (block.line, low)]
            host = before[-1] if before else _new_project(doc, src, block, lexicon.vocabulary)
        for indicator in block.indicators:
            indicator.project = host.name
            indicator.form = host.form
        host.indicators.extend(block.indicators)
        host.indicators.sort(key=lambda i: (i.line, i.column))


def _unread_note(doc: Document, block: FlatBlock, host: Project | None, column: int) -> ParseProblem:
    where = f"项目“{host.name}”的指标表" if host else "指标表"
    grade = f"，评分记为“{GARBLED_GRADE}”" if host is not None and host.garbled else ""
    message = (
        f"{where}原文错乱（第 {block.line} 行：表格被压成一行，名称、数值和二级指标的顺序对不上），"
        f"未读取其指标行{grade}；请对照原件核实"
    )
    return ParseProblem(doc.path, block.line, column, message, severity="warning")


def _new_project(doc: Document, src: SourceText, block: FlatBlock, vocab: Vocabulary) -> Project:
    """A project for a block no reader found a table in, named by the 项目名称 printed before it."""
    assert block.indicators
    line = src.norm[block.line - 1][: block.start]
    tokens = [_Token(m.group(), m.start()) for m in _TOKEN.finditer(line)]
    name, at = Path(src.path).stem, 0
    for k, token in enumerate(tokens[:-1]):
        following = tokens[k + 1].text
        if vocab.columns.get(label_key(token.text)) == "project" and not vocab.is_label_start(following):
            name, at = following, tokens[k + 1].start
    project = Project(name=name, form=block.indicators[0].form, line=block.line, column=at + 1)
    doc.projects.append(project)
    return project
