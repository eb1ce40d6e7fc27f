"""A real OpenLink Virtuoso (Debian's `virtuoso-opensource`) on loopback ports, stopped by pid.

Each server gets a temporary database folder and a generated ``virtuoso.ini``
(SQL and HTTP ports on 127.0.0.1 only). The ``dba`` password is changed from
Debian's default to a generated one before anything is pushed: the Graph
Store endpoint ``/sparql-graph-crud-auth`` takes HTTP Digest, and the public
``/sparql`` stays read-only (SPARQL_UPDATE is never granted to everyone).
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from kg.localproc import free_port, stop_process
from kg.push import GraphStore, PushReport, graphs_in, push, stale_graphs
from kg.store.protocol import Endpoint
from kg.store.remote import RemoteStore

# Debian's ResultSetMaxRows: kept, so the tests meet the cap as users do.
STORE_ROW_CAP = 10_000

_INI = """[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
MaxClientConnections = 10
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = {db}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 2
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {db}
MaxClientConnections = 10
ServerThreads = 10
Charset = UTF-8
EnabledGzipContent = 0
[SPARQL]
ResultSetMaxRows = {row_cap}
MaxQueryExecutionTime = 60
MaxQueryCostEstimationTime = 400
"""


def virtuoso_command() -> str:
    found = shutil.which("virtuoso-t")
    if found is None or shutil.which("isql-vt") is None:
        pytest.skip("Virtuoso is not installed (apt-get install virtuoso-opensource; "
                    ".ci/run installs it)")
    return found


@dataclass
class VirtuosoServer:
    """One `virtuoso-t` process over its own database folder; start and stop it at will."""

    location: Path
    http_port: int = field(default_factory=free_port)
    sql_port: int = field(default_factory=free_port)
    password: str = field(default_factory=lambda: secrets.token_urlsafe(12), repr=False)
    process: subprocess.Popen[bytes] | None = None
    _password_set: bool = False

    @property
    def query_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql"

    @property
    def gsp_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/sparql-graph-crud-auth"

    def start(self) -> VirtuosoServer:
        self.location.mkdir(parents=True, exist_ok=True)
        ini = self.location / "virtuoso.ini"
        ini.write_text(_INI.format(db=self.location, sql_port=self.sql_port,
                                   http_port=self.http_port, row_cap=STORE_ROW_CAP))
        self.process = subprocess.Popen(
            [virtuoso_command(), "-f", "-c", str(ini)], cwd=self.location,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            self._wait_ready(time.monotonic() + 60)
            if not self._password_set:
                self._set_password()
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_ready(self, deadline: float) -> None:
        assert self.process is not None
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                log = (self.location / "virtuoso.log")
                tail = log.read_text(errors="replace")[-800:] if log.is_file() else ""
                raise RuntimeError(f"virtuoso exited with code {self.process.returncode}: {tail}")
            try:
                if httpx.get(self.query_url, params={"query": "ASK {}"}, timeout=2).is_success:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"virtuoso did not answer on port {self.http_port} in time")

    def _set_password(self) -> None:
        sql = f"user_set_password('dba', '{self.password}');"
        subprocess.run(["isql-vt", f"127.0.0.1:{self.sql_port}", "dba", "dba", f"EXEC={sql}"],
                       check=True, capture_output=True, timeout=60)
        self._password_set = True

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is not None:
            self.resume(process)
            stop_process(process, grace=30)

    def hang(self) -> None:
        """Freeze the server (SIGSTOP): it keeps its sockets open but answers nothing."""
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGSTOP)

    def resume(self, process: subprocess.Popen[bytes] | None = None) -> None:
        target = process or self.process
        if target is not None and target.poll() is None:
            os.kill(target.pid, signal.SIGCONT)

    def graph_store(self) -> GraphStore:
        return GraphStore(self.gsp_url, "dba", self.password)

    def remote(self, timeout: float = 60.0) -> RemoteStore:
        return RemoteStore(Endpoint(self.query_url, timeout=timeout, union_param=None),
                           dataset="virtuoso")

    def push(self, dataset: Path, *, prune: bool = False) -> PushReport:
        remote = self.remote()
        return push(dataset, self.graph_store(),
                    stale=(lambda pushed: stale_graphs(graphs_in(remote), pushed))
                    if prune else None)

    def clear_icskg_graphs(self) -> None:
        """Delete every icskg graph (a session server is shared; a test starts it clean)."""
        remote = self.remote()
        with self.graph_store().client() as client:
            for graph in stale_graphs(graphs_in(remote), ()):
                client.delete(self.gsp_url, params={"graph": graph}).raise_for_status()
