"""One test against a real uvicorn on 127.0.0.1, as a curl user would see it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from kg.localproc import free_port

KIND = "https://w3id.org/icskg/id/kind/"


@pytest.fixture(scope="module")
def live_url(built_dir: Path) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "ICSKG_BUILD_DIR": str(built_dir)}
    for name in ("ICSKG_ENDPOINT_URL", "ICSKG_DATA_FILES"):
        env.pop(name, None)
    process = subprocess.Popen(
        [sys.executable, "-m", "kg.cli.main", "serve", "--host", "127.0.0.1",
         "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            pytest.fail("uvicorn did not come up within 60 s")
        yield url
    finally:
        os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def test_live_ask(live_url: str) -> None:
    response = httpx.post(f"{live_url}/ask", timeout=30,
                          json={"question": "which bodies must have regard to ICP strategies?"})
    assert response.status_code == 200
    body = response.json()
    assert {r["iri"] for r in body["results"]} == {f"{KIND}IntegratedCareBoard",
                                                   f"{KIND}LocalAuthority"}
    assert body["sources"]
    refused = httpx.get(f"{live_url}/ask", params={"q": "how do I bake bread"}, timeout=30)
    assert refused.json()["answered"] is False and refused.json()["suggestions"]
