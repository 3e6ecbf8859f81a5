"""Issue 24's classroom items and the pages of this round in a real browser (headless Chromium at 1280 × 720
against ``samenwerkwijzer serve``): the before → after panel stays in view beside a switch far down the list of
facts; the pressed *Presentatiemodus* button is readable (contrast measured on the computed colours); the letter
page with its text and logo, the *Verloop* on the result page and the replay of a finished meeting are axe-core
clean. ``SCREENSHOTS=folder`` keeps screenshots of them (docs/screenshots/ holds the ones committed)."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from ..conftest import EXAMPLES, skip_unless_installed
from ..webkit import Server, csrf_of, import_case
from .test_browser import CHROMEDRIVER, CHROMIUM, _axe
from .test_letter_edit import png
from .test_replay import finished_meeting

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

# The WCAG contrast ratio of an element's text against its own background (both computed, as rgb()).
CONTRAST = """
const style = getComputedStyle(arguments[0]);
const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
const linear = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
const lum = c => { const [r, g, b] = c.map(linear); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
const [a, b] = [lum(rgb(style.color)), lum(rgb(style.backgroundColor))];
return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
"""
IN_VIEW = """
const r = arguments[0].getBoundingClientRect();
return r.top >= 0 && r.top < window.innerHeight && r.bottom > 0;
"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory) -> Iterator[tuple[Server, webdriver.Chrome]]:
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        skip_unless_installed("Chromium and chromedriver")
    folder = tmp_path_factory.mktemp("klas-browser")
    server = Server(f"sqlite:///{folder / 'web.db'}").start()
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    profile = tempfile.mkdtemp(prefix="sww-chromium-")
    for flag in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        f"--user-data-dir={profile}", "--window-size=1280,720", "--hide-scrollbars",
    ):  # fmt: skip
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=str(CHROMEDRIVER)))
    driver.set_script_timeout(60)
    # The viewport itself 1280 × 720 (the window's frame is not the page's).
    inner = driver.execute_script(
        "return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight]"
    )
    driver.set_window_size(1280 + inner[0], 720 + inner[1])
    yield server, driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)
    server.stop()


def _wait(driver: webdriver.Chrome) -> WebDriverWait:
    return WebDriverWait(driver, 20, poll_frequency=0.05)


def _shot(driver: webdriver.Chrome, name: str) -> None:
    folder = os.environ.get("SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(folder) / f"{name}.png"))


def test_the_before_after_panel_stays_beside_a_switch_far_down(browser):
    server, driver = browser
    driver.get(server.url + "/les?casus=voorbeeld-gecombineerd")
    selects = driver.find_elements(By.CSS_SELECTOR, "#les-form select")
    last = selects[-1]
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", last)
    assert driver.execute_script("return window.scrollY") > 1000  # far down the list of facts
    old = driver.find_element(By.ID, "uitkomst")
    options = last.find_elements(By.TAG_NAME, "option")
    chosen = next(o.get_attribute("value") for o in options if not o.is_selected() and o.get_attribute("value"))
    driver.execute_script(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
        last,
        chosen,
    )
    _wait(driver).until(lambda d: d.find_element(By.ID, "uitkomst") != old)
    panel = driver.find_element(By.ID, "voor-na")
    assert driver.execute_script(IN_VIEW, panel), "the before → after panel scrolled out of view"
    assert driver.execute_script(IN_VIEW, last)  # beside the switch just changed
    assert not _axe(driver)
    _shot(driver, "les-voor-na-naast-het-feit-1280x720")


def test_the_pressed_presentation_button_is_readable(browser):
    server, driver = browser
    driver.get(server.url + "/les?casus=voorbeeld-gecombineerd")
    driver.execute_script("try { localStorage.removeItem('sww-presentatie'); } catch (e) {}")
    driver.get(server.url + "/les?casus=voorbeeld-gecombineerd")
    button = driver.find_element(By.ID, "presentatie-knop")
    assert button.get_attribute("aria-pressed") == "false"
    button.click()
    _wait(driver).until(lambda d: d.find_element(By.ID, "presentatie-knop").get_attribute("aria-pressed") == "true")
    button = driver.find_element(By.ID, "presentatie-knop")
    assert driver.execute_script(CONTRAST, button) >= 7, "the pressed button is hard to read"
    assert not _axe(driver)
    _shot(driver, "les-presentatiemodus-1280x720")
    button.click()  # off again, for the next tests in this browser
    _wait(driver).until(lambda d: d.find_element(By.ID, "presentatie-knop").get_attribute("aria-pressed") == "false")


def test_the_letter_page_the_verloop_and_the_replay_read_well(browser):
    server, driver = browser
    with httpx.Client(base_url=server.url, timeout=60, follow_redirects=True) as advisor:
        mid = import_case(advisor, (EXAMPLES / "rollen-onduidelijk.yaml").read_bytes())
        page = advisor.get(f"/metingen/{mid}/brief").text
        advisor.post(f"/metingen/{mid}/brief/logo", data={"csrf_token": csrf_of(page)},
                     files={"logo": ("logo.png", png(120, 40), "image/png")})  # fmt: skip

        def phone() -> httpx.Client:
            return httpx.Client(base_url=server.url, timeout=60, follow_redirects=True)

        _, meeting, _, later = finished_meeting(advisor, phone)
    problems: dict[str, list[str]] = {}
    driver.get(f"{server.url}/metingen/{mid}/brief#brieftekst")
    area = driver.find_element(By.ID, "tekst")
    assert area.get_attribute("value").startswith("# ")
    area.send_keys(" Met dank voor het gesprek.")
    driver.find_element(By.CSS_SELECTOR, "#brieftekst form button").click()
    _wait(driver).until(lambda d: "De tekst van de brief is bewaard." in d.page_source)
    driver.execute_script("document.getElementById('h-tekst').scrollIntoView()")
    problems["brief"] = _axe(driver)
    _shot(driver, "brief-bewerken-1280x720")
    driver.get(f"{server.url}/metingen/{later}/resultaat#verloop")
    _wait(driver).until(lambda d: d.find_elements(By.ID, "verloop"))
    driver.execute_script("document.getElementById('verloop').scrollIntoView()")
    problems["verloop"] = _axe(driver)
    _shot(driver, "verloop-1280x720")
    for step in (2, 4):
        driver.get(f"{server.url}/les/sessie/{meeting}?stap={step}")
        problems[f"naspelen-{step}"] = _axe(driver)
        _shot(driver, f"sessie-naspelen-stap-{step}-1280x720")
    # The arrow keys step through the story, as on the presenter view.
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ARROW_LEFT)
    _wait(driver).until(lambda d: "stap=3" in d.current_url)
    assert "Stap drie van vier" in driver.find_element(By.CLASS_NAME, "stapnummer").text
    assert not any(problems.values()), problems
