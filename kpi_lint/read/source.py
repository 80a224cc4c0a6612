"""Decoding a text extraction into lines, keeping the printed text.

Two views of every line are kept, of equal length so that a column found in
one is the column in the other:

* ``lines``: the text as printed (for display and for the extracted values);
* ``norm``: the same characters with full-width forms folded (％→%, ＞→>,
  ２→2 …) so the parsers need only know one spelling.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from kpi_lint.collector import import_paused
from kpi_lint.errors import InputError
from kpi_lint.han import HAN
from kpi_lint.lazy_re import lazy_compile
from kpi_lint.read.script import is_traditional, simplify

# Characters NFKC would fold but that carry meaning as printed in a table.
_KEEP = {"≥", "≤", "…", "—", "（", "）", "：", "，", "；"}
_EXTRA = {"\u3000": " ", "－": "-", "～": "~", "〜": "~"}
_CJK_FAMILY = ("gb18030", "gbk", "gb2312", "hz", "big5", "big5hkscs", "cp936")
_GB_FAMILY = frozenset({"gb18030", "gbk", "gb2312", "cp936"})  # GB18030 decodes whatever these can


@dataclass(frozen=True)
class SourceText:
    path: str
    encoding: str
    lines: list[str]
    norm: list[str]
    # Lines whose characters moved when the text was read (a pinyin gloss taken out of a page in
    # traditional characters, kpi_lint.read.script): line index → printed column of each column.
    origins: dict[int, tuple[int, ...]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.lines)

    def printed_column(self, index: int, column: int) -> int:
        """The 0-based column in the printed line `index` of `column` in `lines[index]`."""
        moved = self.origins.get(index)
        return moved[min(column, len(moved) - 1)] if moved else column


def fold_char(ch: str) -> str:
    """Full-width → half-width for one character, only when it stays one character."""
    if ch in _EXTRA:
        return _EXTRA[ch]
    if ch in _KEEP or ord(ch) < 0x80:
        return ch
    folded = unicodedata.normalize("NFKC", ch)
    return folded if len(folded) == 1 else ch


class _FoldTable(dict[int, str]):
    """str.translate table filled on first sight of each character (folding is hot: every line)."""

    def __missing__(self, key: int) -> str:
        folded = fold_char(chr(key))
        self[key] = folded
        return folded


_FOLD_TABLE = _FoldTable()
# Characters `fold_char` leaves as they are, most of a Chinese text: ASCII, the CJK unified ideographs
# and the punctuation printed in Chinese (tests/read checks every one).  A text of only these is its
# own folding, found by one scan instead of a table lookup per character.
UNFOLDED = "\x00-\x7f\u4e00-\u9fff" + "".join(sorted(_KEEP)) + "、。“”‘’《》〈〉【】「」『』"
_MAY_FOLD = lazy_compile(f"[^{UNFOLDED}]")


def fold(text: str) -> str:
    """Normalize full-width forms without changing the length of `text`."""
    if _MAY_FOLD.search(text) is None:
        return text
    return text.translate(_FOLD_TABLE)


def decode_bytes(data: bytes, path: str) -> tuple[str, str]:
    """Return (text, encoding name) or raise InputError naming the problem."""
    if not data.strip():
        raise InputError(path, "文件为空")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise InputError(path, f"文件带 UTF-8 BOM 但第 {exc.start} 字节起不是有效的 UTF-8") from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(path, "文件带 UTF-16 BOM 但内容无法解码") from exc
    if b"\x00" in data[:8192]:
        raise InputError(path, "二进制文件（含 NUL 字节），不是文本提取结果")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        # Without its traceback: kept, the traceback's frame (which holds `data` and the error) would make
        # a reference cycle, freed only by a full pass of the cyclic collector.
        utf8_error = exc.with_traceback(None)
    # Chinese text that is not UTF-8 is GB18030/GBK or Big5: left free, charset-normalizer sometimes
    # names a Japanese code page for a GB file (euc_jis_2004), and decodes it as mojibake.
    import_paused("charset_normalizer")  # on first use (most files are UTF-8), the collector paused
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(_CJK_FAMILY)).best()
    if best is None and (gb_text := _gb18030_text(data, utf8_error)) is not None:
        return gb_text, "gb18030"
    if best is None:
        # Most often a UTF-8 file with a few damaged bytes: say where, so it can be repaired.
        line = data[: utf8_error.start].count(b"\n") + 1
        raise InputError(
            path,
            f"无法识别文件编码：不是有效的 UTF-8（从第 {utf8_error.start} 字节起无效），也不像 GB18030/GBK",
            line=line,
        )
    encoding = best.encoding
    if encoding.replace("_", "").lower() in _GB_FAMILY:
        encoding = "gb18030"  # the superset: decodes whatever GBK/GB2312 can
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(path, f"按 {encoding} 解码失败（第 {exc.start} 字节）") from exc
    return text, encoding


_NON_ASCII = re.compile(rb"[\x80-\xff]")
_NON_ASCII_TEXT = lazy_compile(r"[^\x00-\x7f]")
# Non-ASCII characters GB18030 bytes may spell as valid UTF-8 before UTF-8 decoding fails.
_UTF8_BY_CHANCE = 2


def _gb18030_text(data: bytes, utf8_error: UnicodeDecodeError) -> str | None:
    """`data` as GB18030 when charset-normalizer names no encoding (it gives up on some short GB files
    whose text is mostly digits and punctuation): only when UTF-8 already fails at once — at the first
    non-ASCII byte, or after at most `_UTF8_BY_CHANCE` non-Chinese characters that a GB pair can form by
    chance (专 is D7 A8 in GB18030, a valid two-byte UTF-8 letter) — since a UTF-8 file damaged further on
    would decode as GB18030 mojibake, and only when the result reads as Chinese text."""
    first = _NON_ASCII.search(data)
    if first is None:
        return None
    before = data[first.start() : utf8_error.start].decode("utf-8")  # valid: UTF-8 failed only after it
    if len(_NON_ASCII_TEXT.findall(before)) > _UTF8_BY_CHANCE or HAN.search(before):
        return None
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    return text if _looks_like_text(text) else None


_CONTROL = lazy_compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _looks_like_text(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    controls = len(_CONTROL.findall(sample))
    return controls / len(sample) < 0.01 and HAN.search(sample) is not None


def split_lines(text: str) -> list[str]:
    """Split on LF, CRLF or CR; a trailing newline does not add a line."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def source_from_text(text: str, path: str = "<text>", encoding: str = "utf-8") -> SourceText:
    """The lines of a decoded text; a page in traditional characters is read as simplified."""
    lines = split_lines(text)
    if lines and lines[-1] == "":
        lines.pop()
    origins: dict[int, tuple[int, ...]] = {}
    if is_traditional(text):
        simplified = simplify(lines)
        lines, origins = simplified.lines, simplified.origins
    return SourceText(path=path, encoding=encoding, lines=lines, norm=[fold(x) for x in lines], origins=origins)


def read_bytes(path: str | Path) -> bytes:
    """The bytes of one file; every failure is an InputError."""
    name = str(path)
    try:
        return Path(path).read_bytes()
    except FileNotFoundError as exc:
        raise InputError(name, "文件不存在") from exc
    except IsADirectoryError as exc:
        raise InputError(name, "这是一个文件夹，不是文件") from exc
    except PermissionError as exc:
        raise InputError(name, "没有读取权限") from exc
    except OSError as exc:
        raise InputError(name, f"无法读取：{exc.strerror or exc}") from exc


def check_text(text: str, name: str, encoding: str) -> None:
    if not _looks_like_text(text):
        raise InputError(
            name, f"内容不像中文文本（按 {encoding} 解码后无汉字或含大量控制字符），可能是二进制或编码错误"
        )


def read_source(path: str | Path) -> SourceText:
    """Read one text file into a SourceText; every failure is an InputError."""
    name = str(path)
    data = read_bytes(path)
    text, encoding = decode_bytes(data, name)
    check_text(text, name, encoding)
    return source_from_text(text, name, encoding)
