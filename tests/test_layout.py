"""The house's layout holds: no import cycle of any length, and every module on a floor.

``make lint`` runs the import contracts of pyproject.toml; these tests add
what the contracts leave open: a cycle through modules that are not
siblings, and a new module that no floor names (the layers contract does
not check a module it does not know).
"""

import tomllib
from pathlib import Path

import grimp
import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGES = ("cms", "workshops", "cooperatives", "partners", "search")
# Outside the floors on purpose: Django's entry points and the dev tooling, which settings
# may not import (a contract says so) and which nothing but the `services` command uses.
UNFLOORED = {"migrations", "apps", "settings", "devservices", "asgi", "wsgi"}


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph(*PACKAGES, cache_dir=None)


def _ours(graph) -> list[str]:
    """Every module of ours below the top-level packages, except the unfloored ones."""
    return sorted(
        module
        for module in graph.modules
        if "." in module and module.split(".")[1] not in UNFLOORED
    )


def _floored_modules() -> list[str]:
    config = tomllib.loads((BASE_DIR / "pyproject.toml").read_text())
    floors = next(
        contract
        for contract in config["tool"]["importlinter"]["contracts"]
        if contract["id"] == "floors"
    )
    names = []
    for layer in floors["layers"]:
        for separator in ("|", ":"):
            layer = layer.replace(separator, " ")
        names += layer.split()
    return names


def test_no_module_reaches_itself_through_imports(graph):
    cycles = []
    for importer in _ours(graph):
        for imported in graph.find_modules_directly_imported_by(importer):
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            if back:
                cycles.append(" -> ".join((importer, *back)))
    assert cycles == []


def test_every_module_stands_on_a_floor(graph):
    floored = _floored_modules()
    homeless = [
        module
        for module in _ours(graph)
        if not any(module == name or module.startswith(f"{name}.") for name in floored)
    ]
    assert homeless == []


def test_the_check_finds_a_cycle_when_there_is_one():
    """The cycle test above can fail: a graph with a loop through three modules is caught."""
    graph = grimp.ImportGraph()
    for importer, imported in (("a.x", "a.y"), ("a.y", "b.z"), ("b.z", "a.x")):
        graph.add_import(importer=importer, imported=imported)
    assert graph.find_shortest_chain(importer="b.z", imported="a.y") == ("b.z", "a.x", "a.y")
