"""Reading bytes into lines: encodings, line ends, full-width forms, bad input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kpi_lint.errors import InputError
from kpi_lint.read import iter_input_files, read_source
from kpi_lint.read.files import Skipped
from kpi_lint.read.source import UNFOLDED, decode_bytes, fold, fold_char
from tests.corpus import CORPUS_DIR, corpus_path

SAMPLE = "项目名称\t城乡居民医疗保险县级配套\n满意度\t≥95％\n"


def test_utf8_corpus_file_reads_with_line_numbers() -> None:
    src = read_source(corpus_path("000"))
    assert src.encoding == "utf-8"
    assert len(src.lines) == 3830  # 3829 newlines, last line unterminated
    assert src.lines[995] == "项目名称 城乡居民医疗保险县级配套"  # line 996 of the file


@pytest.mark.parametrize(
    ("encoding", "expected"), [("utf-8-sig", "utf-8-sig"), ("gb18030", "gb18030"), ("gbk", "gb18030")]
)
def test_encodings_are_detected(tmp_path: Path, encoding: str, expected: str) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(corpus_path("001").read_text(encoding="utf-8").encode(encoding))
    src = read_source(path)
    assert src.encoding == expected
    assert src.lines == read_source(corpus_path("001")).lines


def test_every_real_disclosure_saved_as_gb18030_reads_back_as_written() -> None:
    """Departments save text as GB18030/GBK as often as UTF-8.  charset-normalizer, left free, named
    no encoding for four wild files saved so (a09, d11, g09, m07: short excerpts, mostly digits) and
    a Japanese code page for g04 (euc_jis_2004: read as mojibake)."""
    misread = []
    paths = sorted(CORPUS_DIR.glob("*.txt")) + sorted((CORPUS_DIR / "wild").glob("*.txt"))
    for path in paths:
        text = path.read_text(encoding="utf-8")
        try:
            data = text.encode("gb18030")
        except UnicodeEncodeError:
            continue
        decoded, encoding = decode_bytes(data, str(path))
        if (decoded, encoding) != (text, "gb18030"):
            misread.append((path.name, encoding))
    assert len(paths) > 130 and misread == []


def test_a_gb18030_file_whose_first_bytes_happen_to_be_utf8_is_read_as_gb18030() -> None:
    """wild r05 opens with 专 (D7 A8 in GB18030, a valid two-byte UTF-8 letter): UTF-8 fails only at byte 2 and
    charset-normalizer names nothing for the short, mostly-digit table; it is read as GB18030 all the same."""
    text = "专项名称普惠金融发展专项资金创业担保贷款发放额增长率≥10%115.25%20%20得分合计100。"
    assert text.encode("gb18030")[:2].decode("utf-8") == "\u05e8"
    assert decode_bytes(text.encode("gb18030"), "r05.txt") == (text, "gb18030")
    # A UTF-8 text damaged after a Chinese character stays refused (it would read as GB18030 mojibake).
    with pytest.raises(InputError, match="不是有效的 UTF-8"):
        decode_bytes("专项名称".encode() + b"\xff\xfe" + "资金".encode(), "damaged.txt")


def test_traditional_text_saved_as_big5_is_not_read_as_gb18030() -> None:
    """A Big5 file also decodes, as mojibake, as GB18030: the detected Big5 is kept."""
    text = "項目支出績效目標表\n一級指標\t二級指標\t三級指標\t指標值\n產出指標\t數量指標\t培訓人數\t不少於200人\n"
    decoded, encoding = decode_bytes(text.encode("big5"), "big5.txt")
    assert decoded == text and encoding.startswith("big5")


def test_crlf_and_cr_line_ends_give_the_same_lines(tmp_path: Path) -> None:
    crlf, cr = tmp_path / "crlf.txt", tmp_path / "cr.txt"
    crlf.write_bytes(SAMPLE.replace("\n", "\r\n").encode("utf-8"))
    cr.write_bytes(SAMPLE.replace("\n", "\r").encode("utf-8"))
    assert read_source(crlf).lines == read_source(cr).lines == ["项目名称\t城乡居民医疗保险县级配套", "满意度\t≥95％"]


def test_fullwidth_is_folded_for_parsing_but_kept_for_display(tmp_path: Path) -> None:
    path = tmp_path / "fw.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    src = read_source(path)
    assert src.lines[1] == "满意度\t≥95％"
    assert src.norm[1] == "满意度\t≥95%"
    assert all(len(a) == len(b) for a, b in zip(src.lines, src.norm, strict=True))


def test_fold_keeps_length_and_meaningful_signs() -> None:
    assert fold("＞９０％（元）") == ">90%（元）"
    assert fold("㎡") == "㎡"  # NFKC would make it "m2": not one-for-one, so kept


def test_characters_fold_skips_are_their_own_folding() -> None:
    # fold returns a text of only these characters untouched, without its table: each must fold to itself.
    skipped = re.compile(f"[{UNFOLDED}]")
    changed = [hex(c) for c in range(0x30000) if skipped.match(chr(c)) and fold_char(chr(c)) != chr(c)]
    assert changed == []
    assert fold("指标值：≥95％，（元）") == "指标值：≥95%，（元）"
    assert fold("产出指标（数量）、“满意度”《办法》") == "产出指标（数量）、“满意度”《办法》"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "文件为空"),
        (b"   \n\n", "文件为空"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "二进制文件"),
        (b"plain ascii text without any table", "不像中文文本"),
    ],
)
def test_bad_files_raise_one_line_errors(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        read_source(path)
    assert message in str(info.value)
    assert str(path) in str(info.value)
    assert "\n" not in str(info.value)


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="文件不存在"):
        read_source(tmp_path / "nope.txt")


def test_folders_expand_recursively_and_missing_paths_are_reported(tmp_path: Path) -> None:
    items = list(iter_input_files([CORPUS_DIR, tmp_path / "missing"]))
    files = [i for i in items if isinstance(i, Path)]
    errors = [i for i in items if isinstance(i, InputError)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [f.name[:3] for f in files if f.parent == CORPUS_DIR] == ["000", "001", "002", "003", "004"]
    assert any(f.parent.name == "wild" and f.name.startswith("a01_") for f in files)  # recursively
    # Files of a kind not read are named (the labels, the wild set's expected rows), never dropped silently.
    assert any(Path(s.path).name == "values.csv" for s in skipped)
    assert len(errors) == 1 and errors[0].message == "路径不存在"


def test_damaged_utf8_names_the_line_of_the_first_bad_byte(tmp_path: Path) -> None:
    data = corpus_path("001").read_bytes()
    path = tmp_path / "damaged.txt"
    path.write_bytes(data[:5000] + b"\xff\xfe\x80" + data[5000:])
    with pytest.raises(InputError) as info:
        read_source(path)
    assert info.value.line == data[:5000].count(b"\n") + 1 == 74
    expected = "无法识别文件编码：不是有效的 UTF-8（从第 5000 字节起无效），也不像 GB18030/GBK"
    assert str(info.value) == f"{path}:74: {expected}"


def test_a_file_reached_twice_is_read_once(tmp_path: Path) -> None:
    """`kpi-lint check corpus corpus/wild`: the wild files are in both; each is read once, where it was
    first reached, so that no finding or peer count is doubled."""
    inner = tmp_path / "wild"
    inner.mkdir()
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (inner / "b.txt").write_text("x", encoding="utf-8")
    (inner / "c.xyz").write_text("x", encoding="utf-8")
    found = list(iter_input_files([tmp_path, inner, inner / "b.txt", tmp_path / "a.txt"]))
    assert found == [tmp_path / "a.txt", inner / "b.txt", Skipped(str(inner / "c.xyz"))]
