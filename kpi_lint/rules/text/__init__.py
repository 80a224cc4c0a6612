"""Rule family: text."""
