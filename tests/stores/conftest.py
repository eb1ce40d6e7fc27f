"""Real Oxigraph and Virtuoso servers for the store tests, on free loopback ports, stopped by pid."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kg.localproc import free_port
from kg.push import GraphStore, push
from kg.store.embedded import EmbeddedStore
from kg.store.protocol import Endpoint
from kg.store.remote import RemoteStore
from tests.stores.virtuoso import VirtuosoServer

SAMPLE = Path(__file__).parent / "data" / "sample.trig"


def oxigraph_command() -> str:
    found = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which(
        "oxigraph")
    if found is None:
        pytest.skip("the `oxigraph` command is not installed (pip install oxigraph==0.5.13)")
    return found


def _wait_listening(port: int, process: subprocess.Popen[bytes], deadline: float) -> None:
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"oxigraph exited with code {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"oxigraph did not listen on port {port} in time")


@dataclass
class OxigraphServer:
    """One `oxigraph serve` process; start and stop it as often as a test needs."""

    location: Path
    port: int = field(default_factory=free_port)
    extra: tuple[str, ...] = ()
    process: subprocess.Popen[bytes] | None = None

    @property
    def query_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/query"

    @property
    def gsp_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/store"

    def start(self) -> OxigraphServer:
        self.location.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [oxigraph_command(), "serve", "--location", str(self.location),
             "--bind", f"127.0.0.1:{self.port}", *self.extra],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        try:
            _wait_listening(self.port, self.process, time.monotonic() + 30)
        except RuntimeError:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)

    def remote(self, timeout: float = 10.0) -> RemoteStore:
        return RemoteStore(Endpoint(self.query_url, timeout=timeout))

    def push(self, dataset: Path) -> None:
        push(dataset, GraphStore(self.gsp_url))


StartOxigraph = Callable[..., OxigraphServer]


@pytest.fixture
def start_oxigraph(tmp_path: Path) -> Iterator[StartOxigraph]:
    """Start servers of a test's own (location, extra args); all stopped by pid at its end."""
    servers: list[OxigraphServer] = []

    def start(location: Path | None = None, extra: tuple[str, ...] = ()) -> OxigraphServer:
        server = OxigraphServer(location or tmp_path / f"oxigraph-{len(servers)}", extra=extra)
        servers.append(server)
        return server.start()

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def sample_trig() -> Path:
    return SAMPLE


@pytest.fixture(name="free_port", scope="session")
def free_port_fixture() -> Callable[[], int]:
    return free_port


@pytest.fixture(scope="session")
def sample_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    """One Oxigraph server holding the sample dataset, shared by the read-only tests."""
    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph-sample")).start()
    try:
        server.push(SAMPLE)
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def sample_embedded() -> EmbeddedStore:
    return EmbeddedStore.from_files([SAMPLE])


@pytest.fixture(scope="session")
def sample_remote(sample_server: OxigraphServer) -> RemoteStore:
    return sample_server.remote()


@pytest.fixture(scope="session")
def dataset(request: pytest.FixtureRequest) -> Path:
    """The lead's built dataset when the `built_dir` fixture exists, else the sample."""
    try:
        built: Path = request.getfixturevalue("built_dir")
    except pytest.FixtureLookupError:
        return SAMPLE
    return built / "kg.trig"


@pytest.fixture(scope="session")
def dataset_server(dataset: Path, request: pytest.FixtureRequest,
                   tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    if dataset == SAMPLE:
        yield request.getfixturevalue("sample_server")
        return
    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph-built")).start()
    try:
        server.push(dataset)
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def virtuoso(virtuoso_server: VirtuosoServer, dataset: Path) -> VirtuosoServer:
    """The session Virtuoso with the dataset pushed (tests that change it push it back)."""
    virtuoso_server.push(dataset, prune=True)
    return virtuoso_server
