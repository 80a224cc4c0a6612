"""The rule catalog (see ../shared/docs/rules.md): one rule per module, grouped by family."""
