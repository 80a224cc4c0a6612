"""Text → grid: the row marks of a table copied one cell per line."""

from __future__ import annotations

from pathlib import Path

from kpi_lint.read.source import read_source
from kpi_lint.read.text_grid import text_grid

WILD = Path(__file__).resolve().parents[2] / "corpus" / "wild"


def test_a_line_of_several_pipes_closes_a_row_and_a_lone_pipe_does_not() -> None:
    """j05 (四川 大英县民政局): cells one per line with "        | " between them, "  ||||" after a row."""
    grid = text_grid(read_source(WILD / "j05_sichuan_civilaffairs_dept_selfeval.txt"))
    first = grid.rows[: next(i for i, row in enumerate(grid.rows) if row.closes) + 1]
    assert [[c.text for c in row.cells] for row in first if row.cells] == [
        ["项目完成指标"],
        ["质量指标"],
        ["改善养老服务基础条件"],
        ["改善条件"],
        ["明显改善"],
    ]
    assert [row.closes for row in first if not row.cells] == [False] * 5 + [True]
    assert sum(row.closes for row in grid.rows) == 5  # five table rows in the excerpt


def _grid(name: str) -> list[list[tuple[str, bool]]]:
    from kpi_lint.lexicon import load_lexicon

    vocab = load_lexicon().vocabulary
    src = read_source(WILD / name)
    grid = text_grid(src, vocab.word_pattern, vocab.label_pattern, vocab.header_cover)
    return [[(c.text, c.glued) for c in row.cells] for row in grid.rows]


def test_a_preview_in_numbered_chunks_with_wrapped_words_is_read_as_one_run_of_cells() -> None:
    """e02 (湖南 衡山县, a .docx previewed on a document-sharing site): "1、…" "2、…" chunks, the
    separators lost and the words wrapped inside cells kept as spaces ("数量 指标", "管理制 度")."""
    rows = _grid("e02_hunan_grain_selfeval.txt")
    cells = [cell for row in rows for cell in row]
    assert ("数量指标", False) in cells and ("服务对象满意度指标", False) in cells
    header = [text for text, _ in cells[cells.index(("一级指标", False)) :][:6]]
    assert header == ["一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "未完成原因和改进措施"]
    glued = "县级储备粮管理制度严格执行率100%100%储备粮管理专户管理率100%100%县级储备粮库存粮食明显变质比例00"
    assert (glued, True) in cells
    assert not any(text.startswith(("2、", "3、")) for text, _ in cells)  # the chunk numbers are no cells
    assert all(len(row) == 1 for row in rows[2:])  # one cell per row, in reading order


def test_single_spaces_between_cells_are_kept() -> None:
    """a06 (四川 昭化区): a row per line, cells separated by single spaces — no word is broken by them."""
    rows = _grid("a06_sichuan_health_declaration.txt")
    assert any(len(row) >= 3 and not any(glued for _, glued in row) for row in rows)


def _label_cells(text: str) -> list[str]:
    """The cells the text reader makes of one line `text` (a table copied one cell per line)."""
    from kpi_lint.lexicon import load_lexicon
    from kpi_lint.read.source import source_from_text

    vocab = load_lexicon().vocabulary
    grid = text_grid(source_from_text(text), vocab.word_pattern, vocab.label_pattern, vocab.header_cover)
    return [c.text for row in grid.rows for c in row.cells]


def test_a_label_with_a_piece_said_twice_is_one_cell() -> None:
    """s04's 二级 cell prints "社会效益效益指标" (社会效益指标 with 效益 doubled): copied one cell per line it is
    one cell, not the 二级 社会效益 followed by the 一级 效益指标 (which made the row "效益指标" with no target)."""
    assert _label_cells("社会效益效益指标") == ["社会效益效益指标"]
    assert _label_cells("经济效益效益指标") == ["经济效益效益指标"]


def test_two_labels_glued_whole_are_still_two_cells() -> None:
    """A 一级 and its 二级 glued ("效益指标经济效益指标"), or two 二级 that share no word said twice, stay two cells."""
    assert _label_cells("效益指标经济效益指标") == ["效益指标", "经济效益指标"]
    assert _label_cells("数量指标质量指标") == ["数量指标", "质量指标"]


def test_a_literal_separator_cuts_where_its_pattern_would() -> None:
    """_split cuts a line at a literal separator (tab, "|", a space) with str.split: on every line of the wild
    text files it gives the pieces and columns that matching the separator as a pattern gives."""
    import re

    from kpi_lint.read.text_grid import _split

    def by_pattern(text: str, sep: str) -> list[tuple[int, str]]:
        pieces, start = [], 0
        for m in re.finditer(re.escape(sep), text):
            pieces.append((start, text[start : m.start()]))
            start = m.end()
        return [*pieces, (start, text[start:])]

    wild = Path(__file__).parents[2] / "corpus" / "wild"
    lines = [line for path in sorted(wild.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]
    cut = 0
    for line in lines:
        for sep in ("\t", "|", " "):
            assert _split(line, sep) == by_pattern(line, sep), (line, sep)
            cut += sep in line
    assert cut >= 5_000, cut  # cuts made, not only whole lines (6,185 on the 184 files of session 21)
