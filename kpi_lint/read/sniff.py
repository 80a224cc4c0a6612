"""What kind of file this is, by its first bytes (magic numbers), not by its name."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from io import BytesIO

from kpi_lint.model import Layout
from kpi_lint.read.mhtml import is_mhtml

CUT_OFF = "文件不完整：{kind}缺少文件结尾，可能在下载、复制或传送时被截断，请重新获取原文件"


@dataclass(frozen=True)
class Damaged:
    """A file of a kind kpi-lint reads that cannot be opened: `message` says what is wrong, in one line."""

    message: str


def cut_off(data: bytes, kind: str) -> Damaged | None:
    """`data` as a file cut short: a ZIP (docx, xlsx) without its end-of-central-directory record, a PDF
    without its %%EOF marker (every writer ends a PDF with one; a few bytes of padding may follow)."""
    tail = data[-66000:] if kind == "ZIP" else data[-2048:]
    marker = b"PK\x05\x06" if kind == "ZIP" else b"%%EOF"
    if marker in tail:
        return None
    return Damaged(CUT_OFF.format(kind="Office 文件（.docx/.xlsx）" if kind == "ZIP" else "PDF "))


def sniff(data: bytes) -> Layout | Damaged | str:
    """The reader for `data`: a Layout, a damaged file of a kind it reads, or a Chinese phrase naming a
    kind kpi-lint does not read."""
    head = data[:8]
    if head.startswith(b"%PDF-"):
        return Layout.PDF
    if head.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(BytesIO(data)).namelist())
        except zipfile.BadZipFile:
            return cut_off(data, "ZIP") or Damaged("Office 文件（.docx/.xlsx）已损坏，无法打开（ZIP 结构有误）")
        if "word/document.xml" in names:
            return Layout.DOCX
        if "xl/workbook.xml" in names:
            return Layout.XLSX
        if any(n.startswith("ppt/") for n in names):
            return "PowerPoint 演示文稿"
        return "ZIP 压缩包（请先解压）"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return _ole(data)
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")):
        return "图片文件（扫描件，需先 OCR 识别为文字）"
    if head.startswith((b"Rar!", b"7z\xbc\xaf", b"\x1f\x8b")):
        return "压缩包（请先解压）"
    if head.startswith(b"{\\rtf"):
        return "RTF 文档（请另存为 .docx）"
    if is_mhtml(data):
        return Layout.HTML  # a web page saved as one file (.mht)
    sample = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if sample.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<table" in data[:200000].lower():
        return Layout.HTML
    return Layout.TEXT


def _ole(data: bytes) -> Layout | Damaged | str:
    """An OLE compound file (Office 97-2003, WPS): what its streams say it holds."""
    import olefile

    try:
        streams = {"/".join(entry) for entry in olefile.OleFileIO(data).listdir(streams=True, storages=False)}
    except Exception:  # olefile's own errors and IO errors of a truncated container
        return Damaged("Office 97-2003 文件（.xls/.doc）已损坏或不完整，无法打开")
    if streams & {"Workbook", "Book"}:
        return Layout.XLS
    if "WordDocument" in streams:
        return "Word 97-2003 文档或 WPS 文字旧格式文档（.doc/.wps），请用 Word 或 WPS 另存为 .docx 后再检查"
    if "EncryptedPackage" in streams:
        return "加密的 Office 文件（设有打开密码），请去掉密码另存后再检查"
    if "PowerPoint Document" in streams:
        return "PowerPoint 97-2003 演示文稿"
    return "Office 97-2003 复合文档（不是 Excel 工作簿或 Word 文档）"
