"""Any supported file → blocks (paragraphs and grids), chosen by the file's content."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kpi_lint.collector import import_paused
from kpi_lint.errors import InputError
from kpi_lint.grid import Block, LeftOut
from kpi_lint.model import Layout
from kpi_lint.read.mhtml import is_mhtml, mhtml_page
from kpi_lint.read.sniff import Damaged, cut_off, sniff
from kpi_lint.read.source import SourceText, decode_bytes, read_bytes, source_from_text

# A reader's libraries are imported on its first file, with the cyclic collector paused
# (kpi_lint.collector): mid-run, an import's new objects would set off full passes over what the run holds.
_XLSX_LIBRARIES = ("openpyxl", "python_calamine", "lxml.etree")


@dataclass
class Blocks:
    layout: Layout
    encoding: str
    blocks: list[Block]
    # The decoded lines of a text file.  Its grid (text_grid) is left to the parser, which first
    # tries the readers of the sample layouts on the lines themselves.
    source: SourceText | None = None
    # What the reader did not read (hidden sheets, rows, columns), for the document's notes.
    left_out: list[LeftOut] = field(default_factory=list)


def read_blocks(path: str | Path) -> Blocks:
    """Read one file of any supported kind; every failure is an InputError naming the problem."""
    name = str(path)
    data = read_bytes(path)
    kind = sniff(data)
    if isinstance(kind, Damaged):
        raise InputError(name, kind.message)
    if not isinstance(kind, Layout):
        raise InputError(name, f"不支持的文件类型：{kind}")
    try:
        if kind is Layout.PDF:
            import_paused("kpi_lint.read.pdf_reader", "pdfplumber")
            from kpi_lint.read.pdf_reader import read_pdf

            return Blocks(kind, "pdf", read_pdf(data, name))
        if kind is Layout.DOCX:
            import_paused("kpi_lint.read.docx_reader", "docx")
            from kpi_lint.read.docx_reader import read_docx

            return Blocks(kind, "docx", read_docx(data))
        if kind is Layout.XLSX:
            import_paused("kpi_lint.read.xlsx_reader", *_XLSX_LIBRARIES)
            from kpi_lint.read.xlsx_reader import read_xlsx

            sheets = read_xlsx(data)
            return Blocks(kind, "xlsx", sheets.blocks, left_out=sheets.left_out)
        if kind is Layout.XLS:
            import_paused("kpi_lint.read.xlsx_reader", *_XLSX_LIBRARIES)
            from kpi_lint.read.xlsx_reader import read_xls

            sheets = read_xls(data)
            return Blocks(kind, "xls", sheets.blocks, left_out=sheets.left_out)
    except InputError:
        raise
    except Exception as exc:  # a damaged office file, or a PDF cut short
        damaged = cut_off(data, "PDF") if kind is Layout.PDF else None
        problem = damaged.message if damaged else f"无法读取 {kind.value.upper()} 文件：文件已损坏或格式不符"
        raise InputError(name, problem) from exc
    if kind is Layout.HTML and is_mhtml(data):
        page = mhtml_page(data)
        if page is None:
            raise InputError(name, "单一文件网页（.mht）中没有网页正文（text/html）")
        text, encoding = page
    else:
        text, encoding = decode_bytes(data, name)
    if kind is Layout.HTML:
        import_paused("kpi_lint.read.html_reader", "lxml.html")
        from kpi_lint.read.html_reader import read_html

        try:
            return Blocks(kind, encoding, read_html(text))
        except Exception as exc:
            raise InputError(name, "无法解析网页文件：网页结构已损坏") from exc
    from kpi_lint.read.source import check_text

    check_text(text, name, encoding)
    src = source_from_text(text, name, encoding)
    return Blocks(Layout.TEXT, encoding, [], src)
