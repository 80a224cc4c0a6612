"""What a file task sends back: findings and a small peer record, not the whole document."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, MutableMapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TypeVar, overload

from kpi_lint.errors import InputError
from kpi_lint.model import Document, Indicator, Located, ParsedValue, ParseProblem, Project, RowHead
from kpi_lint.read.files import Skipped
from kpi_lint.rules.base import Finding


@dataclass
class FileResult:
    """One input file after its file task: a document (or peer record) and local findings, or an error."""

    path: str
    document: Document | None = None  # the peer record (check, cluster) or the whole document (score)
    error: InputError | None = None  # the file could not be read: reported as one line, exit 2
    findings: list[Finding] = field(default_factory=list)  # of the local rules, sorted


# The printed fields whose place a peer rule's finding points at (`Rule.finding(span=...)`: the
# 三级指标 or its value) and the labels above them; each names an Indicator field too.  The places of
# the other fields (实际完成值, 分值, 得分, 偏差原因, 指标值确定依据 …) are read only by the local
# rules and the workbook reports, which see the whole document; in a peer record they were most of
# an indicator's memory.
PEER_SPANS = frozenset({"level1", "level2", "level3", "value"})

_Default = TypeVar("_Default")


@lru_cache(maxsize=128)
def _key_order(keys: tuple[str, ...]) -> tuple[str, ...]:
    """One tuple object for each order of keys (at most 64 orders of PEER_SPANS), shared by every row."""
    return keys


class PeerSpans(MutableMapping[str, Located]):
    """The places of a peer record's row: the mapping `Indicator.spans` is, over PEER_SPANS only, held
    in slots instead of a dict (184 bytes a row, held for every row of a run).

    The 一级 and 二级 labels are printed once over many rows (a merged cell): their places are one shared
    `Located` each.  A table that prints the labels again on every row (one row a line) places them on the
    row's own line: such a place, printing the row's own label text on its line in a text file, is held as
    its column alone and made again when asked for.  The row's own cells, its 三级指标 and 指标值, are placed
    nowhere else, and the row itself holds part of them: the 三级指标's text, line and column are the row's
    `level3`, `line` and `column` (the readers place a row at its 三级指标 cell), the 指标值's text the row's
    `value`.  Bound to its row (`bind`), a PeerSpans keeps only what the row lacks (the anchors, the value's
    line and column, a label's column) and makes a `Located` when one is asked for (an equal one each time);
    a place the row cannot give back, or any place of an unbound PeerSpans, is held whole.  The parent only
    reads a record's rows (SharedValues swaps in equal values), so what is read off the row is what the place
    printed; a copy of the row (`replace`) shares these spans, bound to the row they were read from.

    Keys iterate in the order they were set, as a dict's; a key outside PEER_SPANS cannot be set.
    """

    __slots__ = ("_keys", "_level3", "_row", "_value", "_value_column", "_value_line", "level1", "level2")

    def __init__(self, places: Iterable[tuple[str, Located]] = (), row: Indicator | None = None) -> None:
        self._keys: tuple[str, ...] = ()
        self._row = row  # the row whose spans these are (bind), which holds its own cells' texts and lines
        # The row's own cells, while their key is set: the place itself when the row cannot give it back,
        # else its anchor (None outside office files); the value's line and column with it (its cell
        # may stand below the name's: a row's cells wrapped over lines).
        self._level3: Located | str | None = None
        self._value: Located | str | None = None
        self._value_line = self._value_column = 0
        # A label's place, or its column when it prints the row's label on the row's line (no anchor).
        self.level1: Located | int | None = None
        self.level2: Located | int | None = None
        for key, place in places:
            self[key] = place

    def bind(self, row: Indicator) -> None:
        """Read the parts the row holds off `row` (whose spans these are) from now on."""
        places = list(self.items())
        self._row = row
        for key, place in places:
            self[key] = place

    def _place(self, key: str) -> Located:
        """The place of `key`, which is set."""
        if key == "level3":
            held = self._level3
            if isinstance(held, Located):
                return held
            row = self._row
            assert row is not None and row.level3 is not None  # a part is held only for a bound row
            return Located(row.level3, row.line, row.column, held)
        if key == "value":
            held = self._value
            if isinstance(held, Located):
                return held
            row = self._row
            assert row is not None and row.value is not None
            return Located(row.value, self._value_line, self._value_column, held)
        label: Located | int = getattr(self, key)
        if isinstance(label, Located):
            return label
        row = self._row
        assert row is not None  # a column is held only for a bound row
        return Located(getattr(row, key), row.line, label)

    def __getitem__(self, key: str) -> Located:
        if key in self._keys:
            return self._place(key)
        raise KeyError(key)

    @overload
    def get(self, key: str, /) -> Located | None: ...
    @overload
    def get(self, key: str, /, default: Located | _Default) -> Located | _Default: ...
    def get(self, key: str, /, default: object = None) -> object:
        return self._place(key) if key in self._keys else default

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __setitem__(self, key: str, place: Located) -> None:
        if key not in PEER_SPANS:
            raise KeyError(key)
        if key not in self._keys:
            self._keys = _key_order((*self._keys, key))
        row = self._row
        if key == "level3":
            own = row is not None and (place.text, place.line, place.column) == (row.level3, row.line, row.column)
            self._level3 = place.anchor if own else place
        elif key == "value":
            own = row is not None and place.text == row.value
            self._value = place.anchor if own else place
            self._value_line, self._value_column = place.line, place.column
        else:
            own = row is not None and place.anchor is None and (place.text, place.line) == (getattr(row, key), row.line)
            setattr(self, key, place.column if own else place)

    def __delitem__(self, key: str) -> None:
        if key not in self._keys:
            raise KeyError(key)
        self._keys = _key_order(tuple(k for k in self._keys if k != key))
        setattr(self, {"level3": "_level3", "value": "_value"}.get(key, key), None)

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def __repr__(self) -> str:
        return repr(dict(self.items()))

    def __reduce__(self) -> tuple[type[PeerSpans], tuple[tuple[tuple[str, Located], ...]]]:
        # Unbound when read back: the record's reader binds it again (SharedValues).
        return (PeerSpans, (tuple(self.items()),))


def peer_indicator(indicator: Indicator) -> Indicator:
    """An indicator as the peer rules read it: every field, the places of PEER_SPANS only (PeerSpans,
    bound to the new row).

    A place printing the same text as its field holds that field's string, not a copy of it (the
    readers cut the two apart: 产出指标 twice per row, held through the peer phase for every row).
    """
    spans = PeerSpans()
    row = replace(indicator, spans=spans)
    spans.bind(row)
    for key, place in indicator.spans.items():
        if key not in PEER_SPANS:
            continue
        text = getattr(indicator, key)
        if place.text is not text and place.text == text:
            place = Located(text, place.line, place.column, place.anchor)
        spans[key] = place
    return row


def peer_project(project: Project) -> Project:
    """A project as the peer rules, the peer index and the suggestions read it: name, place, units,
    funds (peers of a similar size), indicators, empty categories.

    Dropped: the narrative, the aims and the other texts of the form (only the rules that look at
    one document read them, and they ran in the file task).
    """
    return Project(
        name=project.name,
        form=project.form,
        line=project.line,
        column=project.column,
        anchor=project.anchor,
        title=project.title,  # a department-wide form (title 整体) has no cost category to fill (KPI201)
        department=project.department,  # place names for the text normalizer
        implementer=project.implementer,  # the unit a document speaks for
        funds=project.funds,  # suggestions come from peers of a similar size
        execution=project.execution,
        indicators=[peer_indicator(ind) for ind in project.indicators],
        empty_categories=project.empty_categories,
        cut_off=project.cut_off,
        cut_cell=project.cut_cell,  # the cell the text stops inside: judged for nothing it lacks, no row to copy
        cut_at=project.cut_at,  # the categories before a break in a heading are reported missing
        cut_before=project.cut_before,
        garbled=project.garbled,  # the garbled table's rows are not judged one by one
        in_prose=project.in_prose,
        quoted=project.quoted,  # sentences quoting part of the table: no category reported missing
        unsplit=project.unsplit,  # categories written but not split into rows: not missing
        named_categories=project.named_categories,  # categories a report names: not missing
        categories_named_at=project.categories_named_at,
    )


def peer_record(doc: Document) -> Document:
    """The document cut down for the cross-document work of the parent (peer index, peer rules, clusters).

    Problems and notes stay: the parent reports them, as for a document parsed in-process.
    """
    return replace(doc, narrative=[], projects=[peer_project(p) for p in doc.projects])


# The text fields of an indicator a row holds itself; equal texts of a run's peer records are held once
# (SharedValues), and so are those of its head (path, project), with the head.
_TEXT_FIELDS = (
    "period",
    "level1",
    "level2",
    "level3",
    "value",
    "description",
    "basis",
    "adjusted_value",
    "actual",
    "deviation",
)


# The containers of a record that are most often empty: what a peer record drops (a project's narrative, aims
# and labels; the document's narrative) and what few forms print (unsplit or named categories, problems).
_PROJECT_LISTS = ("funds", "narrative", "empty_categories", "unsplit", "named_categories")
_PROJECT_DICTS = ("goals", "analysis", "labels")
_DOCUMENT_LISTS = ("forms", "narrative", "problems", "notes")


class SharedValues:
    """One object for each distinct value of a run's peer records, as they arrive from the file tasks.

    A file task's record holds its own copy of every text and place it read; across a run most of them
    repeat (the 满意度 rows, "≥95%", a merged 二级指标 cell's place over its rows, the 目标表!A7 of an
    office file) and the peer phase holds them all.  Equal values are interchangeable (texts, places,
    parsed values and row heads are immutable, compared by value), so each record's are replaced by the
    first equal one seen: the rows of one project share one `RowHead`.  An empty list or
    dict of a record (a project's dropped narrative and aims, the categories it did not leave unsplit …)
    becomes the run's one empty list or dict: the parent only reads the records (the readers alone fill
    these, in the file task).  Built per run, dropped when the file tasks are done.
    """

    def __init__(self) -> None:
        self._texts: dict[str, str] = {}
        self._numbers: dict[int, int] = {}
        self._places: dict[Located, Located] = {}
        # Keyed by repr: 100.0 and 100, 0.0 and -0.0 compare equal but print differently.
        self._parsed: dict[str, ParsedValue] = {}
        self._heads: dict[RowHead, RowHead] = {}
        self._empty_list: list[object] = []
        self._empty_dict: dict[object, object] = {}

    def record(self, doc: Document) -> Document:
        """`doc` with its indicators' texts, places and parsed values shared (changed in place)."""
        for project in doc.projects:
            self._empties(project, _PROJECT_LISTS, _PROJECT_DICTS)
            for ind in project.indicators:
                self._indicator(ind)
        self._empties(doc, _DOCUMENT_LISTS, ())
        return doc

    def _empties(self, holder: Project | Document, lists: tuple[str, ...], dicts: tuple[str, ...]) -> None:
        for name in lists:
            if not getattr(holder, name):
                setattr(holder, name, self._empty_list)
        for name in dicts:
            if not getattr(holder, name):
                setattr(holder, name, self._empty_dict)

    def _indicator(self, ind: Indicator) -> None:
        ind.head = self._head(ind.head)
        for name in _TEXT_FIELDS:
            text = getattr(ind, name)
            if text is not None:
                setattr(ind, name, self._texts.setdefault(text, text))
        ind.line = self._numbers.setdefault(ind.line, ind.line)
        if ind.parsed is not None:
            ind.parsed = self._parsed_value(ind.parsed)
        places = [(key, self._place(place)) for key, place in ind.spans.items()]
        if isinstance(ind.spans, PeerSpans):
            ind.spans = PeerSpans(places, row=ind)  # bound again: a record read back from a pickle is not
            return
        for key, place in places:
            ind.spans[key] = place

    def _head(self, head: RowHead) -> RowHead:
        shared = self._heads.get(head)
        if shared is None:
            texts = self._texts
            path, project = texts.setdefault(head.path, head.path), texts.setdefault(head.project, head.project)
            shared = self._heads[head] = RowHead(path, project, head.form, head.reading)
        return shared

    def _parsed_value(self, parsed: ParsedValue) -> ParsedValue:
        key = repr(parsed)
        shared = self._parsed.get(key)
        if shared is None:
            comparator, unit = parsed.comparator, parsed.unit
            shared = self._parsed[key] = replace(
                parsed,
                comparator=self._texts.setdefault(comparator, comparator) if comparator is not None else None,
                unit=self._texts.setdefault(unit, unit) if unit is not None else None,
            )
        return shared

    def _place(self, place: Located) -> Located:
        shared = self._places.get(place)
        if shared is None:
            text = self._texts.setdefault(place.text, place.text)
            anchor = self._texts.setdefault(place.anchor, place.anchor) if place.anchor is not None else None
            line = self._numbers.setdefault(place.line, place.line)
            shared = self._places[place] = Located(text, line, place.column, anchor)
        return shared


@dataclass
class DocumentHead:
    """What a report says of a read document without its contents: path, projects, problems, notes."""

    path: str
    projects: int
    problems: list[ParseProblem] = field(default_factory=list)
    notes: list[ParseProblem] = field(default_factory=list)
    indicators: int = 0  # indicator rows read, over all its projects

    @classmethod
    def of(cls, doc: Document) -> DocumentHead:
        indicators = sum(len(project.indicators) for project in doc.projects)
        return cls(doc.path, len(doc.projects), list(doc.problems), list(doc.notes), indicators)


class Loaded:
    """The inputs of a run as read: documents (or peer records), files not read, files not of a kind read.

    A run served whole from the cache knows its documents' heads and reads the documents themselves
    only when asked (`deferred`): the text, JSON, CSV, SARIF reports need the heads alone.
    """

    def __init__(
        self,
        documents: list[Document] | None = None,
        errors: list[InputError] | None = None,
        skipped: list[Skipped] | None = None,
    ) -> None:
        self._documents: list[Document] = documents if documents is not None else []
        self._heads: list[DocumentHead] | None = None
        self._read: Callable[[], list[Document]] | None = None
        self.errors: list[InputError] = errors if errors is not None else []
        self.skipped: list[Skipped] = skipped if skipped is not None else []

    @classmethod
    def deferred(
        cls,
        heads: list[DocumentHead],
        read: Callable[[], list[Document]],
        errors: list[InputError],
        skipped: list[Skipped],
    ) -> Loaded:
        """Inputs known by their heads; `read` gives the documents, in the same order, on first use."""
        loaded = cls(errors=errors, skipped=skipped)
        loaded._heads, loaded._read = heads, read
        return loaded

    @property
    def documents(self) -> list[Document]:
        if self._read is not None:
            self._documents, self._read = self._read(), None
        return self._documents

    @property
    def heads(self) -> list[DocumentHead]:
        if self._read is not None and self._heads is not None:
            return self._heads
        return [DocumentHead.of(doc) for doc in self._documents]

    @property
    def problems(self) -> list[ParseProblem]:
        """Every input problem of the run: files not read, tables cut off inside read files, then
        damaged content that was read (garbled tables, a table ending before its last category), as warnings."""
        heads = self.heads
        unread = [ParseProblem(e.path, e.line or 1, 1, e.message) for e in self.errors]
        problems = [p for head in heads for p in head.problems]
        notes = [p for head in heads for p in head.notes]
        return unread + problems + notes

    @property
    def failed(self) -> bool:
        return bool(self.errors) or any(head.problems for head in self.heads)
