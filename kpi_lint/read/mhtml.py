"""Pages saved as one file (.mht / .mhtml: "单一文件网页", as Word, WPS and IE save them): a MIME
message whose text/html part is the page, usually quoted-printable in the page's own charset."""

from __future__ import annotations

import email
import email.policy

_MIME_START = (b"mime-version:", b"from:", b"content-type:", b"date:", b"subject:", b"x-mimeole:")


def is_mhtml(data: bytes) -> bool:
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(_MIME_START) and b"multipart/related" in head


def mhtml_page(data: bytes) -> tuple[str, str] | None:
    """The page of a one-file web page and the charset it was written in; None when it holds none."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        charset = part.get_content_charset() or "utf-8"
        try:
            return payload.decode(charset), charset
        except (LookupError, UnicodeDecodeError):
            return payload.decode("gb18030", errors="replace"), "gb18030"
    return None
