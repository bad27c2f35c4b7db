"""Start a real headless browser for the report tests: Debian's chromium under selenium.

selenium is pointed at /usr/bin/chromedriver explicitly, so it never downloads a driver, and
Chromium runs with a throw-away profile and its background networking switched off. Locally
the tests skip when any of these is missing; under CI (``CI=true``) they fail instead.
"""

from __future__ import annotations

import shutil
import tempfile

from helpers import require

CHROMIUM = ("/usr/bin/chromium", "chromium")
CHROMEDRIVER = ("/usr/bin/chromedriver", "chromedriver")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--disable-default-apps", "--hide-scrollbars", "--window-size=1280,1400")


def _find(candidates: tuple[str, ...]) -> str:
    for name in candidates:
        path = shutil.which(name)
        if path:
            return path
    require(candidates[-1])
    raise AssertionError  # not reached


def start_browser(javascript: bool = True):
    """A new headless Chromium (a selenium WebDriver); the caller quits it."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        require("selenium")
    options = webdriver.ChromeOptions()
    options.binary_location = _find(CHROMIUM)
    profile = tempfile.mkdtemp(prefix="footcheck-chromium-")
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    if not javascript:
        options.add_experimental_option(
            "prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=_find(CHROMEDRIVER))
    driver = webdriver.Chrome(service=service, options=options)
    driver.footcheck_profile = profile
    return driver


def stop_browser(driver) -> None:
    driver.quit()
    shutil.rmtree(driver.footcheck_profile, ignore_errors=True)
