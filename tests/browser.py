"""Headless Chromium through Selenium, with Debian's chromedriver: nothing is downloaded.

    driver = chromium_driver()
    driver.get(path.as_uri()); driver.execute_script("return document.title")
"""

from __future__ import annotations

import os
import shutil

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
         "--window-size=1400,2000", "--disable-background-networking", "--no-first-run")


def chromium_path() -> str | None:
    """Return the Chromium executable, or None when it is not installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def chromedriver_path() -> str | None:
    """Return Debian's chromedriver (it matches its Chromium), else the one on PATH, or None."""
    return CHROMEDRIVER if os.access(CHROMEDRIVER, os.X_OK) else shutil.which("chromedriver")


def chromium_driver() -> webdriver.Chrome:
    """Return a headless Chromium session; the driver and browser are given, so Selenium Manager stays idle."""
    options = webdriver.ChromeOptions()
    options.binary_location = chromium_path()
    for flag in FLAGS:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})  # the console, for get_log("browser")
    os.environ["SE_OFFLINE"] = "true"  # never let Selenium Manager reach the network
    return webdriver.Chrome(service=Service(chromedriver_path()), options=options)
