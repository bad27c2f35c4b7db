"""A trained citation parser: a CRF labels the tokens of a citation, rules make fields of them.

::

    >>> from footcheck import citations
    >>> citations.fields("Joseph A. Schumpeter, Capitalism, Socialism and Democracy "
    ...                  "(London: Routledge, 1992), 45.")["author"]
    [{'family': 'Schumpeter', 'given': 'Joseph A.'}]

* :func:`label` gives each token of one citation (punctuation marks are tokens, see
  :mod:`.tokens`) one of the labels in :data:`.data.LABELS`;
* :func:`fields` turns one citation into a dict (see :mod:`.normalise`): ``author`` (a list of
  ``{"family", "given"}`` or ``{"literal"}``), ``editor``/``translator`` when present,
  ``title``, ``container``, ``collection``, ``publisher``, ``place``, ``date`` (ISO 8601 with
  the precision given: ``2023``, ``2023-08``, ``2023-08-23``), ``year`` (int), ``volume``,
  ``issue``, ``pages``, ``url`` (a list), ``doi``, ``accessed`` (ISO date), ``note``,
  ``genre``, ``edition`` and ``type``, a CSL type guessed from the fields
  (``article-journal``, ``article-newspaper``, ``book``, ``chapter``, ``report``, ``webpage``,
  ``thesis``, ``legislation``, ``legal_case``, ``document``);
* :func:`sources` labels a whole note and returns the fields of each source it cites, cut at
  the ``;`` the labeller marks ``other``.

The model (``model.crfsuite``, trained by :mod:`.train`) is read on the first call, not at
import; importing this package imports neither pycrfsuite nor the model. The tagger is kept
per thread (CRFsuite taggers are not thread-safe).
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

from .data import LABELS
from .tokens import Token, tokenize

__all__ = ["LABELS", "MODEL", "fields", "label", "labels_of", "load", "parts", "sources",
           "tokenize"]

MODEL = Path(__file__).resolve().parent / "model.crfsuite"

_local = threading.local()
_model_path: Path = MODEL


def load(path: str | Path | None = None) -> None:
    """Use the model at ``path`` (default: the shipped one) from the next call on."""
    global _model_path
    _model_path = Path(path) if path is not None else MODEL
    _local.__dict__.clear()


def _tagger():
    tagger = getattr(_local, "tagger", None)
    if tagger is None or _local.path != _model_path:
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        tagger.open(str(_model_path))
        _local.tagger = tagger
        _local.path = _model_path
    return tagger


def labels_of(text: str, tokens: list[Token]) -> list[str]:
    """The label of each of ``tokens`` of ``text``."""
    if not tokens:
        return []
    from .features import sequence_features

    return _tagger().tag(sequence_features(text, tokens))


_SURROGATE = re.compile("[\ud800-\udfff]")


def _encodable(text: str) -> str:
    """``text`` with lone surrogates (which CRFsuite, reading UTF-8, cannot take) replaced,
    and the hyphens typography sets apart (U+2010, the non-breaking U+2011 of a French
    ``65‑92``, U+2012) read as ``-``: one character for one, so that offsets stay valid."""
    if text.isascii():
        return text
    text = text.translate(_HYPHENS)
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


_HYPHENS = str.maketrans("\u2010\u2011\u2012", "---")


def label(text: str) -> list[tuple[str, str]]:
    """(token, label) for every token of one citation."""
    text = _encodable(text)
    tokens = tokenize(text)
    return [(t.text, lab) for t, lab in zip(tokens, labels_of(text, tokens), strict=True)]


def fields(text: str) -> dict:
    """The fields of one citation (see the module's description)."""
    from .normalise import fields_of

    text = _encodable(text)
    tokens = tokenize(text)
    return fields_of(text, tokens, labels_of(text, tokens))


def _after_url(tokens: list[Token], i: int) -> bool:
    """Whether the token before ``i`` (past ``>``, ``)``, ``.``) is a URL."""
    k = i - 1
    while k >= 0 and tokens[k].text in (">", ")", "."):
        k -= 1
    return k >= 0 and ("://" in tokens[k].text or tokens[k].text.startswith("www."))


def sources(text: str) -> list[dict]:
    """The fields of each source a note cites, split at ``;`` labelled ``other``.

    A ``;`` right after a URL also ends a source, whatever its label.

    Parts with none of the fields that name a work (:data:`_CITING`: explanatory text) are
    left out; a note that cites nothing gives an empty list.
    """
    return [f for _, _, f in parts(text)]


#: The characters of a note read for the sources it cites (~3,000 tokens; the longest note
#: of the sample has 143): a longer one is commentary whose start alone is read, so that a
#: note of megabytes costs the labeller no more than a long note (9 MB of one line took
#: CRFsuite 8 GB).
MAX_CHARS = 20_000
#: The most tokens labelled at once: a longer note is labelled a window at a time, each
#: ending at a ``;`` where one stands in its second half.
WINDOW = 300


def _windows(tokens: list[Token]) -> list[list[Token]]:
    """``tokens`` in windows of at most :data:`WINDOW`, each cut after a ``;`` where it can."""
    out = []
    start = 0
    while len(tokens) - start > WINDOW:
        cut = start + WINDOW
        for i in range(cut - 1, start + WINDOW // 2, -1):
            if tokens[i].text == ";":
                cut = i + 1
                break
        out.append(tokens[start:cut])
        start = cut
    out.append(tokens[start:])
    return out


#: The fields that name a work: a part of a note with none of them cites nothing.
_CITING = ("title", "author", "container", "url", "genre", "publisher")


#: The most ``;`` inside one source tried as the end of a source (an author list may hold
#: many; each try labels the rest of the source again).
_MOST_CUTS = 12


def _alone(text: str, tokens: list[Token]) -> tuple[list[str], dict]:
    """The labels and fields of ``tokens`` read as a citation on its own."""
    from .normalise import fields_of

    begin = tokens[0].start
    piece = text[begin:tokens[-1].end]
    shifted = [Token(t.text, t.start - begin, t.end - begin) for t in tokens]
    labels = labels_of(piece, shifted)
    return labels, fields_of(piece, shifted, labels)


def _whole(f: dict) -> bool:
    """Whether fields read alone make a source: a title, and a date or where it appeared."""
    return bool(f["title"] and (f["date"] or f["container"] or f["publisher"] or f["url"]))


def _cut_inside(text: str, tokens: list[Token], first: int, last: int
                ) -> list[tuple[int, int]]:
    """``tokens[first:last]`` cut again at each ``;`` the labeller read inside a field where
    what follows, read alone, is a whole source (:func:`_whole`) that starts with its
    author, and so is what precedes: ``Smith, John. 2020. Title. Herald; Jones, Kim. 2021.
    …`` (an author list's ``Smith, J.; Jones, K. (2020)`` has no source before its ``;``)."""
    if last - first > WINDOW:
        return [(first, last)]
    cuts = [i for i in range(first + 1, last - 1) if tokens[i].text == ";"][:_MOST_CUTS]
    out = []
    start = first
    for i in cuts:
        if i == start:  # ";;": nothing before this one since the last cut
            continue
        labels, after = _alone(text, tokens[i + 1:last])
        if labels[0] == "author" and _whole(after) and _whole(_alone(text, tokens[start:i])[1]):
            out.append((start, i))
            start = i + 1
    out.append((start, last))
    return out


def parts(text: str) -> list[tuple[int, int, dict]]:
    """(start, end, fields) of each source a note cites (see :func:`sources`): the offsets
    of its first and past its last token in ``text``.

    The whole note is labelled to find where its sources end; when it cites several, each is
    labelled again on its own, so that a source reads the same in every note that cites it,
    whatever stands beside it.
    """
    from .normalise import fields_of

    text = _encodable(text[:MAX_CHARS])
    tokens = tokenize(text)
    labels = [label for window in _windows(tokens) for label in labels_of(text, window)]
    spans = []
    start = 0
    for i in range(len(tokens) + 1):
        if i == len(tokens) or (tokens[i].text == ";" and (
                labels[i] == "other" or _after_url(tokens, i))):
            if start < i:
                spans.append((start, i))
            start = i + 1
    spans = [cut for first, last in spans for cut in _cut_inside(text, tokens, first, last)]
    out = []
    for first, last in spans:
        part_t, part_l = tokens[first:last], labels[first:last]
        begin, end = part_t[0].start, part_t[-1].end
        if len(spans) > 1 and last - first <= WINDOW:
            piece = text[begin:end]
            part_t = [Token(t.text, t.start - begin, t.end - begin) for t in part_t]
            f = fields_of(piece, part_t, labels_of(piece, part_t))
        else:
            f = fields_of(text, part_t, part_l)
        if _names_a_work(f):
            out.append((begin, end, f))
    return out


def _names_a_work(f: dict) -> bool:
    """Whether fields hold one that names a work (:data:`_CITING`), with a letter in it if
    it is text: a run of markers (``^{1} ^{1}``) read as a genre names none."""
    return any(f[k] and (not isinstance(f[k], str) or any(c.isalpha() for c in f[k]))
               for k in _CITING)
