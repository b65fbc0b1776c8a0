"""The layering rules of DESIGN.md §2, read from the source: imports only point down, no circles.

Every import counts — module level, inside functions (lazy) and under TYPE_CHECKING — because a
lazy import still ties the two modules together and a TYPE_CHECKING one still shapes the design.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import kisdesk

ROOT = Path(kisdesk.__file__).parent

# Layer of each top-level part of kisdesk, and what it may import from kisdesk (besides itself).
ALLOWED: dict[str, set[str]] = {
    "app": {
        "ui",
        "services",
        "models",
        "kis",
        "domain",
        "config",
        "i18n",
        "qtcompat",
        "sim",
        "resources_path",
    },
    "ui": {"services", "models", "kis", "domain", "config", "i18n", "qtcompat", "resources_path"},
    # services may start the simulator for a demo session (a lazy import, never on paper/real).
    "services": {"models", "kis", "domain", "config", "i18n", "qtcompat", "resources_path", "sim"},
    "models": {"kis", "domain", "config", "i18n", "qtcompat"},
    "config": {"domain", "i18n", "qtcompat", "resources_path"},
    "kis": {"domain", "config"},
    "domain": {"resources_path"},  # the shipped symbol list
    "sim": {"domain", "resources_path"},
    "i18n": {"resources_path", "qtcompat"},
    "qtcompat": set(),
    "resources_path": set(),
    "__main__": {"app"},
    "__init__": set(),
}
NO_QT = {"kis", "domain", "sim"}
NO_HTTP_LIBS = {"ui", "models", "domain"}


def _module_name(path: Path) -> str:
    rel = path.relative_to(ROOT.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Absolute names of every module ``path`` imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    own = _module_name(path)
    package = own if path.name == "__init__.py" else own.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                mod = ".".join([*base, node.module] if node.module else base)
            else:
                mod = node.module or ""
            found.add(mod)
            for alias in node.names:  # ``from pkg import submodule`` imports the submodule
                candidate = f"{mod}.{alias.name}"
                if _exists(candidate):
                    found.add(candidate)
    return found


def _exists(module: str) -> bool:
    if not module.startswith("kisdesk"):
        return False
    rel = Path(*module.split("."))
    base = ROOT.parent / rel
    return base.with_suffix(".py").exists() or (base / "__init__.py").exists()


def _sources() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(ROOT.rglob("*.py"))}


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


SOURCES = _sources()
GRAPH = {name: {m for m in _imports(path) if _exists(m)} for name, path in SOURCES.items()}
EXTERNAL = {
    name: {m for m in _imports(path) if not m.startswith("kisdesk")}
    for name, path in SOURCES.items()
}


@pytest.mark.parametrize("module", sorted(SOURCES))
def test_imports_point_down(module: str) -> None:
    part = _part(module)
    assert part in ALLOWED, f"{module}: kisdesk/{part} has no place in the layer map (DESIGN.md)"
    # ``kisdesk`` itself (the package: its version) sits under everything.
    bad = sorted(
        m for m in GRAPH[module] if m != "kisdesk" and _part(m) not in ALLOWED[part] | {part}
    )
    assert not bad, f"{module} ({part}) imports {bad}, above or beside its layer"


@pytest.mark.parametrize("module", sorted(m for m in SOURCES if _part(m) in NO_QT))
def test_no_qt_below_services(module: str) -> None:
    qt = sorted(
        m for m in EXTERNAL[module] if m.split(".")[0] in {"PySide6", "shiboken6", "qasync"}
    )
    assert not qt, f"{module} imports {qt}: kis/, domain/ and sim/ run without Qt"


@pytest.mark.parametrize("module", sorted(m for m in SOURCES if _part(m) in NO_HTTP_LIBS))
def test_no_http_library_in_widgets(module: str) -> None:
    http = sorted(m for m in EXTERNAL[module] if m.split(".")[0] in {"httpx", "aiohttp"})
    assert not http, f"{module} imports {http}: widgets talk to services, never to the wire"


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), or a self-import."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w == v:
                continue
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _graph_without_package_reexports() -> dict[str, set[str]]:
    """A package's ``__init__`` re-exporting its own submodules is not a circle in the design:
    edges from a package to its own submodules are dropped; everything else stays."""
    return {name: {m for m in deps if not m.startswith(name + ".")} for name, deps in GRAPH.items()}


def test_no_import_circle() -> None:
    cycles = _cycles(_graph_without_package_reexports())
    assert not cycles, "import circles: " + "; ".join(" <-> ".join(c) for c in cycles)


def test_the_cycle_finder_finds_cycles() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []
