"""Rule family: checks against a reviewer's curated indicator library (kpi-lint check --library)."""
