"""Indicators a report names before a colon, one sentence each, under a category heading.

A self-evaluation report may print a category heading as a sentence of its own and then one sentence
per indicator, its name before a colon and its target after it, what was achieved after a comma:

    (1)数量指标。
    开展工作督导: 一个季度开展工作督导一次,共4次。
    开展绩效考核:一个季度开展绩效考核一次,共4次。

Each such sentence is an item of the heading's category (`named_sentences` finds how far they go on),
its name the words before the colon and its target the clause after it (`NAMED_ITEM`).  And a heading's
sentence of clauses joined by commas that ends in its only comparison ("6.可持续影响指标。降低交通事故
损失,提升公路交通安全保障水平≥95%。") states one indicator: its name is the whole sentence before the
comparison (`narrative_name_start`).
"""

from __future__ import annotations

from kpi_lint.lazy_re import lazy_compile
from kpi_lint.parse.numbering import DIGIT
from kpi_lint.vocab import GlueHints

# A name (no figure, sign or clause mark, ending in a Chinese character), its colon, and what it is to be.
NAMED_ITEM = lazy_compile(
    r"^\s*(?P<name>[^\d:：,，;；。≥≤=<>≧≦＞＜|\s][^\d:：,，;；。≥≤=<>≧≦＞＜|]{0,28}[\u4e00-\u9fff])\s*[:：]\s*"
    r"(?P<value>[^\s:：][^:：]{0,29}?)\s*$"
)
_FIRST_CLAUSE = lazy_compile(r"[^,，;；。]*")


def opens_named(folded: str, start: int) -> bool:
    """Whether the clause at `start` is a name, its colon and a target ("开展工作督导:一个季度…")."""
    clause = _FIRST_CLAUSE.match(folded, start)
    return clause is not None and NAMED_ITEM.match(clause.group()) is not None


def named_sentences(folded: str, start: int, stop: int, end: int) -> list[tuple[int, int]]:
    """The sentences a category heading heads, from `start`: the first (ending at `stop`) alone, or, when it
    opens with a named item ("开展工作督导:…"), it and every sentence after it, up to `end` (the next label),
    that opens with one too."""
    spans = [(start, stop)]
    if not opens_named(folded, start):
        return spans
    while stop < end and folded.startswith("。", stop) and opens_named(folded, stop + 1):
        start = stop + 1
        stop = folded.find("。", start, end)
        stop = stop if stop >= 0 else end
        spans.append((start, stop))
    return spans


def narrative_name_start(clauses: list[tuple[int, str]], read_at: int) -> int | None:
    """Where the name of a narrative sentence's only target begins: its first clause, when the target is read
    from the sentence's last clause (at `read_at`) and no clause before it holds a figure; None otherwise."""
    before = [(at, plain) for at, plain in clauses if plain.strip()]
    if len(before) < 2 or before[-1][0] != read_at:
        return None
    if any(DIGIT.search(plain) for _, plain in before[:-1]):
        return None
    return before[0][0]


def sentences(folded: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The sentences of folded[start:stop], each (start, stop) without its full stop."""
    spans: list[tuple[int, int]] = []
    while (cut := folded.find("。", start, stop)) >= 0:
        spans.append((start, cut))
        start = cut + 1
    return [*spans, (start, stop)]


def bare_name(name: str, hints: GlueHints) -> str:
    """A target clause's name without the report's subject opening it, the verb opening the clause or the modal
    closing the name (glue_cues.txt 报告主语 + 主语副词 / 目标前导 / 目标情态: "我市共发生森林火灾" → "发生森林火灾",
    "确保风景区空气质量优良率" → "风景区空气质量优良率", "…获取率应" → "…获取率")."""
    for subject in hints.subjects:  # "我市共发生森林火灾" → "发生森林火灾"
        rest = name[len(subject) :] if name.startswith(subject) else ""
        rest = next((rest[len(a) :] for a in hints.subject_adverbs if rest.startswith(a)), rest)
        if len(rest) >= 2:
            name = rest
            break
    for lead in hints.clause_leads:
        if name.startswith(lead) and len(name) - len(lead) >= 2:
            name = name[len(lead) :]
            break
    for modal in hints.modal_words:
        if name.endswith(modal) and len(name) - len(modal) >= 2:
            return name[: -len(modal)]
    return name


def semicolon_list(folded: str, start: int, stop: int) -> bool:
    """Whether folded[start:stop] is a sentence of items set apart by semicolons (commas may join an item's
    clauses: "…发生森林火灾3起,低于控制指标82起;火案查处率100%;…")."""
    return any(mark in folded[start:stop] for mark in ";；")


def heading_sentences(folded: str, start: int, stop: int, end: int, paragraph_end: int) -> list[tuple[int, int]]:
    """The sentences a category heading heads, from `start` (the first ending at `stop`) up to `end`, the next
    label: sentences naming each indicator before a colon (`named_sentences`), or the first sentence and
    every later one of its paragraph (up to `paragraph_end`) that is a list apart by semicolons (a summary may
    come first: "该项指标完成100%。")."""
    if opens_named(folded, start):
        return named_sentences(folded, start, stop, end)
    paragraph_end = min(paragraph_end, end)
    rest = sentences(folded, stop + 1, paragraph_end) if stop < paragraph_end else []
    return [(start, stop), *(span for span in rest if semicolon_list(folded, *span))]
