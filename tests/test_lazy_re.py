"""Patterns compiled on first use (kpi_lint.lazy_re): they behave as ``re.compile``'s, the parser's
import compiles none of them, and every use of one is an attribute (what the proxy supports)."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

from kpi_lint.lazy_re import is_compiled, lazy_compile

PACKAGE = Path(__file__).resolve().parents[1] / "kpi_lint"


def test_a_lazy_pattern_is_compiled_on_first_use_and_answers_as_the_compiled_one() -> None:
    source = r"(?P<figure>\d+(?:\.\d+)?)\s*([%％]|[\u4e00-\u9fff]{1,3})"
    lazy = lazy_compile(source, re.IGNORECASE)
    compiled = re.compile(source, re.IGNORECASE)
    assert lazy.pattern == source and not is_compiled(lazy)  # its text is read without compiling it
    text = "覆盖率≥95%，培训 120 人次"
    assert lazy.search(text)[0] == compiled.search(text)[0] == "95%"  # type: ignore[index]
    assert is_compiled(lazy)
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert lazy.sub("#", text) == compiled.sub("#", text) == "覆盖率≥#，培训 #"
    assert (lazy.flags, lazy.groupindex, lazy.groups) == (compiled.flags, compiled.groupindex, compiled.groups)
    assert lazy.fullmatch("3.5吨") is not None and lazy.match("吨3") is None
    assert "search" in vars(lazy)  # stored after the first read: later reads are plain attributes


_PROBE = """
import importlib, json, pkgutil, sys
import kpi_lint.vocab
from kpi_lint.lazy_re import LazyPattern, is_compiled
packages = [importlib.import_module(name) for name in ("kpi_lint.parse", "kpi_lint.read")]
for package in packages:
    for module in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        importlib.import_module(module.name)
found = []
for name, module in list(sys.modules.items()):
    if name.startswith("kpi_lint"):
        for value in vars(module).values():
            group = value.values() if isinstance(value, dict) else value if isinstance(value, tuple) else (value,)
            found.extend([name, is_compiled(item)] for item in group if isinstance(item, LazyPattern))
print(json.dumps(found))
"""


def test_importing_the_readers_and_the_parser_compiles_none_of_their_lazy_patterns() -> None:
    out = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True).stdout
    found = json.loads(out.strip().splitlines()[-1])
    modules = {name for name, _ in found}
    assert len(found) >= 150 and {"kpi_lint.parse.form_glued", "kpi_lint.read.text_grid", "kpi_lint.vocab"} <= modules
    assert [name for name, compiled in found if compiled] == []


def _lazy_names(tree: ast.Module) -> tuple[set[str], set[str]]:
    """Module-level names bound to lazy_compile(...), and those bound to a tuple or a dict of them."""
    alone, grouped = set(), set()
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            calls = [n for n in ast.walk(node.value) if isinstance(n, ast.Call)]
            if isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Name):
                if node.value.func.id == "lazy_compile":
                    alone.add(node.targets[0].id)
            elif any(isinstance(c.func, ast.Name) and c.func.id == "lazy_compile" for c in calls):
                grouped.add(node.targets[0].id)
    return alone, grouped


def _used_as_a_pattern(node: ast.Name, parents: dict[ast.AST, ast.AST]) -> bool:
    """`node` is the object of an attribute (``_X.search``), or an item of a group that is iterated."""
    parent = parents[node]
    if isinstance(parent, ast.Attribute):
        return True
    return isinstance(parent, ast.Tuple | ast.List) and isinstance(parents[parent], ast.comprehension)


def _used_as_a_group(node: ast.Name, parents: dict[ast.AST, ast.AST]) -> bool:
    """`node` (a tuple or dict of patterns) is indexed (``_X[k].match``) or iterated."""
    parent = parents[node]
    if isinstance(parent, ast.Subscript) and parent.value is node:
        return isinstance(parents[parent], ast.Attribute)
    iterated = isinstance(parent, ast.comprehension | ast.For) and parent.iter is node
    enumerated = isinstance(parent, ast.Call) and isinstance(parent.func, ast.Name) and parent.func.id == "enumerate"
    return iterated or enumerated


def test_every_lazy_pattern_is_used_through_its_attributes() -> None:
    """``_X.search(…)``, ``_X[k].match``, ``(_X, _Y)`` iterated: never ``re.sub(_X, …)`` or ``isinstance(_X, …)``,
    in its own module or in one that imports it by name."""
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in PACKAGE.rglob("*.py")}
    names = {".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts): path for path in trees}
    lazy = {module: _lazy_names(trees[path]) for module, path in names.items()}
    assert sum(len(alone) for alone, _ in lazy.values()) >= 150
    wrong = []
    for module, path in names.items():
        tree = trees[path]
        alone, grouped = set(lazy[module][0]), set(lazy[module][1])
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module in lazy:
                imported = {alias.name: alias.asname or alias.name for alias in node.names}
                alone |= {imported[n] for n in lazy[node.module][0] if n in imported}
                grouped |= {imported[n] for n in lazy[node.module][1] if n in imported}
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Name) or not isinstance(node.ctx, ast.Load):
                continue
            if (node.id in alone and not _used_as_a_pattern(node, parents)) or (
                node.id in grouped and not _used_as_a_group(node, parents)
            ):
                wrong.append(f"{module}:{node.lineno} {node.id}")
    assert wrong == []
