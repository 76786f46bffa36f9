"""The layout holds: every module imports on its own, no import circles, dependencies point one way."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

from etl.settings import PROJECT_ROOT

PACKAGES = ("etl", "dashboard")


def _module_name(path: Path) -> str:
    parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def all_modules() -> dict[str, Path]:
    """Every module of the two packages, by dotted name."""
    return {
        _module_name(p): p
        for package in PACKAGES
        for p in sorted((PROJECT_ROOT / package).rglob("*.py"))
        if "__pycache__" not in p.parts
    }


def is_page_module(name: str) -> bool:
    """Modules Dash imports itself (they call register_page, which needs an app first)."""
    path = all_modules()[name]
    return name.startswith("dashboard.pages.") and "register_page(" in path.read_text("utf-8")


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The project modules a module imports at module level (what runs when it is imported)."""
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in tree.body:  # module level only: imports inside functions run later, on call
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        else:
            continue
        for name in names:
            # importing a.b.c imports a and a.b first
            parts = name.split(".")
            for i in range(1, len(parts) + 1):
                prefix = ".".join(parts[:i])
                if prefix in known:
                    found.add(prefix)
    return found


def import_graph() -> dict[str, set[str]]:
    """Module -> the project modules it imports at module level."""
    modules = all_modules()
    known = set(modules)
    graph = {name: imports_of(path, known) - {name} for name, path in modules.items()}
    # A package's submodule import runs its package __init__ first, which is not a cycle.
    for name, deps in graph.items():
        graph[name] = {d for d in deps if not name.startswith(d + ".")}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle, as the list of modules around it, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt) :] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_arch001_find_cycle_finds_a_planted_circle() -> None:
    """The cycle finder itself: a circle of three is found, a diamond is not a circle."""
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"d"}, "c": {"d"}, "d": set()}) is None


def test_arch002_no_import_circles() -> None:
    """No module reaches itself through module-level imports."""
    assert find_cycle(import_graph()) is None


def test_arch003_etl_never_imports_dashboard() -> None:
    """Dependencies point one way: dashboard -> etl."""
    offenders = {
        name: sorted(d for d in deps if d.startswith("dashboard"))
        for name, deps in import_graph().items()
        if name.startswith("etl")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_arch004_no_page_imports_another_page() -> None:
    """What two pages share lives in dashboard/, not in one of the pages."""

    def page_of(module: str) -> str | None:
        parts = module.split(".")
        return parts[2] if len(parts) > 3 and parts[:2] == ["dashboard", "pages"] else None

    crossings = sorted(
        (name, dep)
        for name, deps in import_graph().items()
        for dep in deps
        if page_of(name) and page_of(dep) and page_of(name) != page_of(dep)
    )
    assert crossings == []


def test_arch008_shared_modules_do_not_import_pages() -> None:
    """Shared dashboard modules sit below the pages; only the app factory wires page routes in."""
    reaching_up = sorted(
        (name, dep)
        for name, deps in import_graph().items()
        if name.startswith("dashboard")
        and not name.startswith("dashboard.pages")
        and name != "dashboard"
        for dep in deps
        if dep.startswith("dashboard.pages.")
    )
    assert reaching_up == []


def test_arch005_only_page_modules_mention_register_page() -> None:
    """Dash imports every file under pages/ that says register_page: helpers must not say it."""
    pages = PROJECT_ROOT / "dashboard" / "pages"
    saying = sorted(
        p.relative_to(pages).as_posix()
        for p in pages.rglob("*.py")
        if not p.name.startswith("_") and "register_page" in p.read_text("utf-8")
    )
    assert all(name.endswith(("page.py", "register.py", "not_found_404.py")) for name in saying)
    assert all("dash.register_page(" in (pages / name).read_text("utf-8") for name in saying)


# Imports each module in a child forked from an interpreter that holds the third-party libraries
# but no project module: every child starts with none of ours imported, as `python -c "import X"`
# would, without paying pandas/dash/plotly start-up ~100 times.
#
# The children form a tree along the package path. `python -c "import a.b.c"` imports `a`, then
# `a.b` (unless importing `a` put it in sys.modules), then `a.b.c` (likewise): that is all the
# import system does. So the child for `a.b.c` is forked from the child that has just imported
# `a.b`, which was forked from the one that imported `a`; the state it starts from is exactly
# the state a fresh interpreter reaches on its way to `a.b.c`, and each package (`dashboard`
# imports most of the app) runs once instead of once per module below it; a module its package
# has already imported needs no child of its own. A package that fails to import fails every
# module below it, as it would for each of them alone.
#
# Which third-party modules to hold: the ones the project imports, found by a first interpreter
# that imports every target (scipy, docx, kaleido … were re-imported by each child before:
# 38 s against about 8 s).
FORK_IMPORTER = """
import gc, importlib, json, os, subprocess, sys, traceback
OURS = ("etl", "dashboard")
targets = set(json.loads(sys.argv[1]))
FLOORS = {"etl.models"}
LIST = (
    "import importlib, json, sys\\n"
    "for n in json.loads(sys.argv[1]):\\n"
    "    try: importlib.import_module(n)\\n"
    "    except Exception: pass  # the forks below say which, and why\\n"
    "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] not in %r)))" % (OURS,)
)
listed = subprocess.run(
    [sys.executable, "-c", LIST, sys.argv[1]], capture_output=True, text=True, check=True
)
for module in json.loads(listed.stdout.strip().splitlines()[-1]):
    if module not in sys.modules and not module.startswith("__"):
        try:
            importlib.import_module(module)
        except Exception:
            pass  # a private or platform-specific submodule: the child imports it if it must
assert not [m for m in sys.modules if m.split(".")[0] in OURS]
# Children must not touch every page of the parent's heap: a collection would (copy-on-write).
gc.freeze()
tree = {}  # package path prefix -> the next names down towards the targets
for name in targets:
    parts = name.split(".")
    for i in range(1, len(parts) + 1):
        tree.setdefault(".".join(parts[: i - 1]), set()).add(".".join(parts[:i]))


def below(prefix):
    return sorted(n for n in targets if n.startswith(prefix + "."))


def import_in_child(name):
    # Fork; the child imports name, then the names below it; returns the failures by name.
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            __import__(name)
            failed = visit(name)
        except BaseException:
            last = traceback.format_exc().strip().splitlines()[-1:]
            failed = {n: last for n in [name, *below(name)] if n in targets}
        with os.fdopen(write, "w") as out:
            json.dump(failed, out)
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        text = pipe.read()
    _, status = os.waitpid(pid, 0)
    if status != 0 or not text:
        return {n: ["exit status"] for n in [name, *below(name)] if n in targets}
    return json.loads(text)


def visit(prefix):
    failed = {}
    names = sorted(tree.get(prefix, ()), key=lambda n: (n not in FLOORS, n))
    for name in names:
        # Already imported by its package: `import name` would change nothing here, so no fork.
        failed.update(visit(name) if name in sys.modules else import_in_child(name))
        if name in FLOORS and name not in failed:
            failed.update(hold_floor(name))
    return failed


def hold_floor(name):
    # A floor (etl.models: 0.3 s of mapped classes, which ~170 children paid each) imports only
    # itself, and its __init__ imports all of it: whichever module reaches it first, it loads
    # the same way, whole. So its siblings' children may start with it loaded; checked here.
    before = set(sys.modules)
    importlib.import_module(name)
    ours = [m for m in set(sys.modules) - before if m.split(".")[0] in OURS]
    outside = sorted(m for m in ours if m != name and not m.startswith(name + "."))
    return {"floor " + name: ["imports " + ", ".join(outside)]} if outside else {}


print(json.dumps(visit("")))
"""


def test_arch006_every_module_imports_alone() -> None:
    """Every module imports with no other project module imported first (pages: see arch007)."""
    modules = [n for n in all_modules() if not is_page_module(n) and n != "etl.__main__"]
    proc = subprocess.run(
        [sys.executable, "-c", FORK_IMPORTER, json.dumps(modules)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == {}
    assert len(modules) > 100  # the walk found the packages


def test_arch007_every_page_module_registers_through_create_app() -> None:
    """The page modules, which cannot be imported before an app exists, are all registered by it."""
    script = (
        "import dash, json\n"
        "from dashboard import create_app\n"
        "from etl.settings import Settings\n"
        "create_app(Settings(auth_required=False))\n"
        "print(json.dumps(sorted(dash.page_registry)))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    registered = set(json.loads(proc.stdout.strip().splitlines()[-1]))
    assert registered == {name for name in all_modules() if is_page_module(name)}
