"""The HTML report in a real browser: it renders, filters, searches, runs nothing from the brief.

Set FOOTCHECK_UPDATE_REPORTS=1 (``make sample-reports``) to refresh the committed screenshot
``reports/relokanty-brief.audit.png``; otherwise it is written to a temporary folder only.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from chromium import start_browser, stop_browser

from footcheck.document import decode
from footcheck.formats import render
from footcheck.model import Document
from footcheck.pipeline import audit

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = "references/relokanty-brief.txt"
SCREENSHOT = ROOT / "reports" / "relokanty-brief.audit.png"
HOSTILE = """Intro <script>window.pwned=1</script> text.^{i} And
<img src=x onerror="window.pwned=2">.^{ii}

Notes

^{i} Evil <script>window.pwned=3</script> [click](javascript:window.pwned=4).

^{ii} <https://example.org/a"onmouseover="window.pwned=5> get source here
"""


@pytest.fixture(scope="module")
def sample_url(tmp_path_factory) -> str:
    report = audit(decode((ROOT / SAMPLE).read_bytes(), path=SAMPLE))
    path = tmp_path_factory.mktemp("report") / "relokanty-brief.audit.html"
    path.write_text(render("html", report), encoding="utf-8")
    return path.as_uri()


@pytest.fixture
def page(browser, sample_url):
    browser.get(sample_url)
    browser.get_log("browser")  # start each test with an empty console
    return browser


def visible(driver, selector: str) -> int:
    return driver.execute_script(
        "return Array.prototype.filter.call(document.querySelectorAll(arguments[0]),"
        " function (e) { return e.offsetParent !== null; }).length;", selector)


def errors(driver) -> list[dict]:
    return [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]


def test_the_report_renders_with_its_controls(page):
    from selenium.webdriver.common.by import By

    assert page.title == f"footcheck: {SAMPLE}"
    assert page.find_element(By.ID, "controls").is_displayed()
    total = len(page.find_elements(By.CSS_SELECTOR, ".note, .item"))
    assert visible(page, ".note, .item") == total > 100
    assert page.find_element(By.ID, "shown").text.startswith(
        f"Showing {total} of {total} items, ")
    assert errors(page) == []


def test_severity_filter_hides_and_shows(page):
    from selenium.webdriver.common.by import By

    before = visible(page, ".finding.sev-error")
    assert before > 0
    page.find_element(By.ID, "sev-error").click()
    assert visible(page, ".finding.sev-error") == 0
    assert visible(page, ".finding.sev-warning") > 0
    assert visible(page, ".note:not(.has-findings)") == 0  # a filter shows only findings
    page.find_element(By.ID, "sev-error").click()
    assert visible(page, ".finding.sev-error") == before
    assert errors(page) == []


def test_kind_filter_and_chips(page):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    Select(page.find_element(By.ID, "kind")).select_by_value("placeholder")
    assert visible(page, ".note, .item") == 1
    assert "get source here" in page.find_element(By.CSS_SELECTOR, ".note.has-findings"
                                                  ":not([hidden])").text
    page.find_element(By.CSS_SELECTOR, '.chip[data-kind="missing-note"]').click()
    assert visible(page, ".note, .item") == 2
    assert visible(page, "#missing .item") == 2


def test_search_box_filters(page):
    from selenium.webdriver.common.by import By

    page.find_element(By.ID, "search").send_keys("khodorkovsky")
    shown = page.find_elements(By.CSS_SELECTOR, ".note:not([hidden]), .item:not([hidden])")
    assert len(shown) == 1 and "Khodorkovsky" in shown[0].text
    page.find_element(By.ID, "search").clear()
    page.find_element(By.ID, "search").send_keys("x")  # input events fire on each key
    assert visible(page, ".note, .item") > 1


def test_print_layout_hides_the_controls(page):
    from selenium.webdriver.common.by import By

    page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not page.find_element(By.ID, "controls").is_displayed()
    finally:
        page.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_nothing_from_the_brief_runs(browser, tmp_path):
    from selenium.common.exceptions import NoAlertPresentException

    path = tmp_path / "hostile.html"
    path.write_text(render("html", audit(Document.from_text(HOSTILE, path="hostile.txt"))),
                    encoding="utf-8")
    browser.get(path.as_uri())
    for anchor in browser.find_elements("css selector", "a"):
        browser.execute_script("arguments[0].dispatchEvent(new MouseEvent('mouseover'))",
                               anchor)
    assert browser.execute_script("return typeof window.pwned") == "undefined"
    with pytest.raises(NoAlertPresentException):
        browser.switch_to.alert.text  # noqa: B018
    hrefs = browser.execute_script(
        "return Array.prototype.map.call(document.links, function (a) { return a.href; });")
    assert hrefs and all(h.startswith(("https:", "file:")) for h in hrefs)
    assert errors(browser) == []


def test_without_javascript_everything_is_shown(sample_url):
    from selenium.webdriver.common.by import By

    driver = start_browser(javascript=False)
    try:
        driver.get(sample_url)
        assert not driver.find_element(By.ID, "controls").is_displayed()
        total = len(driver.find_elements(By.CSS_SELECTOR, ".note, .item"))
        assert visible(driver, ".note, .item") == total > 100
    finally:
        stop_browser(driver)


def test_screenshot_of_the_sample_report(page, tmp_path):
    target = SCREENSHOT if os.environ.get("FOOTCHECK_UPDATE_REPORTS") else \
        tmp_path / SCREENSHOT.name
    page.set_window_size(1280, 1400)
    assert page.save_screenshot(str(target))
    data = target.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) < 500_000
