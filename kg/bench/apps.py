"""The Python servers of the HTTP comparison, all on one stack: uvicorn, one process,
its default event loop and HTTP parser, access log off.

``python -m kg.bench.apps KIND --data FILE --port PORT`` where KIND is
``icskg`` (our app, from :func:`api.app.create_app`), ``icskg-uncached``
(the same with the /ask answer cache off, ``qa_cache_size=0``), ``hello`` (a bare
FastAPI route, the floor for any Python service) or ``rdflib-endpoint``
(rdflib-endpoint's app over an rdflib ``Dataset`` of the same file).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from fastapi import FastAPI

KINDS = ("icskg", "icskg-uncached", "hello", "rdflib-endpoint")


def hello_app() -> FastAPI:
    app = FastAPI()

    @app.get("/hello")
    async def hello() -> dict[str, str]:
        return {"hello": "world"}

    return app


def icskg_app(data: Path, qa_cache_size: int | None = None) -> FastAPI:
    from api.app import create_app
    from kg.settings import Settings

    # The generated data is a built graph: its default graph is the merge, as when served.
    settings = Settings.model_validate({"data_files": [data], "cors_origins": [],
                                        "data_union_default_graph": True})
    if qa_cache_size is not None:
        # The uncached server has no /sparql answer cache either.
        settings = settings.model_copy(update={"qa_cache_size": qa_cache_size,
                                               "sparql_result_cache_mb": 0})
    return create_app(settings)


def rdflib_endpoint_app(data: Path) -> FastAPI:
    from rdflib import Dataset
    from rdflib_endpoint import SparqlEndpoint

    dataset = Dataset(default_union=True)
    dataset.parse(data, format="trig")
    return SparqlEndpoint(graph=dataset, path="/sparql", cors_enabled=False)


def app_for(kind: str, data: Path) -> FastAPI:
    if kind == "hello":
        return hello_app()
    if kind == "icskg":
        return icskg_app(data)
    if kind == "icskg-uncached":
        return icskg_app(data, qa_cache_size=0)
    return rdflib_endpoint_app(data)


def main(argv: list[str] | None = None) -> int:
    import uvicorn

    p = argparse.ArgumentParser(prog="python -m kg.bench.apps")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("--data", type=Path, required=True)
    p.add_argument("--port", type=int, required=True)
    args = p.parse_args(argv)
    uvicorn.run(app_for(args.kind, args.data), host="127.0.0.1", port=args.port,
                log_level="warning", access_log=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
