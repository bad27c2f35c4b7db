"""Train the citation labeller: ``python -m footcheck.citations.train``.

The shipped model was made with (from the repository root, AnyStyle checked out or extracted
at ``ANYSTYLE``, commit c6f5fb2fa6e8ce9456ad1e1e88d6bba5f3d7731d)::

    .venv/bin/python -m footcheck.citations.train \\
        --anystyle ANYSTYLE/res/parser/core.xml \\
        --out src/footcheck/citations/model.crfsuite

Training data, in this order:

1. AnyStyle's ``core.xml`` without every sequence whose text (reduced by
   :func:`~footcheck.citations.data.dedupe_key`) also appears in ``gold.xml`` (read from the
   same folder, or ``--gold``); ``gold.xml``, ``good.xml``, ``bad.xml`` and ``ugly.xml`` are
   held-out tests and are never trained on;
2. our policy-brief citations, ``training/briefs.xml`` (``--briefs``), repeated
   ``--briefs-weight`` times (2) so that their styles weigh about as much as AnyStyle's;
3. the citations 32 CSL styles wrote, ``training/rendered.xml`` (``--rendered``, made by
   :mod:`footcheck.citations.rendered`), once.

The trainer is CRFsuite's L-BFGS with fixed parameters (``--c1``, ``--c2``,
``--iterations``); the data order is fixed and CRFsuite is deterministic, so the same
command on the same files gives the same model. ``--search`` chose the defaults: it holds out
every tenth sequence of the training data (never gold), trains on the rest for each (c1, c2) of
a small grid and prints the token accuracy on the held-out tenth. On the shipped model's data
(4,541 sequences: 1,305 of core.xml, 998 briefs twice, 1,240 rendered) it gave, for c1 = 0.01
/ 0.05 / 0.1 / 0.3 (rows) and c2 = 0.001 / 0.01 / 0.05 (columns)::

    0.01   0.9685  0.9698  0.9685
    0.05   0.9644  0.9698  0.9690
    0.1    0.9682  0.9690  0.9723
    0.3    0.9687  0.9690  0.9685

hence c1 = 0.1, c2 = 0.05 (the choice was not looked at against gold.xml or the benchmarks'
held-out sets; before the rendered citations, on 2,233 sequences, the same grid had chosen
0.01 and 0.01, within 0.1 point of 0.1 and 0.05). Training takes about 80 s on one core.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from .data import Sequence, dedupe_key, read
from .features import sequence_features

HERE = Path(__file__).resolve().parent
BRIEFS = HERE / "training" / "briefs.xml"
RENDERED = HERE / "training" / "rendered.xml"
C1 = 0.1
C2 = 0.05
ITERATIONS = 300
BRIEFS_WEIGHT = 2
GRID_C1 = (0.01, 0.05, 0.1, 0.3)
GRID_C2 = (0.001, 0.01, 0.05)


def training_sequences(core: Path, gold: Path, briefs: Path | None = BRIEFS,
                       briefs_weight: int = BRIEFS_WEIGHT, rendered: Path | None = RENDERED,
                       ) -> list[Sequence]:
    """AnyStyle's core set minus anything in gold, then our briefs ``briefs_weight`` times,
    then the citations CSL styles wrote (:mod:`footcheck.citations.rendered`) once."""
    held_out = {dedupe_key(s.text) for s in read(gold)}
    out = [s for s in read(core) if dedupe_key(s.text) not in held_out]
    if briefs is not None:
        mine = read(briefs)
        out.extend(mine * briefs_weight)
    if rendered is not None:
        out.extend(s for s in read(rendered) if dedupe_key(s.text) not in held_out)
    return out


def _items(sequences: Iterable[Sequence]):
    for seq in sequences:
        tokens = seq.tokens()
        if tokens:
            yield sequence_features(seq.text, tokens), seq.labels(tokens)


def train(sequences: Iterable[Sequence], out: Path, c1: float = C1, c2: float = C2,
          iterations: int = ITERATIONS) -> None:
    """Train a CRF on ``sequences`` and write it to ``out``."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for xseq, yseq in _items(sequences):
        trainer.append(xseq, yseq)
    trainer.set_params({
        "c1": c1,
        "c2": c2,
        "max_iterations": iterations,
        "feature.possible_transitions": True,
        "feature.possible_states": False,
    })
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))


def token_accuracy(model: Path, sequences: Iterable[Sequence]) -> float:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    right = total = 0
    for xseq, yseq in _items(sequences):
        pred = tagger.tag(xseq)
        right += sum(p == y for p, y in zip(pred, yseq, strict=True))
        total += len(yseq)
    tagger.close()
    return right / total if total else 0.0


def search(sequences: list[Sequence], workdir: Path, iterations: int) -> tuple[float, float]:
    """Pick (c1, c2) on every tenth sequence held out; prints each pair's token accuracy."""
    dev = sequences[::10]
    rest = [s for i, s in enumerate(sequences) if i % 10]
    best = (-1.0, C1, C2)
    for c1 in GRID_C1:
        for c2 in GRID_C2:
            path = workdir / f"search-{c1}-{c2}.crfsuite"
            train(rest, path, c1, c2, iterations)
            acc = token_accuracy(path, dev)
            path.unlink()
            print(f"c1={c1:<5} c2={c2:<6} token accuracy {acc:.4f}", flush=True)
            best = max(best, (acc, c1, c2))
    print(f"best: c1={best[1]} c2={best[2]} ({best[0]:.4f})")
    return best[1], best[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m footcheck.citations.train",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--anystyle", type=Path, required=True,
                        help="AnyStyle's res/parser/core.xml")
    parser.add_argument("--gold", type=Path,
                        help="AnyStyle's gold.xml, whose sequences are left out "
                             "(default: gold.xml beside core.xml)")
    parser.add_argument("--briefs", type=Path, default=BRIEFS,
                        help="our labelled policy-brief citations")
    parser.add_argument("--no-briefs", action="store_true", help="train on AnyStyle only")
    parser.add_argument("--briefs-weight", type=int, default=BRIEFS_WEIGHT)
    parser.add_argument("--rendered", type=Path, default=RENDERED,
                        help="citations written by CSL styles (python -m "
                             "footcheck.citations.rendered)")
    parser.add_argument("--no-rendered", action="store_true")
    parser.add_argument("--out", type=Path, default=HERE / "model.crfsuite")
    parser.add_argument("--c1", type=float, default=C1)
    parser.add_argument("--c2", type=float, default=C2)
    parser.add_argument("--iterations", type=int, default=ITERATIONS)
    parser.add_argument("--search", action="store_true",
                        help="choose c1 and c2 on a held-out tenth of the training data first")
    args = parser.parse_args(argv)
    gold = args.gold or args.anystyle.with_name("gold.xml")
    if not gold.exists():
        parser.error(f"{gold} not found: pass --gold, its sequences must be left out")
    sequences = training_sequences(args.anystyle, gold,
                                   None if args.no_briefs else args.briefs, args.briefs_weight,
                                   None if args.no_rendered else args.rendered)
    print(f"{len(sequences)} training sequences", flush=True)
    c1, c2 = args.c1, args.c2
    if args.search:
        c1, c2 = search(sequences, args.out.parent, args.iterations)
    start = time.perf_counter()
    train(sequences, args.out, c1, c2, args.iterations)
    size = args.out.stat().st_size
    print(f"wrote {args.out} ({size / 1e6:.2f} MB, c1={c1}, c2={c2}, "
          f"{args.iterations} iterations) in {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
