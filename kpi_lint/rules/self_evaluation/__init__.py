"""Rule family: self_evaluation."""
