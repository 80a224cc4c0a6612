"""Dask: one task per file and the clustering blocks on a LocalCluster give the serial result."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from distributed import Client, LocalCluster
from typer.testing import CliRunner

from kpi_lint.cli import app
from kpi_lint.cli.common import load_documents
from kpi_lint.cluster.clustering import cluster_texts
from kpi_lint.cluster.groups import collect_members
from kpi_lint.cluster.normalize import TextNormalizer
from kpi_lint.config import Config
from kpi_lint.rules.context import build_context
from kpi_lint.rules.engine import run_rules
from kpi_lint.rules.registry import all_rules
from kpi_lint.run.checking import Where, check_files
from kpi_lint.run.dask_run import dask_blocks, dask_map
from tests.corpus import CORPUS_DIR, SAMPLES, all_corpus_docs

WILD = tuple(sorted((CORPUS_DIR / "wild").glob("*.txt")))
PATHS = [*SAMPLES[:3], *WILD[:6], CORPUS_DIR / "missing.txt"]


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def test_check_on_dask_gives_the_serial_findings(client: Client) -> None:
    # The reference: every rule over whole documents in one process (run_rules, with its filters:
    # 000 has a garbled table, 001 indicators cut off by the extraction).
    loaded = load_documents(PATHS, progress=False)
    reference = run_rules(loaded.documents, all_rules(), build_context(loaded.documents, Config()))
    serial = check_files(PATHS, Config(), all_rules())
    on_dask = check_files(PATHS, Config(), all_rules(), where=Where(dask_map(client), dask_blocks(client)))
    assert [f.to_dict() for f in on_dask.findings] == [f.to_dict() for f in reference]
    assert [f.to_dict() for f in serial.findings] == [f.to_dict() for f in reference]
    assert len(serial.findings) > 150 and {"KPI105", "KPI404"} <= {f.code for f in serial.findings}
    assert [str(e) for e in on_dask.loaded.errors] == [str(e) for e in serial.loaded.errors]
    assert [e.path for e in on_dask.loaded.errors] == [str(CORPUS_DIR / "missing.txt")]


def test_clustering_blocks_on_dask_merge_to_the_serial_clusters(client: Client) -> None:
    """Blocks of 40 texts (the corpus has about 200): per-block clustering on workers, centroids merged here."""
    docs = all_corpus_docs()
    normalizer = TextNormalizer.for_documents(docs)
    members, _ = collect_members(docs, normalizer)
    texts = list(dict.fromkeys(m.text for m in members))
    # 197 since the concept classes of lexicons/cluster_concepts.txt (208 before); 189 since the population lexicon
    # and the effect classes (issue 13-cluster-populations)
    assert len(texts) > 180
    serial = cluster_texts(texts, normalizer, block_size=40)
    on_dask = cluster_texts(texts, normalizer, block_size=40, block_map=dask_blocks(client))
    assert serial.labels.max() > 50
    assert on_dask.labels.tolist() == serial.labels.tolist()


def test_the_cli_runs_on_a_scheduler_and_writes_parquet(client: Client, tmp_path: Path) -> None:
    address = str(client.scheduler_info()["address"])
    args = ["check", *map(str, SAMPLES[:2]), "--fail-on", "never", "--no-cache"]
    serial = CliRunner().invoke(app, args)
    on_dask = CliRunner().invoke(app, [*args, "--dask", address])
    assert on_dask.exit_code == serial.exit_code == 0 and on_dask.stdout == serial.stdout
    out = tmp_path / "findings"
    written = CliRunner().invoke(app, [*args, "--dask", address, "--output-format", "parquet", "-o", str(out)])
    assert written.exit_code == 0, written.stderr
    frame = pd.read_parquet(out)
    assert (out / "code=KPI101").is_dir()
    findings, problems = frame[frame["code"] != "KPI000"], frame[frame["code"] == "KPI000"]
    assert len(findings) == serial.stdout.count(" [")
    assert [Path(p).name for p in problems["path"]] == [SAMPLES[0].name]  # its garbled table, a warning
    assert {"path", "line", "column", "anchor", "code"} <= set(frame.columns)
    clusters = CliRunner().invoke(app, ["cluster", *map(str, SAMPLES[:2]), "--dask", address, "--no-cache"])
    assert (
        clusters.exit_code == 0
        and clusters.stdout == CliRunner().invoke(app, ["cluster", *map(str, SAMPLES[:2]), "--no-cache"]).stdout
    )


def test_an_unreachable_scheduler_is_one_line_and_exit_2() -> None:
    result = CliRunner().invoke(app, ["check", str(SAMPLES[0]), "--dask", "tcp://127.0.0.1:9"])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith("kpi-lint: 错误: tcp://127.0.0.1:9: 无法连接 Dask 调度器") and "Traceback" not in line
