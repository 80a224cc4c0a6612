"""Where the clusters are cut: a constant of its own, so the CLI shows it without loading scikit-learn."""

# Cosine distance; chosen from bench/cluster_eval.py on tests/data/cluster_pairs.csv (see README there).
DEFAULT_THRESHOLD = 0.35
