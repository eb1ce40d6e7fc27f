"""Check a tokenised ``.rq`` header and build its :class:`CatalogueQuestion`.

Every problem raises :class:`kg.errors.CatalogueError` naming the file and,
where there is one, the line.
"""

from __future__ import annotations

import re
import string
from pathlib import Path

from kg.catalogue import convert
from kg.catalogue.header import HeaderLine, RawQuestion, split
from kg.catalogue.model import CatalogueQuestion, Parameter, ParamType
from kg.catalogue.prefixes import as_iri
from kg.errors import CatalogueError, ParameterError

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_PARAM = re.compile(
    r"(?P<name>\S+)\s+(?P<type>\S+)(?P<options>(?:\s+[a-z]+=\S+?)*)\s*:\s+(?P<description>.+)\Z")
_OPTION = re.compile(r"([a-z]+)=(\S+)")
_VARIABLE = re.compile(r"[?$]([A-Za-z_][A-Za-z0-9_]*)")
TEMPLATE_SPECS = frozenset({"", "count", "first"})


def parse_file(path: Path) -> CatalogueQuestion:
    """Read and check one catalogue file."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogueError(f"{path.name}: cannot read: {exc}") from exc
    return parse_text(path, text)


def parse_text(path: Path, text: str) -> CatalogueQuestion:
    """Check the header of ``text`` and build the question (``path`` names it in errors)."""
    raw = split(path, text)
    id_line = _required(raw, "id")
    ident = id_line.value
    if not ID_PATTERN.match(ident):
        raise raw.fail(f"id {ident!r} must be lower-case words joined by '-'", id_line.line)
    if ident != path.stem:
        raise raw.fail(f"id {ident!r} must equal the file name's stem {path.stem!r}")
    parameters = tuple(_parameter(raw, item) for item in raw.all("param"))
    _check_unique(raw, parameters)
    _check_used(raw, parameters)
    names = {p.name for p in parameters}
    canonical = _required(raw, "question")
    alternatives = raw.all("alt")
    for item in (canonical, *alternatives):
        _check_phrasing(raw, item, names)
    answer = _required(raw, "answer")
    columns = set(_VARIABLE.findall(raw.sparql))
    _check_template(raw, answer, names | columns)
    empty = raw.one("empty")
    if empty is not None:
        _check_template(raw, empty, names)
    return CatalogueQuestion(
        id=ident,
        title=_required(raw, "title").value,
        canonical=canonical.value,
        alternatives=tuple(a.value for a in alternatives),
        parameters=parameters,
        answer=answer.value,
        empty_answer=empty.value if empty is not None else None,
        covers=_covers(raw),
        sparql=raw.sparql,
        path=path,
    )


def _required(raw: RawQuestion, key: str) -> HeaderLine:
    item = raw.one(key)
    if item is None:  # split() already checked; this keeps the types honest
        raise raw.fail(f"header lacks required key {key!r}")
    return item


def _parameter(raw: RawQuestion, item: HeaderLine) -> Parameter:
    match = _PARAM.match(item.value)
    if match is None:
        raise raw.fail("param must read 'name type [default=V] [class=C|C...]: description', "
                       f"got {item.value!r}", item.line)
    name, type_text = match["name"], match["type"]
    if not _NAME.match(name):
        raise raw.fail(f"param name {name!r} is not a SPARQL variable name", item.line)
    try:
        kind = ParamType(type_text)
    except ValueError:
        allowed = ", ".join(t.value for t in ParamType)
        raise raw.fail(f"param {name!r} has unknown type {type_text!r} (use {allowed})",
                       item.line) from None
    options = dict(_OPTION.findall(match["options"]))
    unknown = set(options) - {"default", "class"}
    if unknown:
        raise raw.fail(f"param {name!r} has unknown option(s) {sorted(unknown)} "
                       "(use default=, class=)", item.line)
    classes = _classes(raw, item, name, kind, options.get("class"))
    default = options.get("default")
    if default is not None:
        _check_default(raw, item, kind, default)
    return Parameter(name, kind, default, match["description"], classes)


def _classes(raw: RawQuestion, item: HeaderLine, name: str, kind: ParamType,
             text: str | None) -> tuple[str, ...]:
    if text is None:
        return ()
    if kind is not ParamType.ENTITY:
        raise raw.fail(f"param {name!r}: class= applies to entity parameters only", item.line)
    classes: list[str] = []
    for part in text.split("|"):
        iri = as_iri(part)
        if iri is None:
            raise raw.fail(f"param {name!r}: class {part!r} is not an IRI or known prefixed name",
                           item.line)
        classes.append(iri)
    return tuple(classes)


def _check_default(raw: RawQuestion, item: HeaderLine, kind: ParamType, default: str) -> None:
    try:
        if kind is ParamType.DATE:
            convert.parse_date(default)
        elif kind is ParamType.INTEGER:
            convert.parse_integer(default)
        elif kind is ParamType.ENTITY and as_iri(default) is None:
            raise ParameterError(f"default {default!r} must be an IRI or known prefixed name")
    except ParameterError as exc:
        raise raw.fail(f"bad default: {exc.message}", item.line) from exc


def _check_unique(raw: RawQuestion, parameters: tuple[Parameter, ...]) -> None:
    seen: set[str] = set()
    for parameter in parameters:
        if parameter.name in seen:
            raise raw.fail(f"param {parameter.name!r} declared twice")
        seen.add(parameter.name)


def _check_used(raw: RawQuestion, parameters: tuple[Parameter, ...]) -> None:
    variables = set(_VARIABLE.findall(raw.sparql))
    for parameter in parameters:
        if parameter.name not in variables:
            raise raw.fail(f"param {parameter.name!r} is not used as ?{parameter.name} "
                           "in the query")


def _check_phrasing(raw: RawQuestion, item: HeaderLine, names: set[str]) -> None:
    for field, spec in _fields(raw, item):
        if spec:
            raise raw.fail(f"{item.key}: slot {{{field}:{spec}}} may not have a format", item.line)
        if field not in names:
            raise raw.fail(f"{item.key}: slot {{{field}}} is not a declared param", item.line)


def _check_template(raw: RawQuestion, item: HeaderLine, allowed: set[str]) -> None:
    for field, spec in _fields(raw, item):
        if field not in allowed:
            raise raw.fail(f"{item.key}: {{{field}}} is neither a param nor a query variable",
                           item.line)
        if spec not in TEMPLATE_SPECS:
            raise raw.fail(f"{item.key}: unknown format {{{field}:{spec}}} "
                           "(use :count or :first)", item.line)


def _fields(raw: RawQuestion, item: HeaderLine) -> list[tuple[str, str]]:
    try:
        parsed = list(string.Formatter().parse(item.value))
    except ValueError as exc:
        raise raw.fail(f"{item.key}: unbalanced braces: {exc}", item.line) from exc
    fields = []
    for _, field, spec, conversion in parsed:
        if field is None:
            continue
        if conversion or not _NAME.match(field):
            raise raw.fail(f"{item.key}: {{{field}}} is not a plain name", item.line)
        fields.append((field, spec or ""))
    return fields


def _covers(raw: RawQuestion) -> tuple[int, ...]:
    item = raw.one("covers")
    if item is None:
        return ()
    numbers: list[int] = []
    for part in item.value.split(","):
        if not part.strip().isdigit() or int(part) < 1:
            raise raw.fail(f"covers: {part.strip()!r} is not a question number", item.line)
        numbers.append(int(part))
    return tuple(sorted(set(numbers)))

