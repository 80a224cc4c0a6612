"""Rule family: completeness."""
