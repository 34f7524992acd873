"""Build time, growth, workers, incremental rebuild and memory at 100, 1,000 and 10,000 documents.

The corpus is generated from the seeds and ``../shared/eval/ntrex_dev``: each document takes a
random run of paragraphs from one source document, with sentences shuffled and joined with
paragraphs of another document of the same language, so that no two documents are copies.
Every build is a real ``kg build`` in a subprocess; its peak memory is the largest sum of the
resident memory of the build and its worker processes: RSS (pages shared between processes counted
in each), sampled every 50 ms, and PSS (shared pages divided among the processes sharing them),
sampled every second because counting it costs the measured build CPU time.

    python benchmarks/scale.py                       # 100, 1,000 and 10,000 documents
    python benchmarks/scale.py --sizes 100 1000      # quicker
    python benchmarks/scale.py --sizes 1000 --repeats 3   # the fastest of three builds each
    python benchmarks/scale.py --sizes 100 --keep /tmp/scale

Printed per size: cold build seconds with ``--jobs 1`` and ``--jobs 2``, bare ``jieba.lcut`` over
the same Chinese text and the ratio build/lcut, peak RSS; then the growth between sizes, the
speed-up of two workers (of the whole build, and of extraction alone, next to what two processes of
a plain Python loop gain on this machine), and the rebuild after changing one document of the 1,000:
by a new ``kg build``, and by a resident ``kg build --watch`` (median of five changes).
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import jieba

from policykg.extractors.langid import detect_paragraph_languages
from policykg.extractors.normalize import normalize_document
from policykg.graph.cli import default_seed_dir

NTREX = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "ntrex_dev"
_SENTENCE_END = re.compile(r"(?<=[。！？!?.])\s*")


def source_documents(ntrex: Path) -> list[list[str]]:
    """Paragraph lists of the seeds and the NTREX stories (normalized text)."""
    paths = sorted(default_seed_dir().glob("*.txt")) + sorted(ntrex.glob("*.txt"))
    docs = []
    for path in paths:
        text = normalize_document(path.read_text(encoding="utf-8")).text
        paragraphs = [text[s:e] for s, e, _ in detect_paragraph_languages(text) if text[s:e].strip()]
        if paragraphs:
            docs.append(paragraphs)
    return docs


def _shuffled_sentences(paragraph: str, rng: random.Random) -> str:
    sentences = [s for s in _SENTENCE_END.split(paragraph) if s]
    rng.shuffle(sentences)
    joiner = "" if re.search(r"[\u4e00-\u9fff]", paragraph) else " "
    return joiner.join(sentences)


def make_corpus(folder: Path, n: int, sources: list[list[str]], seed: int = 0) -> list[str]:
    """Write ``n`` varied documents into ``folder``; return their Chinese paragraphs (for lcut)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    chinese: list[str] = []
    for i in range(n):
        first, second = rng.choice(sources), rng.choice(sources)
        start = rng.randrange(len(first))
        run = first[start : start + rng.randint(3, 12)]
        paragraphs = [_shuffled_sentences(p, rng) if rng.random() < 0.5 else p for p in run]
        paragraphs += rng.sample(second, min(len(second), rng.randint(0, 2)))
        (folder / f"{i // 1000:03d}" / f"doc{i:05d}.txt").parent.mkdir(exist_ok=True)
        (folder / f"{i // 1000:03d}" / f"doc{i:05d}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        chinese += [p for p in paragraphs if re.search(r"[\u4e00-\u9fff]", p)]
    return chinese


def _tree_memory(pid: int, proportional: bool = True) -> tuple[int, int]:
    """Resident and proportional set size (shared pages counted once) of ``pid`` and its children;
    without ``proportional`` the PSS is 0 and the call costs microseconds instead of milliseconds
    (the kernel walks every page table to count PSS)."""
    try:
        import psutil
    except ImportError:  # pragma: no cover - psutil comes with the dev extra (distributed)
        return 0, 0
    rss = pss = 0
    try:
        root = psutil.Process(pid)
        for proc in [root, *root.children(recursive=True)]:
            info = proc.memory_full_info() if proportional else proc.memory_info()
            rss, pss = rss + info.rss, pss + getattr(info, "pss", info.rss if proportional else 0)
    except psutil.Error:
        pass
    return rss, pss


#: Seconds between RSS samples, and between PSS samples. Counting PSS takes about 4 ms per
#: process of a built graph's size; every 50 ms that was a sixth of a two-core machine, taken
#: from the build it measured (17.3 s without the sampler, 20.8 s with it, --jobs 2, 1,000 documents).
RSS_EVERY, PSS_EVERY = 0.05, 1.0


def run_build(corpus: Path, out: Path, *extra: str) -> tuple[float, int, int]:
    """Seconds, peak RSS and peak PSS bytes (build + workers) of ``kg build corpus -o out extra``."""
    cmd = [str(Path(sys.executable).with_name("kg")), "build", str(corpus), "-o", str(out), "-q", *extra]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd)
    peak = [0, 0]

    def sample() -> None:
        last_pss = 0.0
        while proc.poll() is None:
            proportional = time.perf_counter() - last_pss >= PSS_EVERY
            rss, pss = _tree_memory(proc.pid, proportional)
            last_pss = time.perf_counter() if proportional else last_pss
            peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
            time.sleep(RSS_EVERY)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = proc.wait()
    seconds = time.perf_counter() - t0
    sampler.join()
    if code != 0:
        raise SystemExit(f"kg build failed with exit code {code}: {' '.join(cmd)}")
    return seconds, peak[0], peak[1]


def change_document(path: Path) -> None:
    """The edit each rebuild measurement makes: one sentence more, naming an organization and a term."""
    path.write_text(path.read_text(encoding="utf-8") + "\n国务院发布了新的意见。\n", encoding="utf-8")


def watch_rebuild_seconds(corpus: Path, out: Path, victims: list[Path], *extra: str) -> list[tuple[float, float]]:
    """``(seconds the rebuild took, seconds from the file's change to that line)`` per victim,
    changed one after the other under one resident ``kg build --watch`` (its first build is
    served from the cache in ``out``)."""
    cmd = [str(Path(sys.executable).with_name("kg")), "build", str(corpus), "-o", str(out), "-q", "--watch", *extra]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    times = []
    try:
        for line in proc.stderr:
            if line.startswith("watching"):
                break
        for victim in victims:
            time.sleep(1.0)  # the watcher is idle, as it is between a user's edits
            changed = time.perf_counter()
            change_document(victim)
            for line in proc.stderr:
                found = re.match(r"rebuilt in ([\d.]+) s", line)
                if found:
                    times.append((float(found.group(1)), time.perf_counter() - changed))
                    break
                if line.startswith("kg: "):
                    raise SystemExit(f"kg build --watch: {line.strip()}")
    finally:
        proc.terminate()
        proc.wait()
    return times


def lcut_seconds(paragraphs: list[str]) -> float:
    """Bare ``jieba.lcut`` over the paragraphs, dictionary already loaded."""
    jieba.setLogLevel(60)
    jieba.initialize()
    t0 = time.perf_counter()
    for p in paragraphs:
        jieba.lcut(p)
    return time.perf_counter() - t0


def fastest_build(repeats: int, corpus: Path, out: Path, *extra: str) -> tuple[float, int, int]:
    """The fastest of ``repeats`` builds, with the largest peak memories of them all."""
    runs = [run_build(corpus, out, *extra) for _ in range(max(1, repeats))]
    return min(r[0] for r in runs), max(r[1] for r in runs), max(r[2] for r in runs)


def _report_seconds(out: Path, phase: str) -> float:
    """One phase's seconds in the build report of the build written to ``out``."""
    return float(json.loads((out / "build-report.json").read_text(encoding="utf-8"))["timings_seconds"][phase])


def _spin(n: int) -> int:
    table: dict[int, int] = {}
    total = 0
    for i in range(n):
        table[i % 50_000] = i
        total += table.get((i * 7) % 50_000, 0)
    return total


def two_process_ceiling(n: int = 4_000_000, repeats: int = 5) -> list[float]:
    """How many times the work of one process two processes do in the same time, ``repeats`` times
    (a dictionary-heavy loop, like extraction's): the best that ``--jobs 2`` can be, whatever the
    program. On a virtual machine whose cores are shared with other guests it varies from run to run."""
    out = []
    with multiprocessing.get_context("fork").Pool(2) as pool:
        pool.map(_spin, [1, 1])  # both workers started
        for _ in range(repeats):
            t0 = time.perf_counter()
            _spin(n)
            one = time.perf_counter() - t0
            t0 = time.perf_counter()
            pool.map(_spin, [n, n], chunksize=1)
            out.append(2 * one / (time.perf_counter() - t0))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10_000])
    ap.add_argument("--ntrex", type=Path, default=NTREX)
    ap.add_argument("--keep", type=Path, help="build here and keep the corpora and outputs")
    ap.add_argument("--no-jobs1", action="store_true", help="skip the --jobs 1 build at sizes above 1,000")
    ap.add_argument("--repeats", type=int, default=1,
                    help="time each cold build this many times and keep the fastest (shared cores are noisy)")
    args = ap.parse_args(argv)
    if not args.ntrex.is_dir():
        raise SystemExit(f"{args.ntrex}: not found; pass --ntrex")
    work = args.keep or Path(tempfile.mkdtemp(prefix="kg-scale-"))
    sources = source_documents(args.ntrex)
    print(f"{len(sources)} source documents; work folder {work}")
    print(f"{'docs':>6} {'MB':>6} {'jobs1 s':>8} {'jobs2 s':>8} {'lcut s':>7} {'jobs2/lcut':>10} {'jobs1/lcut':>10} "
          f"{'speed-up':>8} {'peak RSS MB':>11} {'peak PSS MB':>11}")
    results: dict[int, dict[str, float]] = {}
    # untimed: the first build reads the models and libraries from disk; the timed ones should not
    make_corpus(work / "warm-up", 10, sources, seed=1)
    run_build(work / "warm-up", work / "out-warm-up", "--jobs", "2", "--no-cache")
    for n in args.sizes:
        corpus = work / f"corpus{n}"
        shutil.rmtree(corpus, ignore_errors=True)
        chinese = make_corpus(corpus, n, sources)
        mb = sum(p.stat().st_size for p in corpus.rglob("*.txt")) / 1e6
        lcut = lcut_seconds(chinese)
        two, rss, pss = fastest_build(args.repeats, corpus, work / f"out{n}-j2", "--jobs", "2", "--no-cache")
        one = float("nan")
        if not (args.no_jobs1 and n > 1000):
            one, rss1, pss1 = fastest_build(args.repeats, corpus, work / f"out{n}-j1", "--jobs", "1", "--no-cache")
            rss, pss = max(rss, rss1), max(pss, pss1)
        results[n] = {"jobs1": one, "jobs2": two}
        print(f"{n:>6} {mb:>6.1f} {one:>8.1f} {two:>8.1f} {lcut:>7.2f} {two / lcut:>10.1f} {one / lcut:>10.1f} "
              f"{one / two:>8.2f} {rss / 1e6:>11.0f} {pss / 1e6:>11.0f}", flush=True)
        if not math.isnan(one):  # both builds ran
            ext1, ext2 = (_report_seconds(work / f"out{n}-j{j}", "extract") for j in (1, 2))
            print(f"{'':>6} extraction alone (the last builds' reports): {ext1:.1f} s with --jobs 1, {ext2:.1f} s with --jobs 2 "
                  f"({ext1 / ext2:.2f}x)", flush=True)
    ceiling = sorted(two_process_ceiling())
    print(f"two processes of a plain Python loop do {ceiling[len(ceiling) // 2]:.2f}x the work of one on this machine "
          f"(median of {len(ceiling)}, {ceiling[0]:.2f}-{ceiling[-1]:.2f}): the ceiling of the --jobs 2 speed-up")
    sizes = sorted(results)
    for small, big in zip(sizes, sizes[1:]):
        print(f"growth {small} -> {big} documents ({big / small:.0f}x): "
              f"{results[big]['jobs2'] / results[small]['jobs2']:.1f}x the time with --jobs 2")
    if 1000 in results:
        corpus, out = work / "corpus1000", work / "out1000-cache"
        cold, *_ = run_build(corpus, out, "--jobs", "2")
        victim = sorted(corpus.rglob("*.txt"))[500]
        change_document(victim)
        warm, *_ = run_build(corpus, out, "--jobs", "2")
        print(f"rebuild after changing 1 of 1,000 documents: {warm:.1f} s against a cold build (cache on) of "
              f"{cold:.1f} s = {100 * warm / cold:.1f}%")
        victims = sorted(corpus.rglob("*.txt"))[501:506]
        watched = watch_rebuild_seconds(corpus, out, victims, "--jobs", "2")
        took = sorted(t for t, _ in watched)[len(watched) // 2]
        latency = sorted(t for _, t in watched)[len(watched) // 2]
        print(f"rebuild in a resident kg build --watch after changing 1 of 1,000 documents (median of {len(watched)}): "
              f"{took:.2f} s = {100 * took / cold:.1f}% of the cold build; {latency:.2f} s from the change to "
              f"the new outputs")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
