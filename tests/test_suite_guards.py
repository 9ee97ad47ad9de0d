"""The suite's own checks cannot pass by checking nothing.

A ``for`` loop whose body asserts proves nothing when what it loops over is
empty: a regex that stopped matching, a query that returns no rows, a page
that lost its list all turn such a test green. So every loop with an
``assert`` inside must iterate over something known not to be empty: a
literal list, tuple, set or dict with items (or a name bound to one, in the
function or at module level), a ``range``, or a name the same function
asserted before the loop (``assert rows`` or ``assert len(rows) …``).
Wrappers that keep emptiness (``enumerate``, ``sorted``, ``zip``, ``.items()``,
slices…) are looked through. An inner loop that is empty for some items by
design says so on its ``for`` line: ``# may be empty: why``. And a test may
not silently stop half-way (``if not found: return``): it skips with a reason
or fails.

The rules are heuristics over the syntax, not proofs; they list offenders by
file and line so that the fix (one ``assert name`` line before the loop) is
obvious.
"""

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent
# Calls whose result is empty exactly when their (first) argument is.
KEEP_EMPTINESS = {"enumerate", "sorted", "reversed", "list", "tuple", "set", "dict", "iter"}
# Methods whose result is empty exactly when their object is.
KEEP_EMPTINESS_METHODS = {"items", "values", "keys", "copy"}
# The comment that exempts one loop, with its reason after the colon.
MAY_BE_EMPTY = "# may be empty:"
# Calls that run as many times as their shortest argument.
SHORTEST = {"zip", "pairwise", "product"}


def suite_files() -> list[Path]:
    return sorted(
        path
        for path in TESTS.rglob("*.py")
        if path.name.startswith("test_") or path.name == "conftest.py"
    )


def non_empty_literal(node: ast.AST | None) -> bool:
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        return bool(node.elts)
    if isinstance(node, ast.Dict):
        return bool(node.keys)
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str | bytes) and bool(node.value)
    return False


def literal_names(body: list[ast.stmt], before: int | None = None) -> set[str]:
    """Names bound (directly in ``body``) to a non-empty literal, before line ``before``."""
    names = set()
    for statement in body:
        if before is not None and statement.lineno >= before:
            break
        value, targets = None, []
        if isinstance(statement, ast.Assign):
            value, targets = statement.value, statement.targets
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            value, targets = statement.value, [statement.target]
        if non_empty_literal(value) or is_range(value):
            names |= {target.id for target in targets if isinstance(target, ast.Name)}
    return names


def is_range(node: ast.AST | None) -> bool:
    return (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "range"
    )


def asserted_names(function: ast.AST, before: int) -> set[str]:
    """The expressions (as written) the function asserts to be non-empty on a line before
    ``before``: ``assert x``, ``assert len(x) > 0`` or ``== 3``, ``assert x == [...]``, also
    inside ``and``. Nested functions are their own scope."""
    names = set()

    def checked(test: ast.AST) -> None:
        if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
            for value in test.values:
                checked(value)
        elif isinstance(test, ast.Compare):
            compared(test)
        elif length_of(test) is not None:
            names.add(ast.unparse(length_of(test)))
        elif not isinstance(test, ast.UnaryOp | ast.BoolOp):
            names.add(ast.unparse(test))

    def compared(test: ast.Compare) -> None:
        op, right = test.ops[0], test.comparators[0]
        measured = length_of(test.left)
        if measured is not None and isinstance(right, ast.Constant):
            at_least = {ast.Gt: 1, ast.GtE: 0, ast.Eq: 0}.get(type(op))
            known = at_least is not None and isinstance(right.value, int)
            if known and right.value + at_least >= 1:
                names.add(ast.unparse(measured))
        elif isinstance(op, ast.Eq) and non_empty_literal(right):
            names.add(ast.unparse(test.left))

    for node in walk_scope(function):
        if isinstance(node, ast.Assert) and node.lineno < before:
            checked(node.test)
    return names


def length_of(node: ast.AST) -> ast.AST | None:
    """``x`` when ``node`` is ``len(x)``."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "len"
        and len(node.args) == 1
    ):
        return node.args[0]
    return None


def walk_scope(function: ast.AST):
    """Every node of ``function`` that is not inside a function or class nested in it."""
    stack = list(ast.iter_child_nodes(function))
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef):
            stack.extend(ast.iter_child_nodes(node))


def iterated_names(node: ast.AST) -> set[str]:
    """The expressions (as written) whose non-emptiness makes ``node`` non-empty; an empty
    set when ``node`` is non-empty by itself (a non-empty literal, a ``range``)."""
    if non_empty_literal(node) or is_range(node):
        return set()
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice):
        return iterated_names(node.value)
    if isinstance(node, ast.Call):
        function = node.func
        name = function.id if isinstance(function, ast.Name) else getattr(function, "attr", "")
        if name in KEEP_EMPTINESS and isinstance(function, ast.Name) and len(node.args) == 1:
            return iterated_names(node.args[0])
        if name in SHORTEST and node.args:
            parts = [iterated_names(argument) for argument in node.args]
            strict = any(
                keyword.arg == "strict" and getattr(keyword.value, "value", False)
                for keyword in node.keywords
            )
            if strict and set() in parts:
                # zip(..., strict=True) raises unless every part is as long as a non-empty one.
                return set()
            return set().union(*parts)
        if name in KEEP_EMPTINESS_METHODS and isinstance(function, ast.Attribute):
            return iterated_names(function.value)
    return {ast.unparse(node)}


def loops_with_asserts(function: ast.AST, lines: list[str]):
    """The loops of ``function`` with an assert inside, except those whose ``for`` line says
    ``# may be empty: why`` (an inner loop that is empty for some items by design)."""
    for node in walk_scope(function):
        if not isinstance(node, ast.For | ast.AsyncFor):
            continue
        if MAY_BE_EMPTY in lines[node.lineno - 1]:
            continue
        if any(isinstance(inner, ast.Assert) for inner in walk_scope_of_loop(node)):
            yield node


def walk_scope_of_loop(loop: ast.AST):
    for statement in loop.body:
        yield statement
        yield from walk_scope(statement)


def vacuous_loops(source: str, module_names: set[str] | None = None) -> list[tuple[int, str]]:
    """(line, iterated expression) of each asserting loop over something not known to be
    non-empty, in every function of ``source``."""
    tree = ast.parse(source)
    lines = source.splitlines()
    module_names = literal_names(tree.body) if module_names is None else module_names
    found = []
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for loop in loops_with_asserts(function, lines):
            needed = iterated_names(loop.iter)
            known = (
                module_names
                | literal_names(function.body, loop.lineno)
                | asserted_names(function, loop.lineno)
                | outer_loop_literals(function, loop)
            )
            if not needed <= known:
                found.append((loop.lineno, ast.unparse(loop.iter)))
    return sorted(found)


def outer_loop_literals(function: ast.AST, loop: ast.AST) -> set[str]:
    """Names bound to a non-empty literal in the body of a loop that holds ``loop``."""
    names = set()
    for node in walk_scope(function):
        holds = isinstance(node, ast.For | ast.AsyncFor | ast.With) and node is not loop
        if holds and any(inner is loop for inner in walk_scope_of_loop(node)):
            names |= literal_names(node.body, loop.lineno)
    return names


def silent_returns(source: str) -> list[tuple[int, str]]:
    """(line, test function) of each ``if …: return`` that ends a test early without a word."""
    found = []
    for function in ast.walk(ast.parse(source)):
        if not (
            isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
            and function.name.startswith("test_")
        ):
            continue
        for node in walk_scope(function):
            if isinstance(node, ast.If) and any(
                isinstance(statement, ast.Return) for statement in node.body + node.orelse
            ):
                found.append((node.lineno, function.name))
    return found


# -- the rules themselves can fail


VACUOUS = """
CASES = {"a": 1}
EMPTY = []

def test_vacuous(rows, client, page):
    for row in rows:
        assert row
    for x in EMPTY:
        assert x
    for value in re_findall(client.get("/")):
        assert value
    for a, b in zip(rows, CASES):
        assert a == b
    assert len(page.items) == len(set(page.items))
    assert len(rows) == 0
    for item in page.items:
        assert item
    for row in rows:
        assert row

def test_checked(rows, client, page):
    for row in rows:  # may be empty: a reason
        assert row
    assert rows
    for row in sorted(rows):
        assert row
    for key, value in CASES.items():
        assert key
    urls = ["/a", "/b"]
    for url in urls:
        for n in range(3):
            assert url
    pages = client.get("/").json()
    assert len(pages) == 3
    for before, after in pairwise(pages):
        assert before != after
    assert page.items == ["a"] and page.links
    for item, link in zip(page.items[1:], page.links):
        assert item and link
    for sheet, name in zip(page.sheets, ("a", "b"), strict=True):
        assert sheet
    for x in rows:
        print(x)
"""


def test_the_loop_rule_flags_loops_over_what_may_be_empty_and_only_those():
    assert vacuous_loops(VACUOUS) == [
        (6, "rows"),
        (8, "EMPTY"),
        (10, "re_findall(client.get('/'))"),
        (12, "zip(rows, CASES)"),
        (16, "page.items"),
        (18, "rows"),
    ]


def test_the_return_rule_flags_a_test_that_stops_early():
    source = "def test_a(x):\n    if not x:\n        return\n    assert x\n"
    assert silent_returns(source) == [(2, "test_a")]
    assert silent_returns("def helper(x):\n    if not x:\n        return\n") == []


# -- the suite


FILES = suite_files()


def test_the_guards_read_the_whole_suite():
    assert len(FILES) > 50
    assert Path(__file__) in FILES


def test_no_asserting_loop_may_run_zero_times():
    offenders = [
        f"{path.relative_to(TESTS.parent)}:{line}: for … in {expression}"
        for path in FILES
        for line, expression in vacuous_loops(path.read_text())
    ]
    assert not offenders, "assert the iterable is not empty before the loop:\n" + "\n".join(
        offenders
    )


def test_no_test_stops_half_way_without_a_word():
    offenders = [
        f"{path.relative_to(TESTS.parent)}:{line}: {name}"
        for path in FILES
        for line, name in silent_returns(path.read_text())
    ]
    assert not offenders, "use pytest.skip('why') or a failing assert, not a return:\n" + (
        "\n".join(offenders)
    )
