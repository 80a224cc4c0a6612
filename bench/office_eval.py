"""Row F1 of the office readers on wild documents retyped as departments' Word and Excel forms.

    PYTHONPATH=. python -P bench/office_eval.py [-v] [--out DIR] [--only STEM] [--set seen|unseen]

A seeded sample of SAMPLE wild documents (those tests/fixtures/wild_tables already prints left out):
each one's hand-labelled rows (corpus/wild/expected/*.csv) typed into a template drawn per document
(tests/wild/office_forms.py: target / self-evaluation / approval / 部门整体 table, merged 一级/二级, a title,
a two-tier header), written as .docx and .xlsx, and both printed to PDF by LibreOffice headless.  The
files go to DIR (default: the user's cache folder); a PDF is printed again only when its source changed.
Prints row P/R/F1 per format and per template, then the worst files (with -v: their missed and extra rows).

`--set unseen` types the documents into the second template set (tests/wild/office_forms2.py: column
orders, headers, blocks and sheet habits the readers were not written against), SAMPLE_UNSEEN of them
dealt evenly round its templates; the files go to DIR/unseen.
"""

from __future__ import annotations

import os
import random
import shutil
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kpi_lint.errors import InputError
from kpi_lint.parse import parse
from tests.wild import office_forms, office_forms2
from tests.wild.office_forms import WILD, soffice, write_csv
from tests.wild.office_forms2 import Form
from tests.wild.rows import Key, Score, expected_rows, parsed_rows, score

ROOT = Path(__file__).resolve().parent.parent
SEED = 20261201
SAMPLE = 40
SAMPLE_UNSEEN = 49  # seven per template of the second set
FORMATS = (".w.docx", ".x.xlsx", ".w.pdf", ".x.pdf")


def candidates() -> list[str]:
    """Wild documents with hand labels, less those the wild-table fixtures already print."""
    used = {p.name.split(".")[0] for p in (ROOT / "tests" / "fixtures" / "wild_tables").rglob("*.pdf")}
    return sorted(p.stem for p in (WILD / "expected").glob("*.csv") if p.stem not in used)


def sample(size: int = SAMPLE) -> list[str]:
    return sorted(random.Random(SEED).sample(candidates(), size))


@dataclass(frozen=True)
class TemplateSet:
    """How a set types a document: its template per stem, the form, and the two writers."""

    shape: Callable[[str], str]
    form: Callable[[str, str], Form]
    docx: Callable[[Form, Path], None]
    xlsx: Callable[[Form, Path], None]


def template_set(name: str, stems: list[str]) -> TemplateSet:
    if name == "unseen":
        return TemplateSet(
            lambda stem: office_forms2.shape_of(stem, SEED, stems),
            office_forms2.build_form,
            office_forms2.write_docx,
            office_forms2.write_xlsx,
        )
    return TemplateSet(
        lambda stem: office_forms.shape_of(stem, SEED),
        office_forms.build_form,
        office_forms.write_docx,
        office_forms.write_xlsx,
    )


def _write_if_changed(path: Path, writer: object, form: object) -> bool:
    """Write `form` with `writer` to `path`; True when the bytes differ from what was there."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / path.name
        writer(form, fresh)  # type: ignore[operator]
        if path.is_file() and path.read_bytes() == fresh.read_bytes():
            return False
        shutil.copyfile(fresh, path)
        return True


def build(stems: list[str], out: Path, templates: TemplateSet) -> dict[str, str]:
    """Write every document of `stems` into `out`, print the changed ones; stem → template."""
    out.mkdir(parents=True, exist_ok=True)
    shapes: dict[str, str] = {}
    to_print: list[Path] = []
    for stem in stems:
        shapes[stem] = templates.shape(stem)
        form = templates.form(stem, shapes[stem])
        write_csv(form, out / f"{stem}.expected.csv")
        for suffix, writer in ((".w.docx", templates.docx), (".x.xlsx", templates.xlsx)):
            path = out / f"{stem}{suffix}"
            if _write_if_changed(path, writer, form) or not path.with_suffix(".pdf").is_file():
                to_print.append(path)
    if to_print:
        print(f"printing {len(to_print)} files with LibreOffice …", file=sys.stderr)
        soffice(to_print, "pdf", out)
    return shapes


def read(path: Path) -> list[Key]:
    try:
        return parsed_rows(parse(path))
    except InputError:
        return []


def main() -> None:
    verbose = "-v" in sys.argv
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "kpi-lint" / "office_eval"
    out = Path(sys.argv[sys.argv.index("--out") + 1]) if "--out" in sys.argv else cache
    which = sys.argv[sys.argv.index("--set") + 1] if "--set" in sys.argv else "seen"
    if which not in ("seen", "unseen"):
        sys.exit(f"office_eval: --set 的值“{which}”无效：可选 seen、unseen")
    stems = sample(SAMPLE_UNSEEN if which == "unseen" else SAMPLE)
    templates = template_set(which, stems)
    if which == "unseen":
        out = out / "unseen"
    if "--only" in sys.argv:
        stems = [s for s in stems if s.startswith(sys.argv[sys.argv.index("--only") + 1])]
    shapes = build(stems, out, templates)
    by_format: dict[str, Score] = defaultdict(lambda: Score(0, 0, 0))
    by_shape: dict[str, Score] = defaultdict(lambda: Score(0, 0, 0))
    files: list[tuple[float, str, list[Key], list[Key]]] = []
    for stem in stems:
        want = expected_rows(out / f"{stem}.expected.csv")
        for suffix in FORMATS:
            got = read(out / f"{stem}{suffix}")
            s = score(got, want)
            by_format[suffix] += s
            by_shape[shapes[stem]] += s
            files.append((s.f1, f"{stem}{suffix} [{shapes[stem]}] {s.true_positive}/{len(got)}/{len(want)}", got, want))
    print(f"{len(stems)} documents (seed {SEED}, template set {which}), files in {out}")
    for title, table in (("format", by_format), ("template", by_shape)):
        print(f"\nper {title}:")
        for name, s in sorted(table.items()):
            print(f"  {name:15s} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  ({s.expected} rows)")
    total = sum(by_format.values(), Score(0, 0, 0))
    print(f"\ntotal F1 {total.f1:.3f} (P {total.precision:.3f}, R {total.recall:.3f}; {total.expected} rows)")
    print("\nworst files (F1 hit/read/expected):")
    for f1, label, got, want in sorted(files, key=lambda f: f[0])[:15]:
        if f1 >= 1:
            break
        print(f"  {f1:5.2f} {label}")
        if verbose:
            for row in want:
                print("      ", "ok  " if row in got else "MISS", row)
            for row in got:
                if row not in want:
                    print("       EXTRA", row)


if __name__ == "__main__":
    main()
