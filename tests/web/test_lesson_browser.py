"""The classroom page in a real browser (headless Chromium through Selenium, as the web app's browser test):
switching the climate of examples/gecombineerd.yaml to conflict puts de-escalation at place one in the
before → after view, swapped in place (no reload) within 200 ms measured in the browser; the graph of one
intervention has only Dutch labels; the story goes forward and back; presenter mode switches on."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..conftest import skip_unless_installed
from ..webkit import Server
from .test_browser import CHROMEDRIVER, CHROMIUM, _axe, _browser

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

RAW = re.compile(r"\b(?:[IF]-[A-Z]|[A-Z]{3}\d{3}\b)|\b[a-z]+\.[a-z]|_[a-z]")
BUDGET_MS = 200

# Sets the climate and resolves when the new #uitkomst is in the page: the time from the change to the swap.
SWITCH = """
const [value, done] = [arguments[0], arguments[arguments.length - 1]];
const old = document.getElementById('uitkomst');
const select = document.getElementById('v-observations-climate-declared');
window.__noReload = window.__noReload || 'ja';
const t0 = performance.now();
const seen = new MutationObserver(() => {
  const now = document.getElementById('uitkomst');
  if (!now || now === old) return;
  seen.disconnect();
  const first = now.querySelector('#top-na li');
  done({ms: performance.now() - t0, first: first ? first.dataset.intervention : null, kept: window.__noReload});
});
seen.observe(old.parentNode, {childList: true});
select.value = value;
select.dispatchEvent(new Event('change', {bubbles: true}));
"""


@pytest.fixture(scope="module")
def lesson(tmp_path_factory) -> Iterator[tuple[Server, webdriver.Chrome]]:
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        skip_unless_installed("Chromium and chromedriver")
    folder = tmp_path_factory.mktemp("les")
    server = Server(f"sqlite:///{folder / 'web.db'}").start()
    driver = _browser(Path(folder))
    driver.set_script_timeout(20)
    yield server, driver
    driver.quit()
    shutil.rmtree(driver.profile_folder, ignore_errors=True)  # type: ignore[attr-defined]
    server.stop()


def _wait(driver: webdriver.Chrome) -> WebDriverWait:
    return WebDriverWait(driver, 20, poll_frequency=0.02)


def _on_the_lesson(server: Server, driver: webdriver.Chrome, *, conflict: bool = False) -> None:
    """The lesson of examples/gecombineerd.yaml in the browser (the climate switched to conflict if asked),
    whichever test ran before in this worker: xdist may hand the tests of this file to two workers."""
    if "casus=voorbeeld-gecombineerd" not in driver.current_url:
        driver.get(server.url + "/les?casus=voorbeeld-gecombineerd")
        _wait(driver).until(lambda d: d.find_elements(By.ID, "v-observations-climate-declared"))
    if conflict:
        select = driver.find_element(By.ID, "v-observations-climate-declared")
        if select.get_attribute("value") != "conflict":
            assert driver.execute_async_script(SWITCH, "conflict")["first"] == "I-DE-ESCALEREN"


def test_switching_the_climate_to_conflict_puts_de_escalation_first_within_200_ms(lesson):
    server, driver = lesson
    driver.get(server.url + "/les")
    driver.find_element(By.CSS_SELECTOR, "a[href='/les?casus=voorbeeld-gecombineerd']").click()
    _wait(driver).until(lambda d: d.find_elements(By.ID, "v-observations-climate-declared"))
    assert _axe(driver) == []
    timings = []
    for _ in range(3):  # the machine is shared: the best of three switches counts
        back = driver.execute_async_script(SWITCH, "waakzaam")
        assert back["first"] != "I-DE-ESCALEREN"
        result = driver.execute_async_script(SWITCH, "conflict")
        assert result["first"] == "I-DE-ESCALEREN" and result["kept"] == "ja", result  # swapped in place
        timings.append(result["ms"])
    print(f"switch to conflict, swapped in place after (ms): {[round(t) for t in timings]}")
    assert min(timings) < BUDGET_MS, timings
    change = driver.find_element(By.CSS_SELECTOR, "#uitkomst li.entered[data-intervention='I-DE-ESCALEREN']")
    assert "nieuw op plaats 1. Nieuw, omdat" in change.text


def test_the_graph_of_one_intervention_has_only_dutch_labels(lesson):
    server, driver = lesson
    _on_the_lesson(server, driver, conflict=True)

    def labels(d: webdriver.Chrome) -> list[str]:
        found = d.execute_script("return Array.from(document.querySelectorAll('#graaf svg text'), t => t.textContent)")
        return [str(t) for t in found] if found else []

    # The trainer picks the intervention to draw (the graph keeps its choice when a switch moves it),
    # once the graph that the switch fetches is in.
    new_graph = (
        "const o = document.querySelector('#advies option[value=I-DE-ESCALEREN]');return !!o && /^1\\./.test(o.text)"
    )
    _wait(driver).until(lambda d: d.execute_script(new_graph) and labels(d))
    driver.execute_script(
        "const s = document.getElementById('advies'); s.value = 'I-DE-ESCALEREN';"
        "s.dispatchEvent(new Event('change', {bubbles: true}));"
    )
    _wait(driver).until(lambda d: any("De-escaleer" in t for t in labels(d)))
    shown = labels(driver)
    assert shown and [t for t in shown if RAW.search(t)] == [], shown
    assert driver.execute_script("return document.querySelectorAll('#graaf svg title').length") == 0


def test_the_story_goes_forward_and_back(lesson):
    server, driver = lesson
    _on_the_lesson(server, driver)

    def number(d: webdriver.Chrome) -> str:
        return str(
            d.execute_script("const s = document.querySelector('#verhaal .stapnummer'); return s && s.textContent")
        )

    start = number(driver)
    assert start.startswith("Stap 1 van")
    driver.find_element(By.CSS_SELECTOR, "#verhaal a[rel=next]").click()
    _wait(driver).until(lambda d: number(d).startswith("Stap 2 van"))
    assert "Bevinding" in driver.find_element(By.ID, "verhaal").text
    driver.find_element(By.CSS_SELECTOR, "#verhaal a[rel=prev]").click()
    _wait(driver).until(lambda d: number(d).startswith("Stap 1 van"))


def test_presenter_mode_enlarges_the_type(lesson):
    server, driver = lesson
    _on_the_lesson(server, driver)
    size = "return parseFloat(getComputedStyle(document.getElementById('les')).fontSize)"
    normal = driver.execute_script(size)
    driver.find_element(By.ID, "presentatie-knop").click()
    _wait(driver).until(lambda d: "presentatie" in d.find_element(By.ID, "les").get_attribute("class"))
    assert driver.execute_script(size) > normal * 1.3
    assert driver.find_element(By.ID, "presentatie-knop").get_attribute("aria-pressed") == "true"
