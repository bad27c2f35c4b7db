"""Each rule's findings are built by functions that declare it with ``@emits``, in one module.

The check modules are read with :mod:`ast`: every call that names a rule kind, ``rule("kind")``
or a helper that passes its kind on to ``rule`` (``view.finding("kind", …)``,
``_finding("kind", …)``), must sit in a function whose ``@emits`` declares that kind, and a
function must declare no kind it does not build. A function that computes the kind it passes to
``rule`` (a link verdict's rule) declares every kind it may build.
"""

from __future__ import annotations

import ast
import importlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from footcheck.checks import rules
from footcheck.checks.rules import RULES, emits, emitters
from footcheck.model import LinkVerdict

CHECKS = Path(rules.__file__).resolve().parent
#: The check modules, by the code prefix of the rules each is the home of.
HOMES = {"FC1": "structure", "FC2": "content", "FC3": "urls", "FC4": "references",
         "FC5": "links"}
KIND = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass
class Emitter:
    """What one function of a check module does with rule kinds, as read from its source."""

    kinds: set[str] = field(default_factory=set)  # kinds it names in a call
    computed: bool = False  # it calls ``rule`` with a kind it computes


def _positional(function: ast.FunctionDef, in_class: bool) -> list[str]:
    """The names of a function's positional parameters, without ``self`` for a method."""
    names = [a.arg for a in (*function.args.posonlyargs, *function.args.args)]
    return names[1:] if in_class else names


def _functions(tree: ast.Module) -> dict[str, tuple[ast.FunctionDef, bool]]:
    """Every function of a module by qualified name (``_View.finding``), with whether it is a
    method."""
    out: dict[str, tuple[ast.FunctionDef, bool]] = {}

    def visit(node: ast.AST, prefix: str, in_class: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef):
                out[prefix + child.name] = (child, in_class)
                visit(child, f"{prefix}{child.name}.", False)
            elif isinstance(child, ast.ClassDef):
                visit(child, f"{prefix}{child.name}.", True)

    visit(tree, "", False)
    return out


def _callee(call: ast.Call) -> str | None:
    """The name a call is made by: ``rule``, ``_finding``, or the attribute of ``x.finding``."""
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _own_calls(function: ast.FunctionDef) -> list[ast.Call]:
    """The calls in a function's body, not in the functions nested in it."""
    calls: list[ast.Call] = []
    stack: list[ast.AST] = list(function.body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
            continue
        if isinstance(node, ast.Call):
            calls.append(node)
        stack.extend(ast.iter_child_nodes(node))
    return calls


def _passers(functions: dict[str, tuple[ast.FunctionDef, bool]]) -> dict[str, int]:
    """Helpers that pass one of their parameters to ``rule`` as the kind: name -> position."""
    out = {"rule": 0}
    for node, in_class in functions.values():
        params = _positional(node, in_class)
        for call in _own_calls(node):
            if _callee(call) == "rule" and call.args and isinstance(call.args[0], ast.Name) \
                    and call.args[0].id in params:
                out[node.name] = params.index(call.args[0].id)
    return out


def scan(node: ast.FunctionDef, in_class: bool, passers: dict[str, int]) -> Emitter:
    """The kinds one function names in calls of ``rule`` or of a helper in ``passers``, and
    whether it calls ``rule`` with a kind it computes (not one of its parameters)."""
    params = _positional(node, in_class)
    found = Emitter()
    for call in _own_calls(node):
        position = passers.get(_callee(call) or "")
        if position is None or len(call.args) <= position:
            continue
        arg = call.args[position]
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str) \
                and KIND.fullmatch(arg.value):
            found.kinds.add(arg.value)
        elif _callee(call) == "rule" and not (isinstance(arg, ast.Name) and arg.id in params):
            found.computed = True
    return found


def read_emitters(module: str) -> dict[str, Emitter]:
    """The functions of ``footcheck.checks.<module>`` that name or compute rule kinds."""
    tree = ast.parse((CHECKS / f"{module}.py").read_text(encoding="utf-8"))
    functions = _functions(tree)
    passers = _passers(functions)
    out = {name: scan(node, in_class, passers) for name, (node, in_class) in functions.items()}
    return {name: found for name, found in out.items() if found.kinds or found.computed}


def declared(module: str, qualname: str) -> tuple[str, ...] | None:
    """The kinds ``@emits`` declares on a function of a check module, or ``None``."""
    target: object = importlib.import_module(f"footcheck.checks.{module}")
    for part in qualname.split("."):
        target = getattr(target, part)
    return getattr(target, "emits", None)


MODULES = sorted(HOMES.values())
LIVE = [r for r in RULES if not r.removed]


@pytest.mark.parametrize("module", MODULES)
def test_every_function_declares_the_rules_it_builds(module: str) -> None:
    undeclared = []
    for name, found in read_emitters(module).items():
        kinds = declared(module, name)
        if kinds is None:
            undeclared.append(f"{name} builds {sorted(found.kinds) or 'a computed kind'}"
                              " without @emits")
        elif found.computed and not found.kinds <= set(kinds):
            undeclared.append(f"{name} builds {sorted(found.kinds - set(kinds))} undeclared")
        elif not found.computed and found.kinds != set(kinds):
            undeclared.append(f"{name} declares {sorted(kinds)} but builds "
                              f"{sorted(found.kinds)}")
    assert not undeclared, "\n".join(undeclared)


@pytest.mark.parametrize("module", MODULES)
def test_every_declaring_function_builds_findings(module: str) -> None:
    building = read_emitters(module)
    declaring = {f.__qualname__ for r in LIVE for f in emitters(r.code)
                 if f.__module__ == f"footcheck.checks.{module}"}
    assert declaring <= set(building), f"declared but building nothing: {declaring - set(building)}"


@pytest.mark.parametrize("code", [r.code for r in LIVE])
def test_every_live_rule_has_one_home(code: str) -> None:
    functions = emitters(code)
    assert functions, f"no function declares {code}"
    modules = {f.__module__.rsplit(".", 1)[-1] for f in functions}
    assert modules == {HOMES[code[:3]]}, f"{code} is built in {sorted(modules)}"


def test_a_verdict_rule_is_declared_where_verdicts_become_findings() -> None:
    from footcheck.checks import links

    kinds = {v.rule_kind for v in LinkVerdict if v.rule_kind is not None}
    assert set(links._verdict.emits) == kinds


def test_emitters_name_the_functions_of_a_rule() -> None:
    from footcheck.checks import links, references

    assert emitters("FC402") == (references._date_mismatches, references.page_date_mismatch)
    assert emitters("FC508") == (links._title_mismatch,)


def test_an_unknown_kind_cannot_be_declared() -> None:
    with pytest.raises(KeyError):
        emits("no-such-rule")


def test_the_reader_sees_a_kind_built_without_a_declaration() -> None:
    # (the reader itself: a call of rule() or of a helper passing its kind on is seen)
    source = ("def helper(view, kind, text):\n    return rule(kind).finding(text, 1)\n"
              "def slip(view):\n    yield helper(view, 'placeholder', 'x')\n"
              "def computed(view, verdict):\n    yield rule(verdict.kind).finding('x', 1)\n")
    tree = ast.parse(source)
    functions = _functions(tree)
    assert _passers(functions) == {"rule": 0, "helper": 1}
    found = {name: scan(node, in_class, _passers(functions))
             for name, (node, in_class) in functions.items()}
    assert found["slip"] == Emitter({"placeholder"}, False)
    assert found["computed"] == Emitter(set(), True)
    assert found["helper"] == Emitter(set(), False)
