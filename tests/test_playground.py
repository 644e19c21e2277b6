"""The web playground in a real headless browser (Debian's chromium + chromedriver, Selenium).

Loads /, pastes a clinical note, picks the healthcare pack, runs the redaction and checks what
the page shows against the /redact API's answer for the same request: one highlight per finding
with the entity type and score on hover, the document classes, and the redacted text. With the
bundled model it also checks content (the name is highlighted as PERSON, the SSN is gone). A
screenshot is saved under the test's tmp dir (and, with the bundled model, bench/results/).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import httpx
import pytest

from tests.support.models import HAS_DEFAULT, needs_default

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)),
                                 reason="needs Debian's chromium and chromedriver (`make browser` installs them)")]
SCREENSHOT_COPY = Path(__file__).resolve().parents[1] / "bench" / "results" / "playground.png"
NOTE = ("Clinical note. Patient John Smith (MRN 4471-992), seen 03/14/2024 at Boston General.\n"
        "Phone 617-555-0199, email john.smith@example.com, SSN 123-45-6789.\n"
        "Assessment: stable, follow up in two weeks.")


@pytest.fixture(scope="module")
def browser():
    os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager look for downloads
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000", "--disable-extensions", "--no-first-run"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def _wait(driver, condition, timeout=240):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.2).until(condition)


def _status(driver) -> str:
    return driver.find_element("id", "status").text


def _run_and_wait(driver):
    driver.execute_script("document.body.dataset.state = ''")
    driver.find_element("id", "run").click()
    state = _wait(driver, lambda d: d.execute_script("return document.body.dataset.state") or None)
    assert state == "done", _status(driver)


def _pick_config(driver, name: str):
    from selenium.webdriver.support.ui import Select

    Select(driver.find_element("id", "config")).select_by_value(name)
    _wait(driver, lambda d: _status(d) == "Ready." and d.find_elements("css selector", "#entities input"))


def test_playground_redacts_a_pasted_note(server, browser, tmp_path):
    browser.get(server.url + "/")
    _wait(browser, lambda d: _status(d) == "Ready.")
    assert browser.find_element("id", "config").get_attribute("value") == "general"
    _pick_config(browser, "healthcare")

    browser.find_element("id", "text").send_keys(NOTE)
    _run_and_wait(browser)

    api = httpx.post(server.url + "/redact", json={"text": NOTE, "config": "healthcare", "operator": "replace"},
                     timeout=120).json()
    marks = browser.find_elements("css selector", "#highlighted mark.finding")
    drawn = [(m.get_attribute("data-entity"), m.text) for m in marks]
    expected, end = [], 0
    for f in sorted(api["findings"], key=lambda f: (f["start"], -f["end"])):
        if f["start"] >= end:  # the page draws the first of overlapping findings
            expected.append((f["entity_type"], NOTE[f["start"]:f["end"]]))
            end = f["end"]
    assert drawn == expected
    for mark in marks:
        title = mark.get_attribute("title")
        assert title.startswith(mark.get_attribute("data-entity") + " · score ")
    # the highlighted view keeps the whole document, character for character
    assert browser.find_element("id", "highlighted").get_attribute("textContent") == NOTE
    assert browser.find_element("id", "output").get_attribute("textContent") == api["text"]
    tasks = [li.get_attribute("data-task") for li in browser.find_elements("css selector", "#classes li")]
    assert tasks == list(api["document_classes"])

    browser.find_element("id", "copy").click()
    _wait(browser, lambda d: _status(d) == "Redacted text copied.", timeout=10)

    shot = tmp_path / "playground.png"
    browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000
    if HAS_DEFAULT:
        SCREENSHOT_COPY.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, SCREENSHOT_COPY)


@needs_default
def test_playground_shows_the_identifiers_as_found_and_removed(server, browser):
    marks = {(m.get_attribute("data-entity"), m.text): m.get_attribute("title")
             for m in browser.find_elements("css selector", "#highlighted mark.finding")}
    assert ("PERSON", "John Smith") in marks
    assert "person" in marks[("PERSON", "John Smith")]  # the model label and its description
    output = browser.find_element("id", "output").text
    for value in ("John Smith", "617-555-0199", "john.smith@example.com", "123-45-6789"):
        assert value not in output
    assert "<PERSON>" in output


def test_playground_entity_filter_and_operator(server, browser):
    browser.find_element("id", "entities-none").click()
    browser.find_element("css selector", "#entities input[value='PERSON']").click()
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element("id", "operator")).select_by_value("mask")
    _run_and_wait(browser)
    entities = {m.get_attribute("data-entity") for m in browser.find_elements("css selector", "mark.finding")}
    assert entities <= {"PERSON"}
    output = browser.find_element("id", "output").get_attribute("textContent")
    assert "<" not in output  # masked, not replaced
    if HAS_DEFAULT:
        assert "John Smith" not in output and "**********" in output and "123-45-6789" in output
