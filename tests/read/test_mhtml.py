"""A web page saved as one file (.mht, "单一文件网页"): Word, WPS and IE write a MIME message whose
text/html part is the page, quoted-printable in GB2312."""

from __future__ import annotations

from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from kpi_lint.errors import InputError
from kpi_lint.model import Layout
from kpi_lint.parse import parse
from tests.wild.rows import expected_rows, parsed_rows

OFFICE = Path(__file__).resolve().parent.parent / "fixtures" / "office"


def _save_as_one_file(page: bytes | None, path: Path) -> Path:
    message = EmailMessage()
    message["From"] = "<由 Microsoft Internet Explorer 11 保存>"
    message["Subject"] = "绩效自评表"
    message["MIME-Version"] = "1.0"
    message.make_related()
    if page is not None:
        message.add_related(page, maintype="text", subtype="html", cte="quoted-printable", params={"charset": "gb2312"})
    message.add_related(b"\x89PNG\r\n", maintype="image", subtype="png", cte="base64")
    path.write_bytes(message.as_bytes(policy=policy.SMTP))
    return path


def test_a_page_saved_as_one_file_reads_like_the_page(tmp_path: Path) -> None:
    html = (OFFICE / "selfeval.html").read_text(encoding="utf-8")
    mht = _save_as_one_file(html.encode("gb18030"), tmp_path / "自评表.mht")
    doc = parse(mht)
    assert doc.layout is Layout.HTML
    assert parsed_rows(doc) == expected_rows(OFFICE / "selfeval.expected.csv")
    assert [p.name for p in doc.projects] == ["城乡居民医疗保险工作经费", "城乡医疗救助本级补助"]
    assert (
        doc.indicators[0].spans["level3"].anchor == parse(OFFICE / "selfeval.html").indicators[0].spans["level3"].anchor
    )


def test_a_one_file_page_without_a_page_is_one_clear_error(tmp_path: Path) -> None:
    mht = _save_as_one_file(None, tmp_path / "空.mht")
    with pytest.raises(InputError, match="没有网页正文"):
        parse(mht)
