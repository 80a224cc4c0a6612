"""The workbook opens in LibreOffice: converted to PDF headless, its pages hold the findings and the tables.

Page images go to tests/_artifacts/ (workbook_summary.png, workbook_project.png) for a human to look at.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kpi_lint.report.workbook import write_check_workbook
from tests.corpus import ROOT
from tests.report.review_inputs import wild

ARTIFACTS = ROOT / "tests" / "_artifacts"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
POPPLER = shutil.which("pdftotext") and shutil.which("pdftoppm")

pytestmark = pytest.mark.skipif(
    SOFFICE is None or not POPPLER,
    reason="LibreOffice 或 poppler 未安装（apt-get install -y libreoffice-calc poppler-utils；.ci/run 会自动安装）",
)


def _pdf_text(pdf: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(
        ["pdftotext", "-layout", *pages, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert SOFFICE is not None
    work = tmp_path_factory.mktemp("libreoffice")
    book = work / "审核结果.xlsx"
    docs, findings = wild()
    write_check_workbook(book, docs, findings)
    # a profile of its own: two LibreOffice runs (parallel test workers) must not share one
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(book),
        ],
        check=True,
        capture_output=True,
        timeout=240,
    )
    out = work / "审核结果.pdf"
    assert out.exists(), "LibreOffice wrote no PDF"
    return out


def test_libreoffice_prints_every_sheet(pdf: Path) -> None:
    text = _pdf_text(pdf)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages >= 2 + 4  # 汇总, 问题清单, then the four projects' tables
    # the summary, the findings with their Chinese rule names, the tables as printed
    assert "kpi-lint 检查结果汇总" in text
    assert "自评得分虚高" in text and "KPI501" in text
    assert "城乡居民医疗保险工作经费" in text and "19名百岁老人高龄津贴" in text
    assert "城乡居民医疗保险工作经费!H12" in text  # a finding's position in the source workbook
    assert "年初指标值" in text and "实际完成值" in text


def test_page_images_for_a_reviewer(pdf: Path) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "1",
            "-png",
            "-singlefile",
            str(pdf),
            str(ARTIFACTS / "workbook_summary"),
        ],
        check=True,
    )
    # the project sheet starts with the project's name as its title
    page = next(n for n in range(1, 40) if _pdf_text(pdf, n).lstrip().startswith("城乡居民医疗保险工作经费"))
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "60",
            "-f",
            str(page),
            "-l",
            str(page),
            "-png",
            "-singlefile",
            str(pdf),
            str(ARTIFACTS / "workbook_project"),
        ],
        check=True,
    )
    for name in ("workbook_summary.png", "workbook_project.png"):
        image = ARTIFACTS / name
        assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert 10_000 < image.stat().st_size < 200_000
