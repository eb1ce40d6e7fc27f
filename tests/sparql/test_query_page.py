"""The query page: served with security headers, and working in a real headless Chromium."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from api.routes.pages import ASSETS
from kg.linked.terms import ALL_PREFIXES
from kg.sparql.page import catalogue_examples

from .conftest import LiveServer, start_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


def _config(html: str) -> dict[str, object]:
    match = re.search(r'<script type="application/json" id="icskg-config">(.*?)</script>', html,
                      re.DOTALL)
    assert match is not None
    config: dict[str, object] = json.loads(match.group(1))
    return config


def test_page_headers_and_config(server: LiveServer) -> None:
    for response in (httpx.get(server.base + "/"),
                     httpx.get(server.sparql, headers={"accept": "text/html,*/*;q=0.8"})):
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/html")
        csp = response.headers["content-security-policy"]
        assert "default-src 'self'" in csp
        assert "script-src 'self';" in csp
        assert "frame-ancestors 'none'" in csp
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "no-referrer"
        config = _config(response.text)
        assert config["endpoint"] == "/sparql"
        assert config["prefixes"] == ALL_PREFIXES
        examples = config["examples"]
        assert isinstance(examples, list)
        assert [e["name"] for e in examples] == [e.name for e in catalogue_examples()]
    assert "cdn" not in httpx.get(server.base + "/").text.lower()
    assert httpx.get(server.base + "/assets/query-page.js").status_code == 200
    assert httpx.get(server.base + "/assets/../pyproject.toml").status_code == 404


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("Debian chromium and chromium-driver are not installed")
    if not ASSETS["yasgui.min.js"][0].is_file():
        pytest.skip("YASGUI is not installed: run `npm ci` in api/web")
    profile = tempfile.mkdtemp(prefix="icskg-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                 f"--user-data-dir={profile}", "--window-size=1280,900"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def test_page_runs_a_query_in_chromium(server: LiveServer, browser: webdriver.Chrome) -> None:
    driver = browser
    driver.get(server.base + "/")
    wait = WebDriverWait(driver, 30)
    wait.until(lambda d: d.execute_script("return !!window.icskgYasgui"))
    # One tab; the catalogue is a list beside the editor (tests/linked/test_browser.py).
    assert len(driver.find_elements(By.CSS_SELECTOR, ".tabsList .tab")) == 1
    items = driver.find_elements(By.CSS_SELECTOR, "#catalogue-list li")
    assert len(items) == len(catalogue_examples())
    # The first tab opens with our prefixes and the starter query; run it.
    query = driver.execute_script("return window.icskgYasgui.getTab().getYasqe().getValue()")
    assert "PREFIX icsg: <https://w3id.org/icskg/graph/>" in query
    driver.find_element(By.CSS_SELECTOR, ".yasqe_queryButton").click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".yasr table.dataTable tbody tr td"))
    text = driver.find_element(By.CSS_SELECTOR, ".yasr table.dataTable tbody").text
    # One row per named graph, biggest first; YASR shows our prefixes.
    assert "icsg:test-bulk" in text
    assert "icsg:test-a" in text
    rows = driver.find_elements(By.CSS_SELECTOR, ".yasr table.dataTable tbody tr")
    assert len(rows) == 3
    log = driver.get_log("browser")  # type: ignore[no-untyped-call]
    errors = [entry for entry in log if entry["level"] == "SEVERE"]
    assert errors == []


def test_catalogue_tab_runs_on_the_built_graph(request: pytest.FixtureRequest,
                                               browser: webdriver.Chrome) -> None:
    examples = catalogue_examples()
    if not examples:
        pytest.skip("the catalogue has no queries yet")
    try:
        built_dir = request.getfixturevalue("built_dir")
    except pytest.FixtureLookupError:
        pytest.skip("no built_dir fixture (tests/conftest.py) to serve the built graph")
    live = start_server(["--out", str(built_dir)])
    try:
        browser.get(live.base + "/")
        wait = WebDriverWait(browser, 30)
        wait.until(lambda d: d.execute_script("return !!window.icskgYasgui"))
        item = browser.find_elements(By.CSS_SELECTOR, "#catalogue-list li button")[0]
        assert item.text.splitlines()[0].strip() == examples[0].name
        item.click()
        wait.until(lambda d: d.execute_script(
            "return window.icskgYasgui.getTab().getName()") == examples[0].name)
        browser.execute_script("window.icskgYasgui.getTab().getYasqe().query()")
        wait.until(lambda d: d.find_elements(
            By.CSS_SELECTOR, ".tabPanel.active .yasr table.dataTable tbody tr td"))
        rows = browser.find_elements(By.CSS_SELECTOR,
                                     ".tabPanel.active .yasr table.dataTable tbody tr")
        assert rows
        assert "No data" not in rows[0].text
    finally:
        live.stop()
