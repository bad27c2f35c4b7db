"""Benchmark footcheck's link verification against a local farm of misbehaving hosts.

    .venv/bin/python benchmarks/links.py [--seed 4] [--latency 0.05] [--timeout 10]

Starts the farm (``benchmarks/linkfarm/farm.py``) in a subprocess: 10 hosts on
127.0.0.2–11, 32 cited URLs each (320), 50 ms latency, at most 4 simultaneous requests per host
(extra ones get 429), every behaviour mixed in under random slugs. Then calls
``footcheck.links.verify`` on the URLs (allow_private, per_host=4, 10 s timeout, no cache, no
archive) and prints wall time next to the lower bound, verdict accuracy against the farm's
ground truth, the 429s footcheck provoked, and peak RSS. Stops by itself.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from linkfarm.farm import build_table, hosts  # noqa: E402

from footcheck.links import LinkConfig, verify  # noqa: E402


def lower_bound(table, latency: float, timeout: float, per_host: int,
                retry_delay: float) -> float:
    """The best wall time any polite checker could reach on this farm.

    Per host: the request time its URLs need (latency per request; two requests for redirects
    and for answers that must be retried; the timeout for URLs that never answer; 2 s for the
    slow ones; one soft-404 probe), divided by the allowed concurrency. The run can be no
    shorter than the slowest host's queue, nor than its longest single URL.
    """
    cost = {"never": timeout, "slow": 2.0 + latency}
    per_request = {"moved": 2, "temporary": 2, "retry429": 2, "error500": 2, "error503": 2}
    single = {"retry429": 1.0 + 2 * latency, "error500": retry_delay + 2 * latency,
              "error503": 1.0 + 2 * latency}
    worst = 0.0
    for host in hosts():
        urls = [u for u in table if u.host == host and u.path]
        work = latency  # the soft-404 probe
        longest = 0.0
        for u in urls:
            c = cost.get(u.behaviour, latency * per_request.get(u.behaviour, 1))
            work += c
            longest = max(longest, c, single.get(u.behaviour, 0.0))
        worst = max(worst, work / per_host, longest)
    return worst


def start_farm(seed: int, latency: float, cap: int) -> tuple[subprocess.Popen, int]:
    """Start the farm subprocess; its process and port."""
    proc = subprocess.Popen(
        [sys.executable, str(HERE / "linkfarm" / "farm.py"), "--seed", str(seed),
         "--latency", str(latency), "--cap", str(cap), "--lifetime", "300"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline().split()
    if not line or line[0] != "READY":
        proc.kill()
        raise SystemExit("the farm did not start")
    return proc, int(line[1])


def stop_farm(proc: subprocess.Popen) -> dict:
    """Ask the farm for its counters and wait for it to exit."""
    try:
        out, _ = proc.communicate("stop\n", timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        return {}
    lines = [ln for ln in out.splitlines() if ln.startswith("{")]
    return json.loads(lines[-1]) if lines else {}


def main() -> None:
    """Run the benchmark and print its numbers."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--per-host", type=int, default=4)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--head-first", action="store_true")
    parser.add_argument("--write-html", type=Path, default=None,
                        help="also write the cited URLs as an HTML page (for other checkers)")
    parser.add_argument("--serve", type=float, default=0.0,
                        help="keep the farm up this many seconds (for other checkers) and exit")
    args = parser.parse_args()

    table = build_table(args.seed)
    proc, port = start_farm(args.seed, args.latency, args.per_host)
    try:
        cited = list(table)
        urls = [f"http://{u.host}:{port}{u.path}" for u in cited]
        truth = {url: u.expected for url, u in zip(urls, cited, strict=True)}
        if args.write_html:
            links = "\n".join(f'<li><a href="{url}">{url}</a></li>' for url in urls)
            args.write_html.write_text(f"<!doctype html><html><head><title>farm</title></head>"
                                       f"<body><ul>\n{links}\n</ul></body></html>\n")
            (args.write_html.with_suffix(".json")).write_text(json.dumps(truth, indent=1))
        if args.serve:
            print(f"farm serving on port {port} for {args.serve:g} s", flush=True)
            time.sleep(args.serve)
            return
        changes = {"max_workers": args.workers} if args.workers else {}
        config = LinkConfig(allow_private=True, per_host=args.per_host,
                            read_timeout=args.timeout, connect_timeout=args.timeout,
                            use_cache=False, archive=False, head_first=args.head_first,
                            **changes)
        usage = resource.getrusage(resource.RUSAGE_SELF)
        rss_before = usage.ru_maxrss
        cpu_before = usage.ru_utime + usage.ru_stime
        started = time.perf_counter()
        results = verify(urls, config)
        wall = time.perf_counter() - started
        usage = resource.getrusage(resource.RUSAGE_SELF)
        rss_after = usage.ru_maxrss
        cpu = usage.ru_utime + usage.ru_stime - cpu_before
    finally:
        stats = stop_farm(proc)
        if args.serve:
            print(json.dumps(stats), flush=True)

    bound = lower_bound(table, args.latency, args.timeout, args.per_host, config.retry_delay)
    wrong = [(url, truth[url], r.verdict, r.detail) for url, r in results.items()
             if r.verdict != truth[url]]
    false_dead = [w for w in wrong if w[2] == "dead" and w[1] in ("alive", "blocked")]
    correct = len(urls) - len(wrong)
    by_verdict = collections.Counter(r.verdict for r in results.values())
    expected = collections.Counter(truth.values())

    print(f"URLs: {len(urls)} over {len(hosts())} hosts, latency {args.latency * 1000:g} ms, "
          f"per-host cap {args.per_host}, timeout {args.timeout:g} s, "
          f"workers {config.max_workers}, {'HEAD first' if args.head_first else 'GET only'}")
    print(f"wall time:   {wall:6.2f} s   lower bound {bound:.2f} s   "
          f"ratio {wall / bound:.2f}x")
    print(f"accuracy:    {correct}/{len(urls)} = {100 * correct / len(urls):.1f} %   "
          f"alive/blocked reported dead: {len(false_dead)}")
    print(f"429s provoked by footcheck (per-host cap exceeded): {stats.get('cap_429_total')}   "
          f"requests sent: {stats.get('requests_total')}   "
          f"peak per host: {max(stats.get('peak', {0: 0}).values())}")
    print(f"peak RSS:    {rss_after / 1024:.1f} MiB (before verify {rss_before / 1024:.1f} MiB)"
          f"   CPU time {cpu:.2f} s")
    print("verdicts:    " + ", ".join(f"{v} {by_verdict[v]}/{expected[v]}"
                                      for v in sorted(set(expected) | set(by_verdict))))
    behaviours = {f"http://{u.host}:{port}{u.path}": u.behaviour for u in cited}
    for url, want, got, detail in wrong[:20]:
        print(f"  WRONG {behaviours[url]:<11} expected {want:<12} got {got:<12} {detail}")
    sys.stdout.flush()
    os._exit(0)  # do not wait for worker threads of requests still draining


if __name__ == "__main__":
    main()
