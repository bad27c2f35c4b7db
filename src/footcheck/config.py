"""Settings from a configuration file, found from the document's folder upward.

In each folder from the document's up to the root, the first of ``.footcheck.toml``,
``footcheck.toml`` and ``pyproject.toml`` (only with a ``[tool.footcheck]`` table) is the
configuration; in the first two the settings are at the top level, in ``pyproject.toml``
under ``[tool.footcheck]``. ``--config PATH`` names the file instead of searching;
``--isolated`` ignores every file. An option given on the command line wins over the file.

.. code-block:: toml

    [tool.footcheck]
    select = ["FC1", "FC2", "FC3"]        # rules by code prefix or kind; default: every rule
    ignore = ["inconsistent-style"]
    fail-on = "warning"                   # error, warning, info or never
    exclude = ["drafts", "archive/**"]    # folders and files a folder walk skips
    placeholder-words = ["XXX", "ПРОВЕРИТЬ"]  # more words that mark a missing source

    [tool.footcheck.per-file-ignores]
    "annexes/*.md" = ["FC103"]

    [tool.footcheck.links]
    timeout = 20          # seconds
    per-host = 2
    user-agent = "house-style-checker/1.0 (+https://example.org)"
    cache-max-age = 72    # hours

    [tool.footcheck.outlets]              # outlet name = its sites
    "Kyiv Independent" = ["kyivindependent.com"]

Globs (``exclude``, ``per-file-ignores``) are matched against a document's path relative to
the folder of the configuration file, with ``/`` between folders; a glob matches a path when
it matches the path or one of its folders (``drafts`` covers ``drafts/a/b.md``), and a glob
without ``/`` also matches any single file or folder name (``*.draft.md``). ``*`` crosses
folders.

Anything that is not a known key, or not of the right type, is an error (:class:`ConfigError`,
exit code 2) naming the file and the key, with a suggestion for a misspelt key.
"""

from __future__ import annotations

import fnmatch
import functools
import json
import math
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .errors import FootcheckError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

__all__ = ["FILES", "ConfigError", "Resolver", "Settings", "find", "load", "parse_codes",
           "show", "shown_path"]

#: The files searched for in each folder, in order of precedence.
FILES = (".footcheck.toml", "footcheck.toml", "pyproject.toml")

SEVERITIES = ("error", "warning", "info", "never")


class ConfigError(FootcheckError):
    """A configuration file footcheck cannot use: unreadable, not TOML, an unknown key or a
    bad value. A usage error: exit code 2."""

    exit_code = 2


@dataclass(frozen=True)
class Settings:
    """The settings for one document: a configuration file's, or the defaults.

    ``path`` is the configuration file (``None``: defaults only); ``root`` the folder globs
    are relative to; ``given`` the names of the fields the file sets and ``cli`` those the
    command line sets (for :func:`show`). Link times are in seconds, except
    ``cache_max_age`` (hours, as on the command line).
    """

    path: str | None = None
    root: str = "."
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = ()
    timeout: float = 10.0
    per_host: int = 4
    user_agent: str | None = None
    cache_max_age: float = 24.0
    placeholder_words: tuple[str, ...] = ()
    outlets: tuple[tuple[str, tuple[str, ...]], ...] = ()
    given: frozenset[str] = frozenset()
    cli: frozenset[str] = frozenset()

    def with_options(self, **options: Any) -> Settings:
        """These settings with the options given on the command line (which win)."""
        return replace(self, **options, cli=self.cli | frozenset(options))

    def relative(self, path: str | os.PathLike[str]) -> str | None:
        """``path`` relative to :attr:`root`, with ``/`` between folders; ``None`` outside."""
        try:
            rel = Path(os.path.abspath(path)).relative_to(os.path.abspath(self.root))
        except ValueError:
            return None
        return rel.as_posix()

    def excludes(self, path: str | os.PathLike[str],
                 within: str | os.PathLike[str] | None = None) -> bool:
        """Whether an ``exclude`` glob matches ``path`` (or one of its folders; with
        ``within``, a folder named on the command line, only its folders below that one)."""
        rel = self.relative(path)
        if rel is None or not self.exclude:
            return False
        skip = 0
        if within is not None:
            inside = self.relative(within)
            if inside is not None and inside != ".":
                skip = len(inside.split("/"))
        return any(_matches(rel, glob, skip) for glob in self.exclude)

    def ignore_for(self, path: str | os.PathLike[str]) -> tuple[str, ...]:
        """``ignore`` and the ``per-file-ignores`` whose glob matches ``path``."""
        rel = self.relative(path)
        extra = [code for glob, codes in self.per_file_ignores
                 if rel is not None and _matches(rel, glob) for code in codes]
        return tuple(dict.fromkeys((*self.ignore, *extra)))


def _matches(rel: str, glob: str, skip: int = 0) -> bool:
    """Whether ``glob`` matches the relative path ``rel`` or one of its folders (but not the
    first ``skip`` ones); a glob without ``/`` also matches any one name in the path."""
    glob = glob.strip().removeprefix("./").strip("/")
    if not glob:
        return False
    parts = rel.split("/")
    candidates = ["/".join(parts[:i]) for i in range(skip + 1, len(parts) + 1)]
    if "/" not in glob:
        candidates += parts[skip:]
    return any(fnmatch.fnmatchcase(candidate, glob) for candidate in candidates)


# --- values -----------------------------------------------------------------------------------

def parse_codes(values: Iterable[str]) -> tuple[str, ...]:
    """Rule selectors (code prefixes or kinds, comma-separated in any item), each checked
    against the rule table; raises ``ValueError`` naming the first that matches no rule."""
    from .checks.rules import RULES

    out = tuple(v.strip() for value in values for v in value.split(",") if v.strip())
    for v in out:
        if not any(r.code.startswith(v.upper()) or r.kind == v.lower() for r in RULES):
            raise ValueError(f"{v!r} matches no rule code or kind (see 'footcheck rules')")
    return out


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    raise ValueError(f"expected a list of strings, got {_shown_value(value)}")


def _codes(value: Any) -> tuple[str, ...]:
    return parse_codes(_strings(value))


def _select(value: Any) -> tuple[str, ...]:
    codes = _codes(value)
    if not codes:
        raise ValueError("is empty: name rules, or leave select out to run every rule")
    return codes


def _severity(value: Any) -> str:
    if isinstance(value, str) and value.lower() in SEVERITIES:
        return value.lower()
    raise ValueError(f"expected one of {', '.join(SEVERITIES)}, got {_shown_value(value)}")


def _globs(value: Any) -> tuple[str, ...]:
    globs = tuple(g for g in _strings(value))
    for glob in globs:
        if not glob.strip().strip("/"):
            raise ValueError(f"{glob!r} is not a glob")
    return globs


def _per_file_ignores(value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise ValueError(f'expected a table of globs, such as {{"annexes/*.md" = ["FC103"]}}, '
                         f"got {_shown_value(value)}")
    out = []
    for glob, codes in value.items():
        _globs([glob])
        try:
            out.append((glob, _codes(codes)))
        except ValueError as error:
            raise ValueError(f"{_key(glob)}: {error}") from None
    return tuple(out)


def _words(value: Any) -> tuple[str, ...]:
    words = tuple(w.strip() for w in _strings(value))
    if any(not w for w in words):
        raise ValueError("holds an empty word")
    return words


_LABEL = r"[a-z0-9\u00a1-\uffff](?:[a-z0-9\u00a1-\uffff-]*[a-z0-9\u00a1-\uffff])?"
_DOMAIN_PATTERN = rf"(?i)(?:{_LABEL}\.)+[a-z\u00a1-\uffff][a-z0-9\u00a1-\uffff-]*"


@functools.cache
def _domain() -> re.Pattern[str]:
    """A domain name (compiled on first use: a case-insensitive pattern over most of Unicode
    takes ~40 ms to compile, and most runs read no outlet pairs)."""
    return re.compile(_DOMAIN_PATTERN)


def _outlets(value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise ValueError('expected a table of outlet names, such as {"Kyiv Independent" = '
                         f'["kyivindependent.com"]}}, got {_shown_value(value)}')
    out = []
    for name, domains in value.items():
        if not name.strip():
            raise ValueError("an outlet has an empty name")
        try:
            listed = _strings(domains)
            if not listed:
                raise ValueError("expected at least one domain")
            for domain in listed:
                if not _domain().fullmatch(domain.strip().rstrip(".")):
                    bare = re.sub(r"^[a-z]+://|/.*$", "", domain.strip(), flags=re.I)
                    hint = f" (write {bare!r})" if _domain().fullmatch(bare) else ""
                    raise ValueError(f"{domain!r} is not a domain{hint}")
        except ValueError as error:
            raise ValueError(f"{_key(name)}: {error}") from None
        out.append((name.strip(), tuple(d.strip().lower().rstrip(".") for d in listed)))
    return tuple(out)


def _number(low: float, unit: str) -> Callable[[Any], float]:
    def parse(value: Any) -> float:
        if isinstance(value, (int, float)) and not isinstance(value, bool) \
                and math.isfinite(value) and value >= low:
            return float(value)
        raise ValueError(f"expected a number of {unit} of at least {low:g}, "
                         f"got {_shown_value(value)}")
    return parse


def _count(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    raise ValueError(f"expected a whole number of at least 1, got {_shown_value(value)}")


def _text(value: Any) -> str:
    if isinstance(value, str) and value.strip() and value.isprintable():
        return value.strip()
    raise ValueError(f"expected a non-empty line of text, got {_shown_value(value)}")


#: Top-level key -> (Settings field, parser); ``links`` is a table of its own.
_KEYS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "select": ("select", _select),
    "ignore": ("ignore", _codes),
    "fail-on": ("fail_on", _severity),
    "per-file-ignores": ("per_file_ignores", _per_file_ignores),
    "exclude": ("exclude", _globs),
    "placeholder-words": ("placeholder_words", _words),
    "outlets": ("outlets", _outlets),
}
_LINK_KEYS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "timeout": ("timeout", _number(0.1, "seconds")),
    "per-host": ("per_host", _count),
    "user-agent": ("user_agent", _text),
    "cache-max-age": ("cache_max_age", _number(0, "hours")),
}


# --- files ------------------------------------------------------------------------------------

def find(start: str | os.PathLike[str]) -> Path | None:
    """The configuration file for a document in the folder ``start``: the first of
    :data:`FILES` from ``start`` upward (a ``pyproject.toml`` only with ``[tool.footcheck]``).
    """
    folder = Path(os.path.abspath(start))
    for directory in (folder, *folder.parents):
        for name in FILES:
            candidate = directory / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_table(candidate)):
                return candidate
    return None


def _has_table(pyproject: Path) -> bool:
    """Whether a ``pyproject.toml`` has a ``[tool.footcheck]`` table (one that does not
    mention footcheck is not read: a broken file of another tool's is not footcheck's
    business)."""
    try:
        if b"footcheck" not in pyproject.read_bytes():
            return False
    except OSError:
        return False
    tool = _parse(pyproject).get("tool")
    return isinstance(tool, dict) and "footcheck" in tool


def _parse(path: Path) -> dict[str, Any]:
    shown = shown_path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        reason = "no such file" if isinstance(exc, FileNotFoundError) else \
            "is a directory" if isinstance(exc, IsADirectoryError) else \
            (exc.strerror or type(exc).__name__).lower()
        raise ConfigError(f"{shown}: cannot read the configuration ({reason})") from None
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{shown}: not valid TOML (not UTF-8 text)") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{shown}: not valid TOML: {exc}") from None


def load(path: str | os.PathLike[str]) -> Settings:
    """The settings of the configuration file at ``path`` (any of :data:`FILES`, or another
    name, read as a ``footcheck.toml``). Raises :class:`ConfigError`."""
    path = Path(path)
    data = _parse(path)
    shown = shown_path(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        table = tool.get("footcheck") if isinstance(tool, dict) else None
        if table is None:
            raise ConfigError(f"{shown}: has no [tool.footcheck] table")
        prefix = "tool.footcheck."
    else:
        table, prefix = data, ""
    if not isinstance(table, dict):
        raise ConfigError(f"{shown}: {prefix.rstrip('.')} must be a table")
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key == "links":
            if not isinstance(value, dict):
                raise ConfigError(f"{shown}: {prefix}links: expected a table, such as "
                                  f"[{prefix}links], got {_shown_value(value)}")
            for link_key, link_value in value.items():
                values.update(_value(_LINK_KEYS, link_key, link_value, shown,
                                     f"{prefix}links."))
            continue
        values.update(_value(_KEYS, key, value, shown, prefix))
    return Settings(path=str(path), root=os.path.abspath(path.parent), **values,
                    given=frozenset(values))


def _value(keys: dict[str, tuple[str, Callable[[Any], Any]]], key: str, value: Any,
           shown: str, prefix: str) -> dict[str, Any]:
    """``{field: parsed value}`` for one key, or a :class:`ConfigError` naming it."""
    if key not in keys:
        raise ConfigError(f"{shown}: unknown key {_key(prefix + key)}{_suggest(key, prefix)}")
    name, parse = keys[key]
    try:
        return {name: parse(value)}
    except ValueError as error:
        raise ConfigError(f"{shown}: {_key(prefix + key)}: {error}") from None


def _suggest(key: str, prefix: str) -> str:
    """`` (did you mean 'select'?)`` for a misspelt key, or an empty string."""
    in_links = prefix.endswith("links.")
    here = _LINK_KEYS if in_links else {**_KEYS, "links": ()}
    folded = key.lower().replace("_", "-").replace(" ", "-")
    if folded in here:
        return f" (did you mean {_key(folded)}?)"
    if not in_links and folded in _LINK_KEYS:
        return f" (did you mean {_key('links.' + folded)}, in the [{prefix}links] table?)"
    if in_links and folded in _KEYS:
        return f" (did you mean {_key(folded)}, outside the links table?)"
    if not in_links and not prefix and folded == "tool":
        return (" (outside pyproject.toml the settings are at the top level, without "
                "[tool.footcheck])")
    import difflib

    close = difflib.get_close_matches(folded, list(here), n=1, cutoff=0.6)
    if not close and not in_links:
        close = ["links." + k for k in difflib.get_close_matches(folded, list(_LINK_KEYS),
                                                                  n=1, cutoff=0.6)]
    return f" (did you mean {_key(close[0])}?)" if close else ""


def _key(key: str) -> str:
    return repr(key) if key.isprintable() else ascii(key)


def _shown_value(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def shown_path(path: str | os.PathLike[str]) -> str:
    """``path`` as a message names it: relative to the current folder when inside it."""
    absolute = os.path.abspath(path)
    try:
        rel = os.path.relpath(absolute)
    except ValueError:  # another drive (Windows)
        rel = absolute
    text = absolute if rel.startswith("..") else rel
    return text if text.isprintable() else text.encode("unicode_escape").decode("ascii")


class Resolver:
    """The settings of each document: from ``config`` (a file named with ``--config``), none
    at all (``isolated``), or the file found from the document's folder upward (each folder's
    answer remembered)."""

    def __init__(self, config: str | None = None, *, isolated: bool = False) -> None:
        self.isolated = isolated
        self.fixed = load(config) if config is not None else None
        self.default = Settings(root=os.getcwd())
        self._found: dict[str, Settings] = {}
        self._loaded: dict[Path, Settings] = {}

    def for_document(self, path: str | os.PathLike[str]) -> Settings:
        """The settings of the document at ``path`` (a folder's own settings when it is
        one)."""
        if self.fixed is not None:
            return self.fixed
        if self.isolated:
            return self.default
        path = os.path.abspath(path)
        folder = path if os.path.isdir(path) else os.path.dirname(path)
        if folder not in self._found:
            found = find(folder)
            if found is None:
                self._found[folder] = self.default
            else:
                if found not in self._loaded:
                    self._loaded[found] = load(found)
                self._found[folder] = self._loaded[found]
        return self._found[folder]


# --- --show-settings ----------------------------------------------------------------------------

#: Settings field -> the key it has in a file, in the order :func:`show` prints them.
_SHOWN = {name: key for key, (name, _) in _KEYS.items()}
_SHOWN_LINKS = {name: key for key, (name, _) in _LINK_KEYS.items()}


def show(settings: Settings, documents: Iterable[str] = ()) -> str:
    """The effective settings as TOML (a ``footcheck.toml`` that would give them), each
    value followed by where it comes from: the file, the command line or the default."""
    origin = shown_path(settings.path) if settings.path else None
    documents = list(documents)
    lines = []
    if documents:
        lines.append("# settings for " + ", ".join(documents))
    if settings.path:
        lines.append(f"# configuration file: {origin}")
    else:
        lines.append("# configuration file: none (defaults)")

    def source(name: str) -> str:
        if name in settings.cli:
            return "command line"
        if name in settings.given:
            return origin or "default"
        return "default"

    def entries(names: dict[str, str]) -> Iterator[str]:
        for name, key in names.items():
            value = getattr(settings, name)
            if value is None:
                yield f"# {key} = (footcheck's own)  # {source(name)}"
                continue
            if name == "select" and not value:
                yield f"# {key} = (every rule)  # {source(name)}"
                continue
            yield f"{key} = {_toml(_plain(value, name))}  # {source(name)}"

    lines.extend(entries(_SHOWN))
    lines.append("")
    lines.append("[links]")
    lines.extend(entries(_SHOWN_LINKS))
    return "\n".join(lines) + "\n"


def _plain(value: Any, name: str) -> Any:
    if name in ("per_file_ignores", "outlets"):
        return {k: list(v) for k, v in value}
    if isinstance(value, tuple):
        return list(value)
    return value


def _toml(value: Any) -> str:
    """``value`` (str, bool, number, list, dict) as an inline TOML value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{_toml(str(k))} = {_toml(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")

