"""Where the clusters are cut: a constant of its own, so the CLI shows it without loading scikit-learn."""

# Cosine distance; chosen with bench/heldout_eval.py --task cluster on the labelled pairs without a test
# document (tests/data/cluster_pairs.csv, train + dev): the highest F1 with precision >= 0.95 (README there).
DEFAULT_THRESHOLD = 0.40
