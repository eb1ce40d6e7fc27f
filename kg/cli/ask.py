"""``icskg ask "question" [--as-of DATE] [--json] [--out DIR]``: a cited answer, from a shell."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from kg.cli.common import progress
from kg.errors import BadRequestError
from kg.qa import Answer, Context
from kg.settings import Settings


def register(subparsers: Any) -> None:
    p = subparsers.add_parser("ask", help="answer a question in plain English, with sources")
    p.add_argument("question", help='the question, e.g. "Who must have regard to ICP strategies?"')
    p.add_argument("--as-of", metavar="DATE", help="answer as of this date (ISO 8601)")
    p.add_argument("--json", action="store_true", help="print the full answer payload as JSON")
    p.add_argument("--context", metavar="JSON",
                   help='the previous answer\'s context, {"question": ..., "entities": [...]}, '
                        'so that "it" or "they" in a follow-up resolve')
    p.add_argument("--out", type=Path, metavar="DIR",
                   help="build directory holding kg.trig (default ./out; built if absent)")
    p.add_argument("--endpoint", metavar="QUERY_URL",
                   help="ask a remote SPARQL 1.1 store instead of the built graph")
    p.set_defaults(func=run)


def settings_from(args: argparse.Namespace) -> Settings:
    overrides: dict[str, object] = {}
    if args.out is not None:
        overrides["build_dir"] = args.out
    if args.endpoint is not None:
        overrides["endpoint_url"] = args.endpoint
    return Settings(**overrides)  # type: ignore[arg-type]


def render(answer: Answer) -> str:
    """The answer as a person reads it: sentence, sources, and suggestions or the query id."""
    lines = [answer.answer]
    if answer.answered and answer.sources:
        lines.append("")
        lines.append("Sources:")
        for source in answer.sources:
            details = ", ".join(x for x in (source.publisher, source.date) if x)
            title = source.title or source.document
            lines.append(f"  - {title}" + (f" ({details})" if details else "")
                         + (f" [{source.locator}]" if source.locator else ""))
    if answer.suggestions:
        lines.append("")
        lines.append("You could ask:")
        lines.extend(f"  - {s.question}  [{s.id}]" for s in answer.suggestions)
    if answer.question_id:
        lines.append("")
        lines.append(f"(catalogue question {answer.question_id}, "
                     f"confidence {answer.confidence:.2f}; --json shows the SPARQL)")
    return "\n".join(lines)


def parse_context(text: str | None) -> Context | None:
    """``--context`` as a :class:`Context`; a malformed one is a usage error, not a traceback."""
    if text is None:
        return None
    try:
        data = json.loads(text)
        question = data["question"]
        entities = data.get("entities", [])
        if not isinstance(question, str) or not isinstance(entities, list) or not all(
                isinstance(e, str) for e in entities):
            raise TypeError
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BadRequestError('--context must be JSON like {"question": "...", "entities": '
                         '["IRI", ...]}') from exc
    return Context(question, tuple(entities))


def run(args: argparse.Namespace) -> int:
    from kg.payload import to_json
    from kg.runtime import Runtime

    settings = settings_from(args)
    local = not settings.endpoint_url and not settings.data_files
    if local and not (settings.build_dir / "kg.trig").is_file():
        from kg.build.pipeline import build

        progress(f"no built graph in {settings.build_dir}: building it first")
        build(settings.build_dir, settings.corpus_dir)
    context = parse_context(args.context)
    with Runtime(settings) as runtime:
        answer = runtime.ask(args.question, args.as_of, context)
    if args.json:
        # The same shape as the HTTP API's and MCP's (kg/payload.py).
        print(to_json(answer).decode("utf-8"))
    else:
        print(render(answer))
    return 0
