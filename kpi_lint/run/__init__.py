"""Running kpi-lint over many files: one *file task* per input file, on one core, a process pool or Dask.

The vocabulary of this package:

* a **file task** (`tasks.run_file`) reads and parses one file and runs the *local* rules on it —
  every rule that looks at one document at a time;
* it returns a **file result** (`records.FileResult`): the local findings, the input error if the
  file could not be read, and a **peer record** — the document cut down to what the cross-document
  work reads (units, projects, funds, indicators), not its narrative or other texts;
* the **peer rules** (``Rule.uses_peers``: KPI104, KPI105, KPI201, KPI404, KPI601) compare a project
  with the projects of other documents (the peer index, place names); they run once in the parent, over the peer
  records of every file (`checking.check_files`);
* results are kept in the **cache** (`cache.Cache`, ``.kpi_lint_cache/``) keyed by content, version,
  settings, lexicons and models;
* the file tasks run in-process (``--jobs 1``), in a process pool (`pool.pool_map`) or on a Dask
  cluster (`dask_run.dask_map`); the output is the same, in the same order, whichever runs them.
"""
