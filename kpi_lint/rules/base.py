"""What a rule is and what it reports.

A rule is a small class in its own module (``kpi_lint/rules/<family>/kpiNNN_name.py``)
whose docstring is its user documentation, in Chinese for the people who read it (a one-line
summary, 默认级别, then **做什么** / **为什么不好** / **示例** / **改为**), printed by
``kpi-lint rule KPINNN``.  Metadata are class attributes — ``code``, the stable kebab-case
``name``, the Chinese ``title_zh``, ``severity``, ``family``, ``penalty`` (what a finding costs in
the score) and ``options``; the logic is ``check_project`` (most rules) or ``check_document``
(rules that compare projects or read the narrative).  Adding a rule takes two files: the module
and its YAML cases (tests/rules/KPINNN.yml).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from kpi_lint.lexicon import Lexicon, load_lexicon
from kpi_lint.model import Document, Indicator, Project
from kpi_lint.penalty import Penalty

if TYPE_CHECKING:
    from kpi_lint.rules.fitting import SuggestionFit
    from kpi_lint.rules.readings import CellReadings


def location(path: str, line: int, column: int, anchor: str | None) -> str:
    """The one way a position is written for people: text line:col, Excel !Sheet!Cell, else :页/表 place."""
    if anchor is None:
        return f"{path}:{line}:{column}"
    return f"{path}!{anchor}" if "!" in anchor else f"{path}:{anchor}"


class Placed(Protocol):
    """Anything printed somewhere: a Located cell, a FundItem, an EmptyCategory, a NarrativeFigure."""

    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...
    @property
    def anchor(self) -> str | None: ...


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]


@dataclass(slots=True)
class Finding:
    """One finding: the same fields in text, JSON, SARIF and CSV output."""

    code: str
    name: str
    severity: Severity
    message: str  # Chinese: what is wrong and what a good target looks like
    path: str
    line: int
    column: int
    project: str | None = None
    period: str | None = None
    level1: str | None = None
    level2: str | None = None
    level3: str | None = None
    value: str | None = None
    suggestion: str | None = None
    explain: str | None = None  # evidence for --explain (model/lexicon votes, figures)
    anchor: str | None = None  # the place in a PDF/Word/Excel/HTML file ("页3 表1 行4 格2", "Sheet1!C12")
    title_zh: str = ""  # the rule's Chinese name, shown to people beside the code
    # One finding for a pattern that covers a document: where else it occurs, (line, column) each.
    occurrences: list[tuple[int, int]] = field(default_factory=list)
    # In an office file, the anchor of each of those places, in the same order ("表1 行8 格4"); empty for a text file.
    occurrence_anchors: list[str | None] = field(default_factory=list)
    # The 二级 a finding asks to move its row to (KPI404), and the 二级 any of which would fill the gap a
    # finding reports (KPI202: 质量指标; the four 效益 for 效益): a gap that a proposed move fills is reported
    # once, by the move (rules.engine). Data between rules, not output fields.
    moves_to: str | None = None
    fills: tuple[str, ...] = ()

    @property
    def location(self) -> str:
        """Where to look: path:line:col for a text file, path:页3 … / path!Sheet1!C12 for office files."""
        return location(self.path, self.line, self.column, self.anchor)

    def to_dict(self) -> dict[str, Any]:
        # What dataclasses.asdict gives, without its deep copy of every string (a cost per finding).
        data = {name: getattr(self, name) for name in _FINDING_FIELDS}
        data["severity"] = self.severity.value
        data["occurrences"] = [tuple(o) for o in self.occurrences]
        data["occurrence_anchors"] = list(self.occurrence_anchors)
        return data

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


_BETWEEN_RULES = ("moves_to", "fills")  # data the rules pass on, not part of a finding's record
_FINDING_FIELDS = tuple(f.name for f in fields(Finding) if f.name not in _BETWEEN_RULES)


@dataclass
class RuleContext:
    """What rules may consult besides the project: lexicons, options, peers, models."""

    lexicon: Lexicon = field(default_factory=load_lexicon)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)  # code → option → value
    documents: list[Document] = field(default_factory=list)  # everything being checked
    extras: dict[str, Any] = field(default_factory=dict)  # peers, classifiers (set by their modules)
    # Whether a value a rule suggests for a row is checked by the value rules first (kpi_lint.rules.fitting);
    # False in the context those checks themselves run in.
    fits_suggestions: bool = True
    _readings: CellReadings | None = field(default=None, init=False, repr=False, compare=False)
    _fitting: SuggestionFit | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def readings(self) -> CellReadings:
        """What the rules read in the rows' cells, worked out once for every rule (kpi_lint.rules.readings)."""
        if self._readings is None or self._readings.lexicon is not self.lexicon:
            from kpi_lint.rules.readings import CellReadings

            self._readings = CellReadings(self.lexicon)
        return self._readings

    @property
    def fitting(self) -> SuggestionFit:
        """The value checks a suggested value passes before it is offered (kpi_lint.rules.fitting)."""
        if self._fitting is None:
            from kpi_lint.rules.fitting import SuggestionFit

            self._fitting = SuggestionFit(self)
        return self._fitting


class Rule:
    """Base class; subclasses set the metadata and override one check method."""

    code: ClassVar[str]
    name: ClassVar[str]  # stable kebab-case id for machines and configuration
    title_zh: ClassVar[str]  # the Chinese name people read ("目标值含糊")
    # What one finding costs in the target-quality score; None for a rule about the whole document
    # (listed in the document roll-up, no project points).  Every rule sets it (a test checks).
    penalty: ClassVar[Penalty | None]
    severity: ClassVar[Severity]
    family: ClassVar[str]
    options: ClassVar[dict[str, Any]] = {}  # defaults, overridable in [tool.kpi-lint.rules.KPINNN]
    # A rule that finds a defect of the cell itself (a cut-off text): other rules stay silent on
    # the indicator it reports, whose name or value they would misread (one defect, one finding).
    root_cause: ClassVar[bool] = False
    # The rules that own a defect this rule would report again on the same row (one defect, one finding):
    # when one of them reports the row (same project, period, 二级, 三级 and value) and its finding is kept,
    # this rule stays silent there. KPI101 leaves a value in words under 时效/成本/满意度 to KPI104, which
    # says the type the category calls for; KPI104 leaves a row's value to KPI404 when the row itself is
    # filed in the wrong category. Each rule's docstring says which rules it leaves a row to, and why.
    defers_to: ClassVar[frozenset[str]] = frozenset()
    # The RuleContext.extras the rule consults (kpi_lint.rules.context: PEERS, VAGUENESS, CATEGORY,
    # SUGGESTER, CUSTOM_MODEL): a run builds the peer index and imports scikit-learn and loads the
    # models only when a selected rule uses them (context.uses_scikit_learn).
    uses: ClassVar[frozenset[str]] = frozenset()
    # True for a rule that consults other documents (the peer index): a parallel run checks it in the
    # parent over every file's peer record, after the workers ran the others (kpi_lint.run).
    uses_peers: ClassVar[bool] = False
    # True for a rule that judges a row's value cell and suggests a value for it (KPI101–106, 108, 109): its
    # suggestions pass the value checks of every such rule before they are offered (kpi_lint.rules.fitting),
    # and it is one of those checks.
    suggests_value: ClassVar[bool] = False

    def __init__(self, context: RuleContext) -> None:
        self.context = context
        self.lexicon = context.lexicon
        self.opts: dict[str, Any] = {**self.options, **context.options.get(self.code, {})}

    @property
    def readings(self) -> CellReadings:
        """The run's readings of the rows' cells, shared by every rule (kpi_lint.rules.readings)."""
        return self.context.readings

    # -- override when work is cheaper done once for the whole run ------------
    def prepare(self, documents: Sequence[Document]) -> None:
        """Called once before the documents are checked (a rule batches its model predictions here)."""

    # -- override one of these -------------------------------------------------
    def check_project(self, project: Project, doc: Document) -> Iterable[Finding]:
        return ()

    def check_document(self, doc: Document) -> Iterable[Finding]:
        for project in doc.projects:
            yield from self.check_project(project, doc)

    # -- helpers ---------------------------------------------------------------
    def is_habit(self, count: int, among: int) -> bool:
        """`count` defects out of `among` rows are how the form was filled in, not a slip per row, so one finding
        lists them: at least the rule's ``pattern_min`` rows and its ``pattern_share`` of the rows (for a rule whose
        options set both: KPI203's category names as 指标名称, KPI302's descriptions that repeat the name)."""
        return count >= int(self.opts["pattern_min"]) and count >= float(self.opts["pattern_share"]) * among

    def finding(
        self,
        doc: Document,
        message: str,
        *,
        project: Project | None = None,
        indicator: Indicator | None = None,
        at: Placed | None = None,
        line: int | None = None,
        column: int | None = None,
        span: str = "level3",
        severity: Severity | None = None,
        suggestion: str | None = None,
        explain: str | None = None,
        period: str | None = None,
        level1: str | None = None,
        level2: str | None = None,
    ) -> Finding:
        """Build a finding located `at` a printed piece (its line, column and office-file anchor), else at
        `line`/`column`, else at the indicator's `span` field, else at the project."""
        anchor: str | None = None
        if at is not None:
            line, column, anchor = at.line, at.column, at.anchor
        elif line is None or column is None:
            if indicator is not None:
                line, column = indicator.span(span)
                anchor = indicator.anchor(span)
            elif project is not None:
                line, column = project.line, project.column
                anchor = project.anchor
            else:
                line, column = 1, 1
        if (
            suggestion
            and indicator is not None
            and project is not None
            and self.suggests_value
            and self.context.fits_suggestions
        ):
            suggestion = self.context.fitting.fit(self.code, suggestion, indicator, project, doc)
        return Finding(
            code=self.code,
            name=self.name,
            severity=severity or self.severity,
            message=message,
            path=doc.path,
            line=line,
            column=column,
            project=project.name if project else (indicator.project if indicator else None),
            period=indicator.period if indicator else period,
            level1=indicator.level1 if indicator else level1,
            level2=indicator.level2 if indicator else level2,
            level3=indicator.level3 if indicator else None,
            value=indicator.value if indicator else None,
            suggestion=suggestion,
            explain=explain,
            anchor=anchor,
            title_zh=self.title_zh,
        )

    @classmethod
    def doc(cls) -> str:
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")


def iter_rules_in(module_names: Iterable[str]) -> Iterator[type[Rule]]:
    import importlib

    for name in module_names:
        module = importlib.import_module(name)
        for obj in vars(module).values():
            if isinstance(obj, type) and issubclass(obj, Rule) and obj is not Rule and obj.__module__ == name:
                yield obj
