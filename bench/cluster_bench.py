"""Clustering at scale: time and peak memory for 10k, 100k and 1M indicator texts.

    .venv/bin/python bench/cluster_bench.py [--sizes 10000 100000 1000000] [--seed 0]

The issue's target (cluster 1M generated, mostly distinct texts in under 10 minutes and 4 GB on
one machine) is checked with `--sizes 100000 1000000` on a quiet machine; on a shared one, quote
the CPU column (user + system time of the child, all its threads), not the wall times.

Texts are synthesized by recombining the 三级指标 of the corpus samples and the wild set: the
modifier words of one indicator with the head word of another of the same 二级 category, sometimes
a word of a third spliced in or the text cut short (as extraction cuts cells), most of them with a
qualifier in front (农村 / 定点医疗机构 …, the words of bench/make_corpus.py) so that most texts
stay distinct after normalization, decorated with the numbering, years, place names and bracketed
units real tables carry.  Each size runs in a fresh process so its peak resident memory
(ru_maxrss) is its own; the baseline (interpreter, libraries, parsed corpus) is printed too.
Memory must grow about linearly: texts are deduplicated, then clustered in bounded blocks (see
kpi_lint/cluster/clustering.py).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _corpus import corpus_documents, wild_documents  # noqa: E402
from make_corpus import QUALIFIERS  # noqa: E402
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn  # noqa: E402

from kpi_lint.cluster.clustering import DEFAULT_THRESHOLD, cluster_texts  # noqa: E402
from kpi_lint.cluster.normalize import TextNormalizer  # noqa: E402
from kpi_lint.model import Document  # noqa: E402

_DECOR_PREFIX = ("", "", "", "1、", "（二）", "3.", "2023年", "2022年度", "全县", "我市")
_DECOR_SUFFIX = ("", "", "", "（%）", "（人）", "（元）", "指标", "（次）")


def synthesize(docs: list[Document], normalizer: TextNormalizer, count: int, seed: int) -> list[str]:
    """`count` raw indicator texts recombined from the corpus's phrases."""
    rng = random.Random(seed)
    by_category: dict[str, list[list[str]]] = defaultdict(list)
    for ind in (i for d in docs for i in d.indicators):
        words = normalizer.tokens(normalizer.normalize(ind.level3))
        if words:
            by_category[ind.level2 or "—"].append(words)
    categories = sorted(by_category)
    places = sorted(normalizer.places) or ["某县"]
    texts = []
    for _ in range(count):
        pool = by_category[rng.choice(categories)]
        base, other, third = rng.choice(pool), rng.choice(pool), rng.choice(pool)
        words = base[:-1] + other[-1:]
        if rng.random() < 0.3:
            words.insert(rng.randrange(len(words)), rng.choice(third))
        if rng.random() < 0.8:  # a qualifier makes most recombined names new ones
            words.insert(0, rng.choice(QUALIFIERS))
        text = "".join(words)
        if rng.random() < 0.1 and len(text) > 6:  # a cell cut short by the extraction
            text = text[: rng.randrange(5, len(text))]
        place = rng.choice(places) if rng.random() < 0.2 else ""
        texts.append(rng.choice(_DECOR_PREFIX) + place + text + rng.choice(_DECOR_SUFFIX))
    return texts


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def run_one(count: int, seed: int, threshold: float) -> dict[str, float]:
    docs = corpus_documents() + wild_documents()
    normalizer = TextNormalizer.for_documents(docs)
    normalizer.tokens("预热")  # load jieba's dictionary before measuring
    baseline = peak_rss_mb()
    raw = synthesize(docs, normalizer, count, seed)
    before = resource.getrusage(resource.RUSAGE_SELF)
    cpu_before = before.ru_utime + before.ru_stime  # normalize + cluster: the synthesis is not timed
    start = time.perf_counter()
    unique_raw = list(dict.fromkeys(raw))
    normalized = list(dict.fromkeys(t for t in (normalizer.normalize(r) for r in unique_raw) if t))
    normalized_at = time.perf_counter()
    with Progress(
        TextColumn(f"[bold]{count:,} 条"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        transient=True,
        disable=not sys.stderr.isatty(),
    ) as bar:
        task = bar.add_task("cluster", total=len(normalized))
        result = cluster_texts(normalized, normalizer, threshold, progress=lambda n: bar.advance(task, n))
    done = time.perf_counter()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {
        "texts": count,
        "unique_raw": len(unique_raw),
        "unique": len(normalized),
        "clusters": int(result.labels.max()) + 1 if len(result.labels) else 0,
        "normalize_s": normalized_at - start,
        "cluster_s": done - normalized_at,
        "total_s": done - start,
        "cpu_s": usage.ru_utime + usage.ru_stime - cpu_before,
        "baseline_mb": baseline,
        "peak_mb": peak_rss_mb(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process: one size, JSON out
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.seed, args.threshold)))
        return
    print(f"threshold {args.threshold}")
    header = f"{'texts':>10} {'unique':>8} {'clusters':>8} {'normalize':>10} {'cluster':>9} {'total':>8} {'cpu':>8}"
    print(f"{header} {'peak RSS':>9} {'baseline':>9}")
    for size in args.sizes:
        command = [sys.executable, __file__, "--one", str(size), "--seed", str(args.seed)]
        child = subprocess.run(
            [*command, "--threshold", str(args.threshold)], stdout=subprocess.PIPE, check=True, text=True
        )
        r = json.loads(child.stdout.strip().splitlines()[-1])
        print(
            f"{r['texts']:>10,} {r['unique']:>8,} {r['clusters']:>8,} {r['normalize_s']:>9.1f}s "
            f"{r['cluster_s']:>8.1f}s {r['total_s']:>7.1f}s {r['cpu_s']:>7.1f}s "
            f"{r['peak_mb']:>7.0f}MB {r['baseline_mb']:>7.0f}MB",
            flush=True,
        )


if __name__ == "__main__":
    main()
