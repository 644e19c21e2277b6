"""Latency and throughput of the REST service under concurrent load, over loopback.

Starts ``presidio-gliner2 serve`` on a free loopback port (or uses ``--url``), sends each request
body once alone (warm-up and the expected answers), then ``--requests`` requests with
``--concurrency`` in flight, and reports p50/p95/p99 latency, requests per second, errors and
responses that differ from the sequential ones (there should be none).

    python bench/load_test.py                             # 500 x /analyze at concurrency 8
    python bench/load_test.py --endpoint redact --requests 200
    python bench/load_test.py --url http://127.0.0.1:3000 --workers-note "2 workers"
    python bench/load_test.py --matrix --requests 200   # one pass per request vs shared passes,
                                                        # concurrency 1/8/32, one run

Writes a markdown table to stdout and ``bench/results/load_test-<endpoint>.md`` (+ ``.json``).
Numbers depend on the machine and on what else runs on it: the load average before and after
is recorded with them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Optional

import httpx

RESULTS = Path(__file__).resolve().parent / "results"
SENTENCES = [
    "Patient Maria Garcia, DOB 04/12/1961, was admitted on 02/03/2024 with chest pain.",
    "Please wire the refund to account 0012-4456-78 at First Harbor Bank by Friday.",
    "Contact Dr. Alan Chu at alan.chu@clinic.example or 415-555-0132 about the results.",
    "The claim for policy HX-99812 was filed by Peter Novak, 1420 Elm Street, Denver.",
    "Her SSN is 321-54-9876 and the card on file is 4111 1111 1111 1111.",
    "The quarterly meeting moved to the large conference room on the third floor.",
    "Mr. Kowalski's MRN 88-1290-3 and insurance member ID QZ7781202 are on the form.",
    "Invoice 2024-118 for Acme Logistics is due; questions to billing@acme.example.",
]


def bodies_for(endpoint: str) -> list[tuple[str, dict]]:
    if endpoint == "analyze":
        return [("/analyze", {"text": s, "language": "en"}) for s in SENTENCES]
    if endpoint == "redact":
        return [("/redact", {"text": s}) for s in SENTENCES]
    if endpoint == "anonymize":
        return [("/anonymize", {"text": s, "analyzer_results": [{"start": 0, "end": 12, "score": 0.9,
                                                                  "entity_type": "PERSON"}]}) for s in SENTENCES]
    raise ValueError(endpoint)


def start_server(threads: int, extra_env: Optional[dict] = None, source: Optional[Path] = None
                 ) -> tuple[subprocess.Popen, str]:
    """``presidio-gliner2 serve`` on a free port; ``source``: run that checkout's package instead."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = dict(os.environ, HOST="127.0.0.1", PORT=str(port), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1",
               LOG_LEVEL="WARNING")
    if threads:
        env["OMP_NUM_THREADS"] = str(threads)
    env.update(extra_env or {})
    command = [shutil.which("presidio-gliner2", path=str(Path(sys.executable).parent)) or "presidio-gliner2"]
    if source is not None:
        env["PYTHONPATH"] = str(source)
        command = [sys.executable, "-m", "presidio_gliner2.cli"]
    log = open(Path(tempfile.mkdtemp()) / "server.log", "wb")
    process = subprocess.Popen(command + ["serve"], env=env, stdout=log, stderr=subprocess.STDOUT,
                               cwd=str(source) if source is not None else None)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"server exited with {process.returncode}; log: {log.name}")
        try:
            if httpx.get(url + "/health", timeout=2).status_code == 200:
                return process, url
        except httpx.HTTPError:
            pass
        time.sleep(0.25)
    process.kill()
    raise SystemExit("server did not become healthy in 600 s")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def run(url: str, endpoint: str, requests: int, concurrency: int) -> dict:
    bodies = bodies_for(endpoint)
    with httpx.Client(base_url=url, timeout=600, limits=httpx.Limits(max_connections=concurrency)) as client:
        expected = [client.post(path, json=body).content for path, body in bodies]  # warm-up + answers
        sequential = []
        for path, body in bodies:
            began = time.perf_counter()
            client.post(path, json=body)
            sequential.append(time.perf_counter() - began)

        def call(i: int):
            path, body = bodies[i % len(bodies)]
            began = time.perf_counter()
            response = client.post(path, json=body)
            return i % len(bodies), response.status_code, response.content, time.perf_counter() - began

        load_before = os.getloadavg()[0]
        began = time.perf_counter()
        with ThreadPoolExecutor(max_workers=concurrency) as pool:
            outcomes = list(pool.map(call, range(requests)))
        wall = time.perf_counter() - began
    latencies = [o[3] * 1000 for o in outcomes]
    return {
        "endpoint": endpoint, "requests": requests, "concurrency": concurrency,
        "errors": sum(1 for o in outcomes if o[1] != 200),
        "mismatches": sum(1 for k, status, content, _ in outcomes
                          if status == 200 and _rounded(content) != _rounded(expected[k])),
        "wall_s": round(wall, 2), "requests_per_s": round(requests / wall, 2),
        "p50_ms": round(percentile(latencies, 50), 1), "p95_ms": round(percentile(latencies, 95), 1),
        "p99_ms": round(percentile(latencies, 99), 1), "mean_ms": round(statistics.mean(latencies), 1),
        "sequential_median_ms": round(statistics.median(sequential) * 1000, 1),
        "load_average_before": round(load_before, 2), "load_average_after": round(os.getloadavg()[0], 2),
        "cpus": os.cpu_count(), "machine": platform.processor() or platform.machine(),
    }


def _rounded(content: bytes):
    """The JSON answer with scores to 4 places: a shared pass pads differently, which moves
    scores by float noise (~1e-7), never a finding."""
    def walk(value):
        if isinstance(value, float):
            return round(value, 4)
        if isinstance(value, list):
            return [walk(v) for v in value]
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        return value

    return walk(json.loads(content))


# Setups of the --matrix run: the service as it was (one request, one pass at a time) and now.
SETUPS = {
    "one pass per request (INFERENCE_SLOTS=1, MICRO_BATCH_WAIT_MS=0)": {"INFERENCE_SLOTS": "1", "MICRO_BATCH_WAIT_MS": "0"},
    "shared passes (INFERENCE_SLOTS=8, MICRO_BATCH_WAIT_MS=5)": {"INFERENCE_SLOTS": "8", "MICRO_BATCH_WAIT_MS": "5"},
    "one pass per request, onnx-int8": {"INFERENCE_SLOTS": "1", "MICRO_BATCH_WAIT_MS": "0",
                                        "PRESIDIO_GLINER2_BACKEND": "onnx-int8"},
    "shared passes, onnx-int8": {"INFERENCE_SLOTS": "8", "MICRO_BATCH_WAIT_MS": "5",
                                 "PRESIDIO_GLINER2_BACKEND": "onnx-int8"},
}


def baseline_checkout(revision: str) -> Path:
    """A worktree of ``revision`` (the service before this change), made once, for the same run."""
    root = Path(__file__).resolve().parents[1]
    path = Path(tempfile.gettempdir()) / f"presidio-gliner2-{revision}"
    if not (path / "presidio_gliner2").is_dir():
        subprocess.run(["git", "-C", str(root), "worktree", "add", "--detach", str(path), revision], check=True)
    models = path / "presidio_gliner2" / "models" / "default"
    return path if models.is_dir() else root


def matrix(args) -> int:
    rows = []
    setups = dict(SETUPS)
    if args.baseline_rev:
        setups = {f"git {args.baseline_rev} (before, its defaults)": {"__source__": args.baseline_rev}, **setups}
    for setup, env in setups.items():
        env = dict(env)
        revision = env.pop("__source__", None)
        source = baseline_checkout(revision) if revision else None
        process, url = start_server(args.threads, env, source)
        try:
            for concurrency in (1, 8, 32):
                report = run(url, args.endpoint, args.requests, concurrency)
                report["setup"] = setup
                rows.append(report)
                print(setup, concurrency, report["requests_per_s"], "req/s", flush=True)
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
    base = {r["concurrency"]: r["requests_per_s"] for r in rows if r["setup"] == next(iter(setups))}
    lines = [f"# REST throughput: POST /{args.endpoint}, {args.requests} requests per row, one run", "",
             f"`python bench/load_test.py --matrix --endpoint {args.endpoint} --requests {args.requests}`; "
             f"{os.cpu_count()} CPUs, one worker, general config, bundled model (torch unless the setup says).", "",
             f"| setup | concurrency | requests/s | vs {next(iter(setups)).split(' (')[0]} | p50 ms | p95 ms | errors | differ from sequential |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in rows:
        lines.append(f"| {r['setup']} | {r['concurrency']} | {r['requests_per_s']} | "
                     f"{r['requests_per_s'] / base[r['concurrency']]:.2f}x | {r['p50_ms']} | {r['p95_ms']} | "
                     f"{r['errors']} | {r['mismatches']} |")
    markdown = "\n".join(lines) + "\n"
    print(markdown)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"rest_throughput-{args.endpoint}.md").write_text(markdown)
    (RESULTS / f"rest_throughput-{args.endpoint}.json").write_text(json.dumps(rows, indent=2) + "\n")
    return 1 if any(r["errors"] or r["mismatches"] for r in rows) else 0


def to_markdown(report: dict, note: str) -> str:
    r = report
    return "\n".join([
        f"# Load test: POST /{r['endpoint']}, {r['requests']} requests at concurrency {r['concurrency']}",
        "", note, "",
        "| requests/s | p50 ms | p95 ms | p99 ms | mean ms | one request alone (median ms) | errors | differ from sequential |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
        f"| {r['requests_per_s']} | {r['p50_ms']} | {r['p95_ms']} | {r['p99_ms']} | {r['mean_ms']} | "
        f"{r['sequential_median_ms']} | {r['errors']} | {r['mismatches']} |",
        "", f"{r['cpus']} CPUs, load average {r['load_average_before']} before / {r['load_average_after']} after.",
        "Latency includes queueing: with one model slot per worker, 8 concurrent requests wait for each other.",
    ]) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", help="an already running server (default: start one)")
    parser.add_argument("--endpoint", choices=["analyze", "redact", "anonymize"], default="analyze")
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--threads", type=int, default=0, help="OMP_NUM_THREADS for a started server (0: torch default)")
    parser.add_argument("--note", default="", help="a line about the setup, written with the results")
    parser.add_argument("--baseline-rev", help="with --matrix: also serve this git revision's package as the "
                                               "first setup (the service before a change, measured in the same run)")
    parser.add_argument("--matrix", action="store_true",
                        help="start a server per setup (one pass per request; shared passes) and run concurrency "
                             "1, 8 and 32 against each: bench/results/rest_throughput-ENDPOINT.md")
    args = parser.parse_args()
    if args.matrix:
        return matrix(args)

    process = None
    url = args.url
    if url is None:
        process, url = start_server(args.threads)
    try:
        report = run(url, args.endpoint, args.requests, args.concurrency)
    finally:
        if process is not None:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=30)
    note = args.note or (f"Server: `presidio-gliner2 serve`, 1 worker, default config (general), bundled model, "
                         f"torch threads {'default' if not args.threads else args.threads}.")
    report["note"] = note
    markdown = to_markdown(report, note)
    print(markdown)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"load_test-{args.endpoint}.md").write_text(markdown)
    (RESULTS / f"load_test-{args.endpoint}.json").write_text(json.dumps(report, indent=2) + "\n")
    return 1 if report["errors"] or report["mismatches"] else 0


if __name__ == "__main__":
    sys.exit(main())
