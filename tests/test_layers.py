"""The package's house plan: layers that import only downward, and no import cycle.

Every `import newsbook...` in `src/newsbook` (inside functions too) is checked against
LAYERS: a module may import from its own layer or below, never above; and the graph of
imports between modules has no cycle.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newsbook"

# Lowest first. A module's layer is the first prefix that names it.
LAYERS = (
    (
        "newsbook.config",
        "newsbook.errors",
        "newsbook.output",
        "newsbook.schema",
        "newsbook.cache",
        "newsbook.source",
        "newsbook.notebooks",
        "newsbook.regressions",
    ),
    ("newsbook.lexicons",),
    ("newsbook.text",),
    ("newsbook.stages",),
    ("newsbook.pipeline",),
    ("newsbook.corpus", "newsbook.evaluation"),
    ("newsbook.book",),
    ("newsbook.cli", "newsbook.__main__"),
)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer_of(module: str) -> int:
    if module == "newsbook":  # the package itself: its docstring and version only
        return 0
    for level, prefixes in enumerate(LAYERS):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return level
    raise AssertionError(f"{module} is in no layer: add it to LAYERS")


def imports_of(path: Path) -> set[str]:
    """The newsbook modules a file imports (a `from X import name` that names a
    submodule counts as that submodule)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("newsbook")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if not node.module.startswith("newsbook"):
                continue
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if candidate in MODULES else node.module)
    return found


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
GRAPH = {name: imports_of(path) - {name} for name, path in MODULES.items()}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_go_only_downward(module):
    upward = [m for m in sorted(GRAPH[module]) if layer_of(m) > layer_of(module)]
    assert not upward, f"{module} (layer {layer_of(module)}) imports upward: {upward}"


def test_no_import_cycle():
    visiting, done, cycles = [], set(), []

    def visit(node: str) -> None:
        if node in visiting:
            cycles.append(visiting[visiting.index(node) :] + [node])
            return
        if node in done:
            return
        visiting.append(node)
        for target in sorted(GRAPH.get(node, ())):
            if target in MODULES:
                visit(target)
        visiting.pop()
        done.add(node)

    for module in sorted(MODULES):
        visit(module)
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


def test_the_checker_sees_an_upward_import(tmp_path):
    """The check itself can fail: a stage importing the book is caught."""
    bad = tmp_path / "bad.py"
    bad.write_text("from newsbook.book.charts import use_offline_renderer\n")
    assert imports_of(bad) == {"newsbook.book.charts"}
    assert layer_of("newsbook.book.charts") > layer_of("newsbook.stages.quotes")
