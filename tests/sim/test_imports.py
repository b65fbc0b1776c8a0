"""The simulator's import graph, read from the source (issue 14): no circle among the kisdesk.sim
modules, TYPE_CHECKING and function-level imports included, and nothing above domain/ imported."""

from __future__ import annotations

import ast
from pathlib import Path

import kisdesk.sim

SIM = Path(kisdesk.sim.__file__).parent
# sim/ imports domain/ only (and the resource locator the symbol lists come from).
ALLOWED_KISDESK = ("kisdesk.domain", "kisdesk.resources_path")


def _imports(path: Path) -> tuple[set[str], set[str]]:
    """(sim modules ``path`` imports, other kisdesk modules it imports), anywhere in the file."""
    sim: set[str] = set()
    other: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level == 1:
                base = "kisdesk.sim" + (f".{node.module}" if node.module else "")
            elif node.level == 0 and node.module:
                base = node.module
            else:
                raise AssertionError(f"{path.name}: import above the package: {ast.dump(node)}")
            # `from . import orders_domestic` names modules; `from .market import X` one module.
            names = [f"{base}.{a.name}" for a in node.names] if not node.module else [base]
        else:
            continue
        for name in names:
            if name.startswith("kisdesk.sim."):
                sim.add(name.split(".")[2])
            elif name.startswith("kisdesk"):
                other.add(name)
    return sim, other


def _graph() -> dict[str, set[str]]:
    modules = {p.stem for p in SIM.glob("*.py")}
    graph = {}
    for path in SIM.glob("*.py"):
        sim, _ = _imports(path)
        graph[path.stem] = {m for m in sim if m in modules and m != path.stem}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                found.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    return found


def test_the_cycle_finder_finds_cycles() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == [["a", "b", "c", "a"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_circle_in_the_simulator() -> None:
    graph = _graph()
    assert {"server", "world", "matching", "api"} <= set(graph)
    assert _cycles(graph) == []


def test_the_simulator_imports_only_domain_from_kisdesk() -> None:
    for path in sorted(SIM.glob("*.py")):
        _, other = _imports(path)
        stray = {m for m in other if not m.startswith(ALLOWED_KISDESK)}
        assert not stray, f"{path.name} imports {sorted(stray)}"
