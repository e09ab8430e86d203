"""Shared fixtures: the project's corpus, the shared seeds and the TEI schema."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Hypothesis keeps its caches outside the checkout: the tests run on a read-only checkout too.
os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", str(Path(tempfile.gettempdir()) / "collate-hypothesis"))

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402
from lxml import etree  # noqa: E402

# No example database in the checkout (the tests run on a read-only checkout too), and the same
# examples on every run: CI judges the code, not the draw.
settings.register_profile("collate", database=None, derandomize=True)
settings.load_profile("collate")

from collate import rules_stylesheet

ROOT = Path(__file__).resolve().parent.parent
WITNESSES = ROOT / "witnesses"
SHARED = ROOT.parent / "shared"
SCHEMA = SHARED / "tei" / "tei_all.rng"


def need_shared(path: Path) -> Path:
    """Return a path under ../shared; skip without it, but never when CI is set."""
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing, and CI must not skip this test")
        pytest.skip(f"{path} is not here")
    return path


@pytest.fixture(scope="session")
def schema() -> etree.RelaxNG:
    """Return the TEI P5 tei_all RELAX NG schema, loaded once (it takes ~10 s)."""
    return etree.RelaxNG(etree.parse(str(need_shared(SCHEMA))))


@pytest.fixture(scope="session")
def rules() -> str:
    """Return the Schematron rules embedded in tei_all, compiled once into an XSLT stylesheet."""
    return rules_stylesheet(etree.parse(str(need_shared(SCHEMA))))


def make_work(root: Path, work_id: str = "letter", witnesses: dict[str, str] | None = None,
              toml: str | None = None) -> Path:
    """Return a work folder written under root: work.toml and one file per witness."""
    witnesses = witnesses if witnesses is not None else {
        "conquest": "Very respectable comrade Stalin,", "volkogonov": "Respected Comrade Stalin,"}
    folder = root / work_id
    folder.mkdir(parents=True)
    if toml is None:
        toml = '[work]\ntitle = "A letter"\ndate = "1923-03-05"\n' + "".join(
            f'\n[[witness]]\nid = "{w}"\nsiglum = "{w[0].upper()}{n}"\n' for n, w in enumerate(witnesses))
    (folder / "work.toml").write_text(toml, encoding="utf-8")
    for witness_id, text in witnesses.items():
        (folder / f"{witness_id}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def browser():
    """Return a headless Chromium session; fail without Chromium or its driver when CI is set."""
    from browser import chromedriver_path, chromium_driver, chromium_path
    if not (chromium_path() and chromedriver_path()):
        if os.environ.get("CI"):
            pytest.fail("chromium or chromedriver is not installed, and CI must not skip the browser test")
        pytest.skip("chromium or chromedriver is not installed")
    driver = chromium_driver()
    yield driver
    driver.quit()
