"""The parsed query: what the endpoint decides on, instead of scanning tokens.

The query (after codepoint escapes, :mod:`kg.sparql.escapes`) is parsed with
rdflib's SPARQL 1.1 grammar, and the decisions are taken on the parse tree:
its form, its dataset clauses (resolved against BASE and the prefixes),
whether it contains SERVICE anywhere (subqueries, OPTIONAL, EXISTS...), and a
rough cost used to pick a lane. Text that is not a query is parsed as an
update only to say why it is refused. Whatever this misses, the worker that
runs the query has no network (:mod:`kg.sparql.isolation`).

rdflib's parser recurses deeply (about 50 frames a nesting level), so it
runs on threads with a large stack, behind a nesting limit checked first; it
is slow on long queries, so a length limit in tokens is checked next.
"""

from __future__ import annotations

import sys
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import cast

from pyparsing import ParseBaseException
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Prologue
from rdflib.term import Variable

from kg.errors import ForbiddenOperationError, QuerySyntaxError
from kg.sparql import escapes, lexer

# rdflib's pyparsing grammar is one shared object whose parse actions keep state: two
# threads parsing at once corrupt each other ("Param.postParse2() missing ... 'tokenList'"
# under concurrent /sparql requests), so parses take turns. Each is bounded (check_length).
_GRAMMAR = threading.Lock()
_STACK_BYTES = 512 * 2**20
_RECURSION = 30_000
_CACHE = 512
_FORMS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT",
          "DescribeQuery": "DESCRIBE"}
# Rough costs per construct; a query scoring at most LIGHT_COST may use the light lane.
LIGHT_COST = 12
_COSTS = {"SubSelect": 4, "OptionalGraphPattern": 2, "MinusGraphPattern": 3,
          "Builtin_EXISTS": 3, "Builtin_NOTEXISTS": 3, "OrderClause": 2, "GroupClause": 2,
          "PathNegatedPropertySet": 20, "GroupOrUnionGraphPattern": 1}


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """What the endpoint needs to know about one checked query."""

    text: str  # the query after codepoint escapes: exactly what the engine runs
    form: str  # SELECT, ASK, CONSTRUCT or DESCRIBE
    from_graphs: tuple[str, ...]
    from_named_graphs: tuple[str, ...]
    has_service: bool
    cost: int

    @property
    def light(self) -> bool:
        return self.cost <= LIGHT_COST


def _field(node: object, key: str) -> object:
    """A parse-tree field, or None (CompValue.get answers a missing key with the key)."""
    if isinstance(node, CompValue):
        return OrderedDict.get(node, key)
    try:
        return node[key]  # type: ignore[index]
    except (KeyError, TypeError, IndexError):
        return None


def _iterable(node: object) -> bool:
    return isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults"


def _items(node: object, key: str) -> list[object]:
    value = _field(node, key)
    return list(cast(Iterable[object], value)) if _iterable(value) else []


def _walk(tree: object) -> Iterator[object]:
    """Every node of an rdflib parse tree, without recursion."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, CompValue):
            stack.extend(node.values())
        elif _iterable(node):
            stack.extend(cast(Iterable[object], node))


def _triple_cost(triple: object) -> int:
    if not _iterable(triple):
        return 0
    variables = sum(isinstance(t, Variable) for t in cast(Iterable[object], triple))
    return variables * variables


def _node_cost(node: CompValue) -> int:
    if node.name == "TriplesBlock":
        return sum(_triple_cost(t) for t in _items(node, "triples"))
    if node.name == "PathElt" and _field(node, "mod") in ("*", "+"):
        return 20
    if node.name.startswith("Aggregate_"):
        return 2
    return _COSTS.get(node.name, 0)


class ParseFailure(QuerySyntaxError):
    """The grammar refused the query; ``text`` is it after codepoint escapes, so the
    engine (in a worker without network) can be asked for a more precise message."""

    def __init__(self, message: str, text: str) -> None:
        super().__init__(message)
        self.text = text


def _syntax_error(exc: ParseBaseException, text: str) -> ParseFailure:
    found = exc.line[exc.col - 1: exc.col + 19].split("\n")[0] if exc.line else ""
    where = f"line {exc.lineno}, column {exc.col}"
    near = f" near {found!r}" if found else " at the end of the query"
    return ParseFailure(f"SPARQL syntax error at {where}{near}", text)


def _refuse_update(text: str) -> None:
    """If ``text`` is a SPARQL Update, refuse it by name; otherwise return."""
    try:
        with _GRAMMAR:
            request = parseUpdate(text)
    except (ParseBaseException, ValueError, TypeError, RecursionError):
        return
    names = [c.name for c in _items(request, "request") if isinstance(c, CompValue)]
    first = names[0] if names else "Update"
    word = {"Load": "LOAD", "InsertData": "INSERT DATA", "DeleteData": "DELETE DATA",
            "DeleteWhere": "DELETE WHERE", "Modify": "DELETE/INSERT", "Clear": "CLEAR",
            "Drop": "DROP", "Create": "CREATE", "Add": "ADD", "Move": "MOVE",
            "Copy": "COPY"}.get(first, "UPDATE")
    raise ForbiddenOperationError(
        f"{word}: this endpoint is read-only and accepts SPARQL queries (SELECT, ASK, "
        "CONSTRUCT, DESCRIBE) only; updates and LOAD are refused"
    )


def _prefix_check(prologue_tree: object, tree: object) -> None:
    """Name an undeclared prefix (rdflib would quietly know rdf:, rdfs:... and the engine not)."""
    declared = {str(_field(d, "prefix") or "") for d in _walk(prologue_tree)
                if isinstance(d, CompValue) and d.name == "PrefixDecl"}
    for node in _walk(tree):
        if isinstance(node, CompValue) and node.name == "pname":
            prefix = str(_field(node, "prefix") or "")
            if prefix not in declared:
                raise QuerySyntaxError(
                    f"the prefix '{prefix}:' is not declared: add PREFIX {prefix}: <...> "
                    "before the query"
                )


def parse(query: str, base_iri: str | None) -> ParsedQuery:
    """Escape-process, bound, parse and summarise ``query`` (raises typed errors)."""
    text = escapes.expand(query)
    lexer.check_nesting(text)
    lexer.check_length(text)
    try:
        with _GRAMMAR:
            tree = parseQuery(text)
    except ParseBaseException as exc:
        _refuse_update(text)
        raise _syntax_error(exc, text) from None
    except RecursionError:
        raise QuerySyntaxError("the query is nested too deeply to parse") from None
    return summarise(text, tree, base_iri)


def summarise(text: str, tree: object, base_iri: str | None) -> ParsedQuery:
    prologue_tree, body = tree[0], tree[1]  # type: ignore[index]
    _prefix_check(prologue_tree, tree)
    prologue = _prologue(prologue_tree, base_iri)
    graphs: dict[str, list[str]] = {"default": [], "named": []}
    for clause in _items(body, "datasetClause"):
        for key, iris in graphs.items():
            iri = _field(clause, key)
            if iri is not None:
                iris.append(_absolute(prologue, iri))
    service = cost = 0
    for node in _walk(body):
        if isinstance(node, CompValue):
            service += node.name == "ServiceGraphPattern"
            cost += _node_cost(node)
    return ParsedQuery(text, _FORMS.get(body.name, "SELECT"), tuple(graphs["default"]),
                       tuple(graphs["named"]), service > 0, cost)


def _absolute(prologue: Prologue, iri: object) -> str:
    try:
        return str(prologue.absolutize(iri))  # type: ignore[arg-type]
    except ValueError as exc:  # urllib cannot parse it (<//]>)
        raise QuerySyntaxError(f"the IRI <{iri}> is not valid: {exc}") from None


def _prologue(tree: object, base_iri: str | None) -> Prologue:
    from rdflib.plugins.sparql.algebra import translatePrologue

    try:
        return translatePrologue(tree, base_iri)  # type: ignore[arg-type]
    except Exception as exc:  # rdflib raises bare Exception for bad prologues
        raise QuerySyntaxError(f"the query's PREFIX or BASE is not valid: {exc}") from None


def _on_big_stack(query: str, base_iri: str | None, lock: threading.Lock) -> ParsedQuery:
    """Run :func:`parse` on a fresh thread with a stack deep enough for the nesting limit."""
    result: list[ParsedQuery | BaseException] = []

    def target() -> None:
        try:
            result.append(parse(query, base_iri))
        except BaseException as exc:  # handed back to the caller's thread as is
            result.append(exc)

    with lock:  # the stack size is process-wide: set it only around this start
        previous = threading.stack_size(_STACK_BYTES)
        try:
            thread = threading.Thread(target=target, name="icskg-sparql-parse", daemon=True)
            thread.start()
        finally:
            threading.stack_size(previous)
    thread.join()
    outcome = result[0]
    if isinstance(outcome, BaseException):
        raise outcome
    return outcome


class QueryParser:
    """Parses each new query on a big-stack thread and remembers recent ones (queries repeat)."""

    def __init__(self) -> None:
        sys.setrecursionlimit(max(sys.getrecursionlimit(), _RECURSION))
        self._cache: OrderedDict[tuple[str, str | None], ParsedQuery] = OrderedDict()
        self._lock = threading.Lock()
        self._start_lock = threading.Lock()

    def parse(self, query: str, base_iri: str | None) -> ParsedQuery:
        key = (query, base_iri)
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None:
                self._cache.move_to_end(key)
                return hit
        parsed = _on_big_stack(query, base_iri, self._start_lock)
        with self._lock:
            self._cache[key] = parsed
            if len(self._cache) > _CACHE:
                self._cache.popitem(last=False)
        return parsed
