"""What kind of file this is, by its first bytes (magic numbers), not by its name."""

from __future__ import annotations

import zipfile
from io import BytesIO

from kpi_lint.model import Layout
from kpi_lint.read.mhtml import is_mhtml


def sniff(data: bytes) -> Layout | str:
    """The reader for `data`: a Layout, or a Chinese phrase naming a kind kpi-lint does not read."""
    head = data[:8]
    if head.startswith(b"%PDF-"):
        return Layout.PDF
    if head.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(BytesIO(data)).namelist())
        except zipfile.BadZipFile:
            return "损坏的 ZIP/Office 文件"
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


def _ole(data: bytes) -> Layout | str:
    """An OLE compound file (Office 97-2003, WPS): what its streams say it holds."""
    import olefile

    try:
        streams = {"/".join(entry) for entry in olefile.OleFileIO(data).listdir(streams=True, storages=False)}
    except Exception:  # olefile's own errors and IO errors of a truncated container
        return "损坏的 Office 97-2003 文件"
    if streams & {"Workbook", "Book"}:
        return Layout.XLS
    if "WordDocument" in streams:
        return "Word 97-2003 文档（.doc），请用 Word 或 WPS 另存为 .docx 后再检查"
    if "EncryptedPackage" in streams:
        return "加密的 Office 文件（设有打开密码），请去掉密码另存后再检查"
    if "PowerPoint Document" in streams:
        return "PowerPoint 97-2003 演示文稿"
    return "Office 97-2003 复合文档（不是 Excel 工作簿或 Word 文档）"
