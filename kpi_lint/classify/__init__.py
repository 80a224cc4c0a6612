"""Trained scikit-learn classifiers (category, vagueness, custom) and their safe model files."""
