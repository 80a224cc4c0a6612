"""The indicator library (指标库): concepts drawn from the clusters, and what draws on it.

model (the records) → build (documents + clusters → library) → files (xlsx / csv / json,
written and read back after a reviewer's edits) → match (any indicator → a library concept)
→ suggest (what similar projects set, scaled and checked) — used by `kpi-lint library`,
`kpi-lint suggest`, the missing-cost suggestions and the KPI601 check.
"""

from kpi_lint.library.model import Concept, Library, NameUse, Occurrence, ValueRange

__all__ = ["Concept", "Library", "NameUse", "Occurrence", "ValueRange"]
