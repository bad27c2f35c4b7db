"""The package's layers import only downwards, and the code is lint-clean."""

import ast
import shutil
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "footcheck"

# Lower layers first; a module may import only from lower layers (or from its own package):
# modules of one layer are siblings and never import each other.
LAYERS = [
    {"model", "errors", "numerals", "translit", "dates", "collector"},
    {"readers", "output", "urls"},
    {"document"},
    {"extract", "citations"},
    {"references"},
    {"works"},
    {"links"},
    {"checks"},
    {"pipeline", "config", "baseline"},
    {"formats"},
    {"cli"},
    {"__main__"},
]


def layer_of(module: str) -> int:
    top = module.split(".")[0]
    for i, layer in enumerate(LAYERS):
        if top in layer:
            return i
    raise AssertionError(f"module {module!r} is not in the layer table")


def _is_module(package: str, name: str) -> bool:
    folder = PACKAGE.parent.joinpath(*package.split("."))
    return (folder / f"{name}.py").exists() or (folder / name).is_dir()


def imports(path: Path) -> set[str]:
    """footcheck modules imported by the file at ``path`` (relative or absolute imports)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1]
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(package[: len(package) - node.level + 1])
                target = ".".join(base + ([node.module] if node.module else []))
                names = [target] if node.module else [
                    f"{target}.{a.name}" if _is_module(target, a.name) else target
                    for a in node.names]
            else:
                names = [node.module or ""]
            out.update(n for n in names if n.startswith("footcheck"))
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("footcheck"))
    return {n.removeprefix("footcheck").lstrip(".") for n in out} - {""}


def test_imports_flow_downwards():
    upward = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE).with_suffix("")
        name = ".".join(rel.parts).removesuffix(".__init__")
        mine = len(LAYERS) - 1 if name == "__init__" else layer_of(name)  # the public API
        for target in imports(path):
            same_package = target.split(".")[0] == name.split(".")[0]
            if layer_of(target) > mine or (layer_of(target) == mine and not same_package):
                upward.append(f"{name} imports {target}")
    assert not upward, "upward or sideways imports:\n" + "\n".join(upward)


def test_leaves_import_nothing_from_footcheck():
    """The shared tables and folds sit below everything: any module may use them."""
    for leaf in ("dates", "translit"):
        assert imports(PACKAGE / f"{leaf}.py") == set(), leaf


def test_ruff_clean():
    ruff = shutil.which("ruff") or str(Path(sys.executable).parent / "ruff")
    result = subprocess.run([ruff, "check", "src", "tests", "benchmarks"],
                            cwd=PACKAGE.parent.parent, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
