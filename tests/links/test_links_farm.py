"""The benchmark's farm of misbehaving hosts (benchmarks/linkfarm), run in-process without its
latency: every verdict right on several seeds, every soft-404 style caught, no 429 provoked."""

from __future__ import annotations

import collections
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from linkfarm.farm import STYLES, TELLING, Farm, build_table

from footcheck.links import verify


@pytest.fixture
def farm_factory():
    farms: list[Farm] = []

    def make(seed: int, latency: float = 0.0) -> tuple[Farm, list]:
        table = build_table(seed)
        farm = Farm(table, latency=latency, cap=4)
        farms.append(farm)
        return farm, table

    yield make
    for farm in farms:
        farm.close()


def _wrong(farm: Farm, table: list, cfg, kinds: set[str] | None = None) -> list[tuple]:
    """Verify the farm's URLs (of ``kinds``): those whose verdict is not the expected one."""
    cited = [u for u in table if kinds is None or u.behaviour in kinds]
    urls = {f"http://{u.host}:{farm.port}{u.path}": u for u in cited}
    results = verify(list(urls), cfg)
    return [(u.behaviour, farm.styles[u.host], u.expected, r.verdict, r.detail)
            for url, r in results.items() for u in [urls[url]] if r.verdict != u.expected]


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5, 6])
def test_every_soft_404_style_is_caught_and_no_article_is_taken_for_one(
        farm_factory, config_factory, seed):
    farm, table = farm_factory(seed)
    kinds = {"soft404", "alive", "moved", "temporary", "gone404"}
    assert _wrong(farm, table, config_factory(per_host=4), kinds) == []
    styles = collections.Counter(farm.styles[u.host] for u in table if u.behaviour == "soft404")
    assert set(styles) == set(STYLES)  # every host's style was met
    served = {TELLING[sum(u.path.encode()) % len(TELLING)] for u in table
              if u.behaviour == "soft404" and farm.styles[u.host] == "hard404"}
    assert served == set(TELLING)  # and every page that says so itself


@pytest.mark.parametrize("seed", [1, 2])
def test_the_whole_farm_every_verdict_right_and_no_429_provoked(
        farm_factory, config_factory, seed):
    farm, table = farm_factory(seed, latency=0.01)
    # the slow pages answer after 2 s: 3.5 s leaves them room on a loaded machine (2.5 s did
    # not, once, with another process busy on both cores)
    cfg = config_factory(per_host=4, read_timeout=3.5, connect_timeout=3.5, url_timeout=8.0)
    assert _wrong(farm, table, cfg) == []
    assert farm.stats()["cap_429_total"] == 0
    assert max(farm.stats()["peak"].values()) <= 4


def test_the_benchmark_bounds_tell_a_late_hang_from_an_early_one():
    """benchmarks/links.py: the lower bound knows which URLs hang and starts them first; the
    cited-order bound starts them where they are cited, so a hang cited last waits for the
    answers before it and ends the host's run late."""
    from linkfarm.farm import Url

    from links import lower_bound, order_bound

    def table(kinds: list[str]) -> list[Url]:
        return [Url("127.0.0.2", f"/p{i}", kind) for i, kind in enumerate(kinds)]

    quick = ["alive"] * 120
    first, split = table(["never"] * 4 + quick), table(["never"] * 3 + quick + ["never"])
    args = (0.05, 10.0, 4, 1.0, 1)
    bound = (0.05 + 4 * 10 + 120 * 0.05) / 4  # the probe, the hangs, the answers on 4 slots
    assert lower_bound(first, *args) == pytest.approx(bound)
    assert lower_bound(split, *args) == pytest.approx(bound)
    assert order_bound(first, *args) == pytest.approx(bound, abs=0.05)
    # three slots hang for 10 s while the fourth gives 120 answers, then the last hang starts
    assert order_bound(split, *args) == pytest.approx(0.05 + 120 * 0.05 + 10, abs=0.05)
