"""Training defaults, in a module of their own so the CLI shows them without loading scikit-learn."""

DEFAULT_SEED = 2023  # cross-validation splits and the models' own randomness
DEFAULT_FOLDS = 5  # stratified cross-validation folds
