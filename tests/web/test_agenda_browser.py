"""Meeting mode in real browsers (headless Chromium through Selenium) against ``samenwerkwijzer serve``: one
presenter at 1280 × 720 and five phones at 390 × 844 join by code, vote at the same time (the totals on the
presenter view, polled every two seconds, are right: no vote lost), the presenter closes the vote, fixes three
actions and downloads the agenda as Word (opened with python-docx) and as iCalendar (parsed). axe-core checks the
presenter view, the join page and the ballot. ``SCREENSHOTS=folder`` keeps screenshots of the two views."""

from __future__ import annotations

import io
import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import docx
import httpx
import icalendar
import pytest

from ..conftest import skip_unless_installed
from ..webkit import ADVISOR_ANSWERS, Server, drive, new_collaboration
from .test_browser import AXE, CHROMEDRIVER, CHROMIUM

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

PHONES = 5
PARTNERS = ["Gemeente Oostdam", "GGD Oost", "Woonstichting Oost"]


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        skip_unless_installed("Chromium and chromedriver")
    running = Server(f"sqlite:///{tmp_path_factory.mktemp('meeting') / 'web.db'}").start()
    yield running
    running.stop()


def _browser(downloads: Path, size: tuple[int, int]) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    profile = downloads.parent / "profiles" / f"{size[0]}-{time.monotonic_ns()}"
    for flag in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        f"--user-data-dir={profile}", f"--window-size={size[0]},{size[1]}",
    ):  # fmt: skip
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads)})
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=str(CHROMEDRIVER)))
    driver.set_script_timeout(60)
    driver.set_window_size(*size)
    return driver


@pytest.fixture(scope="module")
def browsers(tmp_path_factory) -> Iterator[tuple[webdriver.Chrome, list[webdriver.Chrome], Path]]:
    base = tmp_path_factory.mktemp("meeting-browsers")
    downloads = base / "downloads"
    downloads.mkdir()
    presenter = _browser(downloads, (1280, 720))
    phones = [_browser(downloads, (390, 844)) for _ in range(PHONES)]
    yield presenter, phones, downloads
    for driver in (presenter, *phones):
        driver.quit()
    shutil.rmtree(base / "profiles", ignore_errors=True)  # only the browsers' own profiles, never pytest's folders


def _wait(driver: webdriver.Chrome, seconds: float = 20) -> WebDriverWait:
    return WebDriverWait(driver, seconds, poll_frequency=0.05)


def _axe(driver: webdriver.Chrome) -> list[str]:
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations), e => done([String(e)]));"
    )
    return [f"{v['id']}: {v['help']}" for v in result if v.get("impact") in ("serious", "critical")]


def _shown(driver: webdriver.Chrome) -> list[str]:
    return [e.get_attribute("id") for e in driver.find_elements(By.CSS_SELECTOR, "#sessie .dia") if e.is_displayed()]


def _shot(driver: webdriver.Chrome, name: str) -> None:
    folder = os.environ.get("SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(folder) / f"{name}.png"))


def _download(folder: Path, suffix: str) -> bytes:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        found = [p for p in folder.glob(f"*.{suffix}") if p.stat().st_size]
        if found:
            return found[0].read_bytes()
        time.sleep(0.1)
    raise AssertionError(f"no .{suffix} downloaded")


def test_one_presenter_and_five_phones_choose_the_agenda_together(server, browsers):
    presenter, phones, downloads = browsers
    with httpx.Client(base_url=server.url, timeout=30, follow_redirects=True) as advisor:
        mid = new_collaboration(advisor, str(ADVISOR_ANSWERS["name"]))
        drive(advisor, f"/metingen/{mid}/intake", ADVISOR_ANSWERS)
    problems: dict[str, list[str]] = {}
    presenter.get(f"{server.url}/metingen/{mid}/sessie")
    assert _shown(presenter) == ["dia-profiel"]  # the view opens on the profile; End goes to the last part
    presenter.find_element(By.TAG_NAME, "body").send_keys(Keys.END)
    presenter.find_element(By.CSS_SELECTOR, "#dia-kiezen form button").click()
    code = _wait(presenter).until(lambda d: d.find_elements(By.ID, "code"))[0].text
    assert len(code) == 8
    assert _shown(presenter) == ["dia-kiezen"]
    assert presenter.find_element(By.CSS_SELECTOR, ".qr svg").is_displayed()
    problems["presentatie"] = _axe(presenter)
    _shot(presenter, "sessie-presentatie-1280x720")
    # The keyboard moves between the parts: Home to the profile, the arrow to the differences, End back.
    body = presenter.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.HOME)
    assert _shown(presenter) == ["dia-profiel"]
    _shot(presenter, "sessie-profiel-1280x720")
    presenter.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
    assert _shown(presenter) == ["dia-verschillen"]
    presenter.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
    assert _shown(presenter) == ["dia-interventies"]
    problems["interventies"] = _axe(presenter)
    presenter.switch_to.active_element.send_keys(Keys.END)
    assert _shown(presenter) == ["dia-kiezen"]
    # Five phones join by the code, typed as read from the screen.
    for n, phone in enumerate(phones):
        phone.get(f"{server.url}/s/{code}")
        if n == 0:
            problems["meedoen"] = _axe(phone)
            _shot(phone, "sessie-meedoen-390x844")
        phone.find_element(By.ID, "meedoen").click()
        _wait(phone).until(lambda d: d.find_elements(By.ID, "stem"))
    problems["stemmen"] = _axe(phones[0])
    # They vote at the same moment: two votes on the first intervention, one on the second, an owner proposed.
    start = threading.Barrier(PHONES)
    acknowledged: list[int] = []

    def vote(n: int) -> None:
        phone = phones[n]
        Select(phone.find_element(By.ID, "stemmen-0")).select_by_value("2")
        Select(phone.find_element(By.ID, "stemmen-1")).select_by_value("1")
        Select(phone.find_element(By.ID, "eigenaar-0")).select_by_visible_text(PARTNERS[n % 3])
        start.wait()
        phone.find_element(By.ID, "stem").click()
        if _wait(phone).until(lambda d: d.find_elements(By.ID, "bewaard")):
            acknowledged.append(n)

    threads = [threading.Thread(target=vote, args=(n,)) for n in range(PHONES)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(acknowledged) == list(range(PHONES))
    _shot(phones[0], "sessie-gestemd-390x844")

    def totals(driver: webdriver.Chrome) -> list[str]:
        # Read in the page in one go: htmx may be replacing the totals at this very moment.
        found = driver.execute_script(
            "return Array.from(document.querySelectorAll('#stand td.totaal')).map(e => e.textContent.trim());"
        )
        return [str(x) for x in found]

    # The presenter view catches up by itself (htmx polls every two seconds).
    _wait(presenter, 15).until(lambda d: totals(d)[:2] == [str(2 * PHONES), str(PHONES)])
    assert "Vijf deelnemers" in presenter.execute_script("return document.getElementById('deelnemers').textContent;")
    _shot(presenter, "sessie-stand-1280x720")
    presenter.find_element(By.XPATH, "//button[normalize-space()='Stemming sluiten']").click()
    _wait(presenter).until(lambda d: d.find_elements(By.ID, "agenda-vastleggen"))
    for n in (1, 2, 3):
        Select(presenter.find_element(By.ID, f"eigenaar-{n}")).select_by_visible_text(PARTNERS[n - 1])
        presenter.find_element(By.ID, f"succes-{n}").send_keys(f"De partners merken het aan teken {n}.")
    problems["agenda"] = _axe(presenter)
    presenter.find_element(By.XPATH, "//button[contains(., 'Agenda vastleggen')]").click()
    _wait(presenter).until(lambda d: "/agenda" in d.current_url and d.find_elements(By.CSS_SELECTOR, "table.agenda"))
    assert len(presenter.find_elements(By.CSS_SELECTOR, "table.agenda tbody tr")) == 3
    # The phones' links end with the meeting.
    phones[0].refresh()
    assert "afgelopen" in phones[0].page_source
    presenter.find_element(By.PARTIAL_LINK_TEXT, "Word").click()
    document = docx.Document(io.BytesIO(_download(downloads, "docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Verbeteragenda" in text and "teken 3" in text
    presenter.find_element(By.PARTIAL_LINK_TEXT, "iCalendar").click()
    calendar = icalendar.Calendar.from_ical(_download(downloads, "ics"))
    events = calendar.walk("VEVENT")
    assert len(events) == 3 and {str(e["SUMMARY"]) for e in events}
    assert {page: found for page, found in problems.items() if found} == {}
