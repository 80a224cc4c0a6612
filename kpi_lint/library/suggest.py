"""What to write in a category a project lacks: indicators of similar projects, fitted and checked.

1. **Peers** are ranked by the peer index's similarity of name and indicator set
   (``PeerIndex.similar_projects``), plus a bonus for a shared sector (lexicons/sectors.txt)
   and one for funds of similar size; the closest `PEER_PROJECTS` with rows in the category
   are consulted.
2. **Concepts** come from the indicator library (built from the same clusters, or a
   reviewer's curated one): the suggestion uses the concept's canonical name, and a row of
   a concept mostly filed elsewhere (知晓率 under 满意度) is no model.
3. **Values**: an amount that is a total (会议费 20000元, not 77元/人) is scaled by the ratio
   of the project's funds to the peer's — and taken only from a peer within `FUNDS_BAND`
   times the project's size; without funds on either side it is shown as printed, and said so.
4. **Whole**: a peer row whose name or value the page or the excerpt cut (``kpi_lint.library.cut_rows``) is never
   copied.
5. **Checked**: each candidate is run through the rule catalog as a row of the project; a
   value any rule flags on that row ("明显提高", "保障", "≥100%") is never proposed, nor one
   outside a curated library's range.
6. **Shared**: an indicator is proposed only when at least `MIN_PEER_PROJECTS` of the consulted peers set it
   under the category. What a reviewer signs is "projects of this kind set this"; one project's row is that
   project's own choice (its wording, its figure), no evidence of the kind — the same floor a rule's message
   already applies before it cites an example (kpi_lint.rules.target.common.peer_example). A peer is a table,
   not a file: the same department's project printed twice with the same rows (one page saved from two mirrors,
   two excerpts of one disclosure) is one peer, and never a peer of itself (`peer_identity`).
7. Each suggestion says how many peer projects use the indicator and where they print it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from kpi_lint.cluster.peers import FITTING_KINDS, PROJECT_ANSWERS, PeerIndex, ProjectKey, ProjectSubset, project_key
from kpi_lint.cluster.recent import Recent
from kpi_lint.lexicon import Lexicon, load_lexicon, read_list
from kpi_lint.library.build import range_unit, run_concepts, where
from kpi_lint.library.cut_rows import break_place, cut_row
from kpi_lint.library.funds import Funds, project_funds, project_sectors
from kpi_lint.library.match import LibraryMatcher
from kpi_lint.library.model import Concept, Library
from kpi_lint.model import Document, Indicator, Layout, Located, ParsedValue, Project
from kpi_lint.parse.common import LEVEL2_PARENT
from kpi_lint.parse.values import base_unit, parse_value, scaled
from kpi_lint.vocab import COST

PEER_PROJECTS = 8  # peer projects consulted per suggestion
# The most similar projects (by name and indicators) with rows in the category that are re-ranked
# with sector and funds: enough to reach beyond the first few, bounded so that a province stays linear.
CANDIDATE_PROJECTS = 8 * PEER_PROJECTS
SECTOR_WEIGHT = 0.3  # added to the name/indicator similarity (0–1) for a shared sector
FUNDS_WEIGHT = 0.3  # added, times the closeness of the two funds (1 for equal, 0 at FUNDS_BAND apart)
FUNDS_BAND = 10.0  # an amount is only scaled from a peer whose funds are within this factor
# A peer's cost row that takes this share of its funds or more is its whole budget restated ("项目成本 20万元"
# of a 20万元 project): scaled to this project it would only restate this project's funds, so it is not proposed.
WHOLE_BUDGET_SHARE = 0.9
# Peer projects that must set an indicator under the category before it is suggested: more than one, so that a
# line says what projects of this kind set, not what one other project chose (see 6. above).
MIN_PEER_PROJECTS = 2
SOURCES_SHOWN = 3  # positions printed per suggestion
# How a total is shown when the project lists no funds to scale it by: the peer's own amount, as printed.
UNSCALED = "本项目未列资金总额，未按资金规模换算"
SUGGESTION_PATH = "<建议>"
UNIT_COST_FILE = "unit_cost_words.txt"
# The rule families that judge one row by its name and value.  Consistency rules compare rows
# with each other or with a trained category model (KPI404), self-evaluation rules read actuals.
VETTING_FAMILIES = frozenset({"target", "completeness", "text"})
# Suggestions remembered (kpi_lint.cluster.recent): a project's are asked by the rules of its own document
# (KPI104, KPI201, KPI404 ask for the same category), so the last few thousand keep every hit.
SUGGESTIONS_KEPT = 4_096


@dataclass(frozen=True)
class Suggestion:
    """One indicator to add under `level2`, with a value fitted to the project and where peers print it."""

    level2: str
    level3: str  # the concept's canonical name
    value: str  # the proposed target (an amount scaled to the project's funds)
    peer_projects: int  # peer projects that use the indicator under level2
    peer_units: int  # distinct units (departments) among them
    value_peers: int  # peer projects whose target gave this value
    sources: tuple[str, ...]  # where those peers print the target
    basis: str  # how the value was obtained ("" when copied as printed)
    concept: int  # the library concept

    def line(self) -> str:
        """'会议费 ≤1.8万元（同类项目 2 个使用，1 个设此值：002.txt:920:22；按资金规模换算：…）'"""
        where = "、".join(self.sources[:SOURCES_SHOWN]) + ("等" if len(self.sources) > SOURCES_SHOWN else "")
        basis = f"；{self.basis}" if self.basis else ""
        return (
            f"{self.level3} {self.value}（同类项目 {self.peer_projects} 个使用，{self.value_peers} 个据此取值："
            f"{where}{basis}）"
        )

    @property
    def unscaled_total(self) -> bool:
        """A total (会议费 20000元) shown as a peer printed it: the project lists no funds to fit it to."""
        return self.basis == UNSCALED

    def record(self) -> dict[str, Any]:
        return {
            "level2": self.level2,
            "level3": self.level3,
            "value": self.value,
            "peer_projects": self.peer_projects,
            "peer_units": self.peer_units,
            "value_peers": self.value_peers,
            "sources": list(self.sources),
            "basis": self.basis,
            "concept": self.concept,
        }


PeerIdentity = tuple[str, str, tuple[tuple[str | None, ...], ...]]


def peer_identity(project: Project, unit: str) -> PeerIdentity:
    """What makes a peer: its department, its name and its rows as printed. One table stored in two files (c02 and
    i03: 武汉市青山区教育局's page kept twice) is one peer toward `MIN_PEER_PROJECTS`, not two projects that agree;
    two tables of one department that differ in a row (000's two 城乡医疗救助补助资金 allocations) stay two."""
    rows = tuple((i.period, i.level1, i.level2, i.level3, i.value) for i in project.trusted_indicators)
    return (unit, project.name, rows)


@dataclass(frozen=True)
class _Peer:
    key: ProjectKey
    unit: str  # the department the document speaks for
    score: float
    funds: Funds | None
    rows: tuple[Indicator, ...]


@dataclass
class _Candidate:
    value: str
    basis: str
    peers: set[ProjectKey] = field(default_factory=set)
    sources: list[str] = field(default_factory=list)
    support: float = 0.0


class Suggester:
    """Suggestions for projects of `documents`, from their peers (built once per run)."""

    def __init__(
        self,
        documents: Sequence[Document],
        peers: PeerIndex,
        library: Library | None = None,
        lexicon: Lexicon | None = None,
        min_peers: int = MIN_PEER_PROJECTS,
    ) -> None:
        from kpi_lint.cluster.groups import document_unit

        self.peers = peers
        self.min_peers = min_peers  # peer projects that must set an indicator before it is suggested
        self.lexicon = lexicon or load_lexicon()
        self.curated = library is not None
        # A curated library knows the rows it was built from by their position; the run's own library
        # (built here from the peer index's clusters) knows a row by its cluster.
        self._concept_at: dict[tuple[str, str], Concept] = {}
        self._by_cluster: dict[int, Concept] = {}
        if library is not None:
            self.library = library
            self._concept_at = {(o.path, o.location): c for c in library.concepts for o in c.occurrences}
        else:
            self.library, self._by_cluster = run_concepts(documents, peers.clusters)
        self._matcher: LibraryMatcher | None = None
        self._documents = list(documents)
        self._projects: dict[ProjectKey, tuple[Document, Project, str]] = {}
        for doc in documents:
            unit = document_unit(doc)
            for proj in doc.projects:
                self._projects[project_key(doc.path, proj)] = (doc, proj, unit)
        self._funds: dict[ProjectKey, Funds | None] = {}
        self._sectors: dict[ProjectKey, frozenset[str]] = {}
        self._peer_facts: dict[ProjectKey, tuple[frozenset[str], Funds | None]] = {}  # a peer's sectors and funds
        # What makes a project one peer (`peer_identity`), held as its hash: the identity itself is a tuple of every
        # row of the project (≈ 70 bytes a row, for every project of a run); two projects whose hashes agree are
        # compared by their identities, made again (`_same_peer`).
        self._identities: dict[ProjectKey, int] = {}
        self._vetted: dict[tuple[str, str, str, str, str | None], bool] = {}
        self._breaks: Recent[ProjectKey, tuple[int, int] | None] = Recent(PROJECT_ANSWERS)  # `break_place`
        self._rows_cache: Recent[tuple[ProjectKey, str], tuple[Indicator, ...]] = Recent(PROJECT_ANSWERS)
        # (level2, sectors or None) → the peer projects with rows to copy there (of one of those sectors)
        self._using: dict[tuple[str, frozenset[str] | None], ProjectSubset] = {}
        self._by_sector: dict[str, np.ndarray] | None = None  # sector → which peer projects name it (`_sector_masks`)
        # (project, level2, k, same sector) → the suggestions for a project of `documents` (KPI104, KPI201, KPI404 ask)
        self._suggested: Recent[tuple[ProjectKey, str, int, bool], list[Suggestion]] = Recent(SUGGESTIONS_KEPT)

    # ---- the peers --------------------------------------------------------------------------------------
    def funds(self, key: ProjectKey) -> Funds | None:
        if key not in self._funds:
            entry = self._projects.get(key)
            self._funds[key] = project_funds(entry[1], key[0]) if entry else None
        return self._funds[key]

    def sectors(self, key: ProjectKey, project: Project | None = None) -> frozenset[str]:
        if key not in self._sectors:
            entry = self._projects.get(key)
            if entry is not None:
                self._sectors[key] = project_sectors(entry[1], entry[0], self.lexicon)
            elif project is not None:
                self._sectors[key] = project_sectors(project, None, self.lexicon)
            else:
                self._sectors[key] = frozenset()
        return self._sectors[key]

    def ranked_peers(self, project: Project, path: str, level2: str, same_sector: bool = False) -> list[_Peer]:
        """The closest projects with rows worth copying under `level2`, best first; with `same_sector`, only
        projects of a sector the project names (lexicons/sectors.txt), none when it names none."""
        own = project_key(path, project)
        own_funds = self.funds(own) if own in self._projects else project_funds(project, path)
        own_sectors = self.sectors(own, project)
        if same_sector and not own_sectors:
            return []
        among = (level2, own_sectors if same_sector else None)
        if among not in self._using:  # the projects with rows to copy: the others are never ranked
            with_rows = self._using.get((level2, None))
            if with_rows is None:
                with_rows = self._using[(level2, None)] = self.peers.subset(lambda key: bool(self._rows(key, level2)))
            # Of a sector the project names, among the projects with rows (every sector asks the same first question:
            # answered once per category, not again for each set of sectors); which projects name a sector is asked
            # once per run (`_sector_masks`), not once per set of sectors.
            self._using[among] = (
                self.peers.subset_with_any(self._sector_masks(), own_sectors, within=with_rows)
                if same_sector
                else with_rows
            )
        # The rest are further by name and indicators than these CANDIDATE_PROJECTS.
        found = self.peers.similar_projects(project, path, CANDIDATE_PROJECTS, self._using[among])
        scores = []
        for key, similarity in found:
            facts = self._peer_facts.get(key)
            if facts is None:
                facts = self._peer_facts[key] = (self.sectors(key), self.funds(key))
            score = similarity + SECTOR_WEIGHT * (not own_sectors.isdisjoint(facts[0]))
            if own_funds is not None and facts[1] is not None:  # else the closeness is 0 (adds nothing)
                score += FUNDS_WEIGHT * _closeness(own_funds, facts[1])
            scores.append(score)
        # Only the best PEER_PROJECTS become peers (a stable sort: ties keep the similarity order); a copy of the
        # project itself or of a peer already taken (the same department's project of the same name) is no other.
        taken: dict[int, list[ProjectKey]] = defaultdict(list)  # the peers' (and the project's) identities by hash
        if own in self._projects:
            taken[self._identity(own)].append(own)
        peers = []
        for i in sorted(range(len(found)), key=lambda i: -scores[i]):
            key = found[i][0]
            unit = self._projects[key][2]
            alike = taken[self._identity(key)]
            if any(self._same_peer(key, other) for other in alike):
                continue
            alike.append(key)
            peers.append(_Peer(key, unit, scores[i], self.funds(key), self._rows(key, level2)))
            if len(peers) == PEER_PROJECTS:
                break
        return peers

    def _sector_masks(self) -> dict[str, np.ndarray]:
        """Per sector, the peer index's projects that name it (`sectors`), each project asked once per run."""
        if self._by_sector is None:
            self._by_sector = self.peers.masks_by(self.sectors)
        return self._by_sector

    def _identity(self, key: ProjectKey) -> int:
        """The hash of a project of `documents` as a peer (`peer_identity`), computed once."""
        if key not in self._identities:
            _, proj, unit = self._projects[key]
            self._identities[key] = hash(peer_identity(proj, unit))
        return self._identities[key]

    def _same_peer(self, key: ProjectKey, other: ProjectKey) -> bool:
        """Two projects of `documents` are one peer (`peer_identity`): asked only of two whose hashes agree."""
        (_, proj, unit), (_, other_proj, other_unit) = self._projects[key], self._projects[other]
        return peer_identity(proj, unit) == peer_identity(other_proj, other_unit)

    def _rows(self, key: ProjectKey, level2: str) -> tuple[Indicator, ...]:
        """A peer's rows worth copying under `level2` (cached: every project asks its neighbours)."""
        return self._rows_cache.get((key, level2), lambda: self._fitting_rows(key, level2))

    def _fitting_rows(self, key: ProjectKey, level2: str) -> tuple[Indicator, ...]:
        entry = self._projects.get(key)
        if entry is None:
            return ()
        fitting = FITTING_KINDS.get(level2)
        rows = []
        for ind in entry[1].trusted_indicators:  # a garbled table's row is no model to copy
            if ind.level2 != level2 or not ind.level3 or not (ind.value or "").strip():
                continue
            if fitting is not None and (ind.parsed or parse_value(ind.value)).kind not in fitting:
                continue  # 成本指标 "预算控制率 ≥95": not a cost
            concept = self.concept_of(ind)
            if concept is None or concept.level2 != level2:
                continue  # a row misfiled here is no model (asked first: a look-up, where `cut_row` may segment)
            # Where its table breaks off: found once per project, not once per row asked.
            at_break = self._breaks.get(key, lambda: break_place(entry[1]))
            if cut_row(ind, entry[1], self.lexicon.directory, at_break):
                continue  # "…宣传教育费、文物保 | 59万元": a name or value the page or the excerpt cut is no model
            rows.append(ind)
        return tuple(rows)

    def concept_of(self, ind: Indicator) -> Concept | None:
        """The library concept of a row: by its position when the library holds it, else by its name.

        In the run's own library a row's concept is its cluster's: the rows at one position share
        their 三级指标 and so their cluster.
        """
        if not self.curated:
            cid = self.peers.clusters.cluster_id(ind)
            return self._by_cluster.get(cid) if cid is not None else None
        concept = self._concept_at.get((ind.path, where(ind)))
        if concept is not None:
            return concept
        if self._matcher is None:
            from kpi_lint.cluster.normalize import TextNormalizer

            self._matcher = LibraryMatcher(self.library, TextNormalizer.for_documents(self._documents, self.lexicon))
        found = self._matcher.match(ind.level3)
        return found.concept if found else None

    # ---- suggestions ------------------------------------------------------------------------------------
    def suggest(
        self, project: Project, level2: str, path: str, k: int = 3, *, same_sector: bool = False
    ) -> list[Suggestion]:
        """At most `k` indicators for `level2` that at least `min_peers` peers set, those most peers use
        first. With `same_sector`, only from
        projects of a sector the project names (lexicons/sectors.txt): nothing when it names none or no
        such project has a fitting row — an example of another sector's work is no example for this one."""
        own = project_key(path, project)
        entry = self._projects.get(own)
        if entry is None or entry[1] is not project:  # not a project of `documents`: nothing to remember it by
            return self._suggest(project, level2, path, k, same_sector)
        asked = (own, level2, k, same_sector)
        return list(self._suggested.get(asked, lambda: self._suggest(project, level2, path, k, same_sector)))

    def _suggest(self, project: Project, level2: str, path: str, k: int, same_sector: bool) -> list[Suggestion]:
        own_funds = project_funds(project, path)
        users: dict[int, list[tuple[_Peer, Indicator]]] = defaultdict(list)
        for peer in self.ranked_peers(project, path, level2, same_sector):
            for ind in peer.rows:
                concept = self.concept_of(ind)
                if concept is not None:
                    users[concept.id].append((peer, ind))
        have = {c.id for c in map(self.concept_of, project.indicators) if c is not None}

        def rank(cid: int) -> tuple[int, float, int]:
            peers = {p.key: p.score for p, _ in users[cid]}
            return (-len(peers), -sum(peers.values()), min(ind.line for _, ind in users[cid]))

        out: list[Suggestion] = []
        for cid in sorted(users, key=rank):  # most peers first: once one falls below the floor, all the rest do
            if len({p.key for p, _ in users[cid]}) < self.min_peers:
                break
            if cid in have:
                continue
            concept = self.library.get(cid)
            found = self._best_value(project, level2, concept, users[cid], own_funds) if concept else None
            if found is not None:
                out.append(found)
            if len(out) == k:
                break
        return out

    def _best_value(
        self,
        project: Project,
        level2: str,
        concept: Concept,
        uses: list[tuple[_Peer, Indicator]],
        own_funds: Funds | None,
    ) -> Suggestion | None:
        candidates: dict[str, _Candidate] = {}
        for peer, ind in uses:
            proposed = _proposal(ind, concept, level2, peer.funds, own_funds, self.lexicon)
            if proposed is None:
                continue
            value, basis = proposed
            cand = candidates.setdefault(value, _Candidate(value, basis))
            if peer.key not in cand.peers:
                cand.peers.add(peer.key)
                cand.support += peer.score
            cand.sources.append(where(ind, "value"))
        ordered = sorted(candidates.values(), key=lambda c: (-len(c.peers), -c.support, c.value))
        peer_keys = {p.key for p, _ in uses}
        for cand in ordered:
            if self._acceptable(project, level2, concept, cand.value):
                return Suggestion(
                    level2=level2,
                    level3=concept.name,
                    value=cand.value,
                    peer_projects=len(peer_keys),
                    peer_units=len({p.unit for p, _ in uses}),
                    value_peers=len(cand.peers),
                    sources=tuple(dict.fromkeys(cand.sources)),
                    basis=cand.basis,
                    concept=concept.id,
                )
        return None

    def _acceptable(self, project: Project, level2: str, concept: Concept, value: str) -> bool:
        """Not flagged by any rule as a row of this project, and inside a curated library's range."""
        if self.curated and concept.ranges:  # (the run's own library has no ranges: nothing to parse for)
            parsed = parse_value(value, self.lexicon)
            unit, number = range_unit(parsed), scaled(parsed)
            if unit is not None and number is not None:
                accepted = concept.range_for(unit)
                if accepted is None or not accepted.low <= number <= accepted.high:
                    return False
        period = project.periods[0] if project.periods else None
        key = (level2, concept.name, value, project.form.value, period)
        if key not in self._vetted:
            self._vetted[key] = not flagged(project, level2, concept.name, value, period, self.lexicon)
        return self._vetted[key]


def flagged(project: Project, level2: str, level3: str, value: str, period: str | None, lexicon: Lexicon) -> bool:
    """Whether any rule of the catalog reports the row (level2, level3, value) if added to the project."""
    from kpi_lint.rules.base import RuleContext
    from kpi_lint.rules.engine import run_rules
    from kpi_lint.rules.registry import all_rules

    ind = Indicator(
        path=SUGGESTION_PATH,
        project=project.name,
        form=project.form,
        period=period,
        level1=LEVEL2_PARENT.get(level2),
        level2=level2,
        level3=level3,
        value=value,
        line=1,
        column=1,
        parsed=parse_value(value, lexicon),
    )
    ind.spans = {"level3": Located(level3, 1, 1), "value": Located(value, 1, len(level3) + 2)}
    # The project's name and form only: its other rows and funds would draw findings that are not about this row.
    row_project = Project(name=project.name, form=project.form, line=1, column=1, indicators=[ind])
    doc = Document(path=SUGGESTION_PATH, layout=Layout.UNKNOWN, encoding="utf-8", projects=[row_project])
    rules = [r for r in all_rules() if r.family in VETTING_FAMILIES]
    findings = run_rules([doc], rules, RuleContext(lexicon=lexicon, documents=[doc]))
    return any(f.level3 == level3 and f.value == value for f in findings)


def _closeness(own: Funds | None, peer: Funds | None) -> float:
    """1 for equal funds, falling to 0 at FUNDS_BAND times apart (and for unknown funds)."""
    if own is None or peer is None:
        return 0.0
    return max(0.0, 1.0 - abs(math.log(own.amount / peer.amount)) / math.log(FUNDS_BAND))


@lru_cache(maxsize=8)
def _unit_cost_words(directory: Path) -> tuple[str, ...]:
    return tuple(read_list(directory, UNIT_COST_FILE))


def is_total(parsed: ParsedValue, names: Sequence[str], lexicon: Lexicon) -> bool:
    """An amount that is part of the funds (会议费 20000元), not a unit amount (77元/人, 人均 40.6元)."""
    unit = base_unit(parsed) or ""
    if parsed.kind != "money" or "/" in unit or parsed.number is None:
        return False
    words = _unit_cost_words(lexicon.directory)
    return not any(w in name for name in names for w in words)


def _proposal(
    ind: Indicator, concept: Concept, level2: str, peer: Funds | None, own: Funds | None, lexicon: Lexicon
) -> tuple[str, str] | None:
    """The value to propose from one peer row, and how it was obtained; None when it cannot be fitted."""
    printed = (ind.value or "").strip()
    parsed = ind.parsed or parse_value(ind.value)
    if not is_total(parsed, (ind.level3 or "", concept.name), lexicon):
        return printed, ""
    if own is None:
        return printed, UNSCALED
    if peer is None:
        return None  # a total of a peer of unknown size says nothing about a project whose size is known
    ratio = own.amount / peer.amount
    if not 1 / FUNDS_BAND <= ratio <= FUNDS_BAND:
        return None  # a project of another size: its amounts say nothing about this one
    if (scaled(parsed) or 0.0) >= WHOLE_BUDGET_SHARE * peer.amount:
        return None  # the peer's whole budget restated: no information about what this project's money buys
    amount = (scaled(parsed) or 0.0) * ratio
    comparator = "≤" if level2 == COST else (parsed.comparator or "")  # a cost is a ceiling
    basis = f"按资金规模换算：同类项目 {printed}，资金 {peer.text}（{peer.location}）→ 本项目资金 {own.text}"
    return f"{comparator}{money(amount)}", basis


def money(amount: float) -> str:
    """Two significant digits, in 万元 from ten thousand up: 17520 → '1.8万元', 870 → '870元'."""
    if amount >= 1e4:
        return f"{float(f'{amount / 1e4:.2g}'):g}万元"
    return f"{float(f'{amount:.2g}'):g}元"
