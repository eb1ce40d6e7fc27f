"""A live `icskg serve` (MCP at /mcp) and `icskg mcp` over stdio, both on the session build.

Both run with a small result cap so an over-limit query is easy to send. The
MCP sessions are the SDK's own client; servers are stopped by their pid.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from mcp.client.session import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp.client.streamable_http import streamable_http_client

from kg.localproc import free_port
from kg.soak import Server

REPO = Path(__file__).resolve().parents[2]
MAX_ROWS = 20
ENV = {"ICSKG_MAX_RESULT_ROWS": str(MAX_ROWS), "ICSKG_QUERY_TIMEOUT": "10"}


def start_serve(out: Path, log: Path) -> Server:
    """`icskg serve` on a free loopback port with :data:`ENV`, ready once /sparql answers."""
    port = free_port()
    cmd = [sys.executable, "-m", "kg.cli.main", "serve", "--host", "127.0.0.1",
           "--port", str(port), "--out", str(out)]
    with log.open("wb") as sink:
        process = subprocess.Popen(cmd, cwd=REPO, env={**os.environ, **ENV},
                                   stdout=sink, stderr=subprocess.STDOUT)
    server = Server(process, f"http://127.0.0.1:{port}", log)
    server.wait_ready()
    return server


@pytest.fixture(scope="session")
def live(built_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    server = start_serve(built_dir, tmp_path_factory.mktemp("serve") / "serve.log")
    try:
        yield server
    finally:
        server.stop()


@asynccontextmanager
async def over_stdio(out: Path) -> AsyncIterator[ClientSession]:
    params = StdioServerParameters(command=sys.executable,
                                   args=["-m", "kg.cli.main", "mcp", "--out", str(out)],
                                   cwd=str(REPO), env=ENV)
    with open(os.devnull, "w") as quiet:
        async with stdio_client(params, errlog=quiet) as (read, write), \
                ClientSession(read, write) as session:
            await session.initialize()
            yield session


@asynccontextmanager
async def over_http(base: str) -> AsyncIterator[ClientSession]:
    async with streamable_http_client(base + "/mcp") as (read, write), \
            ClientSession(read, write) as session:
        await session.initialize()
        yield session
