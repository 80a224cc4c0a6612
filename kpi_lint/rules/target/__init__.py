"""Rule family: target."""
