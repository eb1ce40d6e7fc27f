"""Real headless Chromium over a real `icskg serve` of the session build.

Chromium resolves no host but 127.0.0.1, so the pages are shown working with no network
beyond the server. Screenshots go to ICSKG_SHOTS_DIR (default: a temp dir).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from api.routes.pages import ASSETS
from kg.soak import Server, start_server
from kg.sparql.page import catalogue_examples

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")


@pytest.fixture(scope="module")
def live(built_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    server = start_server(built_dir, 10.0, tmp_path_factory.mktemp("serve") / "serve.log")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("ICSKG_SHOTS_DIR") or tmp_path_factory.mktemp("shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
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
                 # No name resolves but the server's: any other request would fail.
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                 f"--user-data-dir={profile}", "--window-size=1280,1000"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _only_local(driver: WebDriver, base: str) -> None:
    """Every resource the page loaded came from the server; the console has no errors."""
    urls = driver.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
    assert [u for u in urls if not u.startswith((base, "data:"))] == []
    log = driver.get_log("browser")  # type: ignore[no-untyped-call]
    assert [e for e in log if e["level"] == "SEVERE"] == []


def test_entity_page_and_its_type_docs(live: Server, browser: WebDriver, shots: Path) -> None:
    browser.get(live.base + "/id/nhs-england")
    assert browser.find_element(By.TAG_NAME, "h1").text == "NHS England"
    sentences = [p.text for p in browser.find_elements(By.CSS_SELECTOR, "p.sentence")]
    assert any(s.startswith("NHS England agree") for s in sentences)
    cited = [d for d in browser.find_elements(By.CSS_SELECTOR, "details.sources")
             if ".txt#char=" in (d.get_attribute("innerHTML") or "")]
    assert cited
    cited[0].find_element(By.TAG_NAME, "summary").click()  # sources open on demand
    assert ".txt#char=" in cited[0].text
    assert "Passage of document" in cited[0].text
    browser.save_screenshot(str(shots / "entity-nhs-england.png"))
    _only_local(browser, live.base)
    browser.find_element(By.CSS_SELECTOR, 'p.types a[href="/ontology#NationalNHSBody"]').click()
    WebDriverWait(browser, 20).until(lambda d: d.current_url.endswith("#NationalNHSBody"))
    target = browser.find_element(By.ID, "NationalNHSBody")
    assert "national NHS body" in target.find_element(By.TAG_NAME, "h3").text
    assert target.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"  # :target
    browser.save_screenshot(str(shots / "ontology-national-nhs-body.png"))


def test_graph_page(live: Server, browser: WebDriver, shots: Path) -> None:
    browser.get(live.base + "/graph/d003-publication")
    facts = browser.find_element(By.CSS_SELECTOR, "main > table").text
    assert "A Summary of Integrating Care" in facts
    assert "003_ff14993d4c3a4248.txt#char=" in facts
    rows = browser.find_elements(By.CSS_SELECTOR, "table.statements tr")
    assert len(rows) > 10
    browser.save_screenshot(str(shots / "graph-d003-publication.png"))
    browser.find_element(By.LINK_TEXT, "NHS Improvement").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "NHS Improvement"
    _only_local(browser, live.base)


def test_ontology_docs(live: Server, browser: WebDriver, shots: Path) -> None:
    browser.get(live.base + "/ontology")
    assert browser.find_element(By.TAG_NAME, "h1").text == (
        "icskg: the integrated care systems ontology")
    assert len(browser.find_elements(By.CSS_SELECTOR, "section.term")) > 150
    browser.save_screenshot(str(shots / "ontology.png"))
    _only_local(browser, live.base)


def _wait_yasgui(driver: WebDriver) -> WebDriverWait:  # type: ignore[type-arg]
    wait = WebDriverWait(driver, 30)
    wait.until(lambda d: d.execute_script("return !!window.icskgYasgui"))
    return wait


def test_query_page_catalogue_and_result_links(live: Server, browser: WebDriver,
                                               shots: Path) -> None:
    browser.get(live.base + "/")
    wait = _wait_yasgui(browser)
    examples = catalogue_examples()
    assert len(browser.find_elements(By.CSS_SELECTOR, ".tabsList .tab")) == 1
    items = browser.find_elements(By.CSS_SELECTOR, "#catalogue-list li")
    assert len(items) == len(examples)
    # The list sits beside the editor, not above it.
    editor = browser.find_element(By.CSS_SELECTOR, ".yasqe")
    assert editor.location["y"] < 300
    browser.find_element(By.ID, "catalogue-filter").send_keys("regard")
    shown = [li for li in items if li.is_displayed()]
    assert 0 < len(shown) < len(examples)
    shown[0].find_element(By.TAG_NAME, "button").click()
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".tabsList .tab")) == 2)
    name = browser.execute_script("return window.icskgYasgui.getTab().getName()")
    assert name == shown[0].text.splitlines()[0]
    # A query whose results are our IRIs, shown with our prefixes, kind: included.
    browser.execute_script(
        "var y = window.icskgYasgui.getTab().getYasqe();"
        "y.setValue(arguments[0]); y.query();",
        "PREFIX icsd: <https://w3id.org/icskg/id/>\nPREFIX kind: <https://w3id.org/icskg/id/kind/>\n"
        "SELECT ?x WHERE { VALUES ?x { icsd:nhs-england kind:IntegratedCareSystem } }")
    wait.until(lambda d: d.find_elements(
        By.CSS_SELECTOR, ".tabPanel.active .yasr table.dataTable tbody tr td a.icskg-entity"))
    table = browser.find_element(By.CSS_SELECTOR, ".tabPanel.active .yasr table.dataTable tbody")
    assert "kind:IntegratedCareSystem" in table.text
    assert "icsd:kind/" not in table.text
    browser.save_screenshot(str(shots / "query-page-results.png"))
    link = table.find_element(By.CSS_SELECTOR, 'a.icskg-entity[href="/id/nhs-england"]')
    link.click()
    wait.until(lambda d: d.current_url == live.base + "/id/nhs-england")
    assert browser.find_element(By.TAG_NAME, "h1").text == "NHS England"


def test_home_search_box_finds_an_entity(live: Server, browser: WebDriver, shots: Path) -> None:
    browser.get(live.base + "/")
    wait = _wait_yasgui(browser)
    browser.find_element(By.ID, "entity-q").send_keys("nhs improvement")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#entity-hits li a"))
    first = browser.find_element(By.CSS_SELECTOR, "#entity-hits li a")
    assert first.text.startswith("NHS Improvement")
    browser.save_screenshot(str(shots / "query-page-search.png"))
    _only_local(browser, live.base)
    first.click()
    wait.until(lambda d: d.current_url.endswith("/id/nhs-improvement"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "NHS Improvement"
