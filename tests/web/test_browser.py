"""A real browser (headless Chromium through Selenium) against ``samenwerkwijzer serve``: the advisor
creates a case, fills in the intake and invites three respondents; three browser sessions answer (one
disagreeing on the climate); the advisor sees the divergence and downloads a Word letter. axe-core checks
the main pages for serious or critical accessibility violations."""

from __future__ import annotations

import base64
import io
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import docx
import httpx
import pytest
from click.testing import CliRunner

from samenwerkwijzer.cli import app
from samenwerkwijzer.intake import Intake
from samenwerkwijzer.model._catalogue import load_catalogue

from ..conftest import skip_unless_installed
from ..webkit import ADVISOR_ANSWERS, Server

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
AXE = Path(__file__).parents[1] / "axe.min.js"
CLIMATE = "observations.climate.declared"
RESPONDENTS = {"Gemeente Oostdam": "waakzaam", "GGD Oost": "waakzaam", "Woonstichting Oost": "conflict"}

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[Server]:
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        skip_unless_installed("Chromium and chromedriver")
    running = Server(f"sqlite:///{tmp_path_factory.mktemp('browser') / 'web.db'}").start()
    yield running
    running.stop()


def _browser(downloads: Path) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    profile = tempfile.mkdtemp(prefix="sww-chromium-")
    for flag in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        f"--user-data-dir={profile}", "--window-size=1000,900",
    ):  # fmt: skip
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads)})
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=str(CHROMEDRIVER)))
    driver.profile_folder = profile  # type: ignore[attr-defined]
    driver.set_script_timeout(60)
    return driver


@pytest.fixture(scope="module")
def browsers(tmp_path_factory) -> Iterator[tuple[webdriver.Chrome, webdriver.Chrome, Path]]:
    downloads = tmp_path_factory.mktemp("downloads")
    advisor, respondent = _browser(downloads), _browser(downloads)
    yield advisor, respondent, downloads
    for driver in (advisor, respondent):
        driver.quit()
        shutil.rmtree(driver.profile_folder, ignore_errors=True)  # type: ignore[attr-defined]


def _wait(driver: webdriver.Chrome) -> WebDriverWait:
    return WebDriverWait(driver, 20, poll_frequency=0.02)


def _step(driver: webdriver.Chrome) -> str | None:
    # Read in the page in one go: htmx may be replacing the question at this very moment.
    value = driver.execute_script(
        "const f = document.querySelector('#vraag input[name=step]');"
        "const busy = document.querySelector('#vraag.htmx-request, .htmx-swapping, .htmx-settling');"
        "return busy ? '' : f ? f.value : null;"
    )
    return None if value is None else str(value)


# Skips, in the page, every question without an answer in arguments[0] (the keys): clicks its skip button
# as the mouse would (shown, and nothing over it), waits for htmx to put the next question in its place, and
# so on; ends with the key of the first question to answer (null: no question left; "stuck:" + key when a
# question has no skip button, "covered:" + key when something is over its button).
_SKIP_TO = """
const [answered, done] = [arguments[0], arguments[arguments.length - 1]];
const step = () => { const f = document.querySelector('#vraag input[name=step]'); return f ? f.value : null; };
const busy = () => document.querySelector('#vraag.htmx-request, .htmx-swapping, .htmx-settling, form.htmx-request');
function next(previous) {
  if (busy() || step() === previous) return setTimeout(next, 5, previous);
  const key = step();
  if (key === null || answered.includes(key)) return done(key);
  const skip = document.querySelector('#vraag button[value=skip]');
  if (!skip) return done('stuck:' + key);
  skip.scrollIntoView({block: 'center'});
  const box = skip.getBoundingClientRect();
  const over = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
  if (!box.width || !box.height || !skip.contains(over)) return done('covered:' + key);
  skip.click();
  next(key);
}
next(undefined);
"""


def _answer(driver: webdriver.Chrome, answers: dict[str, str | list[str]], until: str | None = None) -> None:
    """Answer the questions on the page with the keyboard and mouse, as a person would, until none is left;
    the questions in between, which get no answer, are skipped in the page itself (one round trip to the
    browser for a run of them instead of several per question)."""
    for _ in range(150):
        key = driver.execute_async_script(_SKIP_TO, list(answers))
        if key is None:
            return
        assert key in answers, key
        value = answers[key]
        for item in [value] if isinstance(value, str) else value:
            choices = driver.find_elements(
                By.CSS_SELECTOR, "#vraag input[name=answer][type=radio], #vraag input[name=answer][type=checkbox]"
            )
            chosen = [c for c in choices if c.get_attribute("value") == item]
            if chosen:
                chosen[0].click()
            else:  # a text field, or the partners' text area (one organisation per line)
                field = driver.find_element(By.CSS_SELECTOR, "#vraag [name=answer]")
                field.clear()
                field.send_keys(item)
        driver.find_element(By.CSS_SELECTOR, "#vraag button[value=answer]").click()
        _wait(driver).until(lambda d, key=key: _step(d) not in (key, ""))
        if key == until:
            return
    raise AssertionError("the questions did not end")


def _axe(driver: webdriver.Chrome) -> list[str]:
    """Serious and critical axe-core violations on the current page."""
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations), e => done([String(e)]));"
    )
    return [f"{v['id']}: {v['help']}" for v in result if v.get("impact") in ("serious", "critical")]


def _cli_advice(folder: Path) -> str:
    """The advice JSON of ``samenwerkwijzer intake`` given the same answers as the browser's advisor."""
    intake, lines = Intake(), []
    while intake.current is not None:
        value = ADVISOR_ANSWERS.get(intake.current.key)
        typed = value.replace("\n", "; ") if isinstance(value, str) else None
        lines.append("-" if value is None else typed if typed is not None else ", ".join(value))
        intake.respond(lines[-1])
    (folder / "antwoorden.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    runner = CliRunner()
    made = runner.invoke(app, ["intake", "-o", str(folder / "casus.yaml"), "--answers", str(folder / "antwoorden.txt")])
    assert made.exit_code == 0, made.output
    return runner.invoke(app, ["diagnose", str(folder / "casus.yaml"), "--format", "json"]).stdout


def test_advisor_and_three_respondents_in_a_real_browser(server, browsers, tmp_path):
    advisor, respondent, downloads = browsers
    problems: dict[str, list[str]] = {}
    advisor.get(server.url + "/")
    problems["overzicht"] = _axe(advisor)
    advisor.find_element(By.ID, "name").send_keys(str(ADVISOR_ANSWERS["name"]))
    advisor.find_element(By.CSS_SELECTOR, "form[action='/samenwerkingen'] button").click()
    _wait(advisor).until(lambda d: _step(d) == "description")
    problems["intake"] = _axe(advisor)
    _answer(advisor, ADVISOR_ANSWERS)
    assert "De intake is klaar" in advisor.page_source
    # Without reloading the page, the summary of the answers followed every answer.
    summary = re.search(r"Uw antwoorden tot nu toe \((\d+)\)", advisor.page_source)
    assert summary and int(summary.group(1)) > 20
    mid = advisor.current_url.split("/metingen/")[1].split("/")[0]
    # The case entered in the browser gives byte for byte the advice of the same answers typed into the CLI intake.
    cookie = advisor.get_cookie("sww_sessie")
    assert cookie is not None
    web_json = httpx.get(f"{server.url}/metingen/{mid}/advies.json", cookies={"sww_sessie": cookie["value"]}).text
    assert web_json == _cli_advice(tmp_path)
    advisor.find_element(By.LINK_TEXT, "nodig respondenten uit").click()
    links: dict[str, str] = {}
    for name in RESPONDENTS:
        _wait(advisor).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#uitnodigen input[name=name]"))
        advisor.find_element(By.CSS_SELECTOR, "#uitnodigen input[name=name]").send_keys(name)
        advisor.find_element(By.CSS_SELECTOR, f"#partner option[value='{name}']").click()
        advisor.find_element(By.CSS_SELECTOR, "#uitnodigen button").click()
        field = _wait(advisor).until(
            lambda d, name=name: d.find_elements(By.CSS_SELECTOR, f"input.link-field[data-respondent='{name}']")
        )
        links[name] = field[0].get_attribute("value")
    problems["respondenten"] = _axe(advisor)
    # Three sessions, one after the other, each a fresh state (no cookies): each answers through their own link.
    for n, (name, climate) in enumerate(RESPONDENTS.items()):
        respondent.delete_all_cookies()
        respondent.get(links[name])
        if n == 0:
            respondent.set_window_size(390, 844)  # a phone
            problems["vragenlijst"] = _axe(respondent)
            # Issue 21, acceptance 2: the whole questionnaire, every statement scored low (so that the most
            # follow-ups open): at most thirty statements and ten follow-ups.
            every = {f"statements.{st.id}": "1" for st in load_catalogue().statements} | {CLIMATE: climate}
            _answer(respondent, every)
            answered = re.search(r"Uw antwoorden \((\d+)\)", respondent.page_source)
            assert answered, "the respondent's page lists the answers given"
            statements = len(every) - 1
            follow_ups = int(answered.group(1)) - statements - 1  # less the climate question
            assert statements <= 30 and 0 < follow_ups <= 10, (statements, follow_ups)
            continue
        _answer(respondent, {"statements.speak_up": "2", CLIMATE: climate}, until=CLIMATE)
    advisor.refresh()
    assert advisor.page_source.count(">bezig<") == 2 and advisor.page_source.count(">klaar<") == 1
    advisor.find_element(By.LINK_TEXT, "Resultaat").click()
    _wait(advisor).until(lambda d: d.find_elements(By.ID, "verschillen"))
    divergence = advisor.find_element(By.ID, "verschillen").text
    assert "klimaat" in divergence.lower() and "conflict" in divergence
    problems["resultaat"] = _axe(advisor)
    advisor.find_element(By.PARTIAL_LINK_TEXT, "Word").click()
    deadline = time.monotonic() + 30
    while not list(downloads.glob("*.docx")) and time.monotonic() < deadline:
        time.sleep(0.1)
    [letter] = downloads.glob("*.docx")
    document = docx.Document(io.BytesIO(letter.read_bytes()))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "verschillend" in text.lower() and "klimaat" in text.lower()
    assert {page: found for page, found in problems.items() if found} == {}


def test_the_result_page_prints_as_one_a4_summary_for_every_example(server, browsers):
    """Issue 24: the result page's print view is one A4 page (the profile, the differences, the top five and
    their first steps), for every example; on screen the rest of the interventions is folded."""
    from selenium.webdriver.common.print_page_options import PrintOptions

    advisor = browsers[0]
    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7  # A4, in centimetres
    examples = sorted((Path(__file__).parents[2] / "examples").glob("*.yaml"))
    assert len(examples) == 6
    for example in examples:
        advisor.get(server.url + "/")
        advisor.find_element(By.ID, "case").send_keys(str(example))
        advisor.find_element(By.CSS_SELECTOR, "form[action='/samenwerkingen/importeren'] button").click()
        _wait(advisor).until(lambda d: "/resultaat" in d.current_url or d.find_elements(By.ID, "h-profiel"))
        shown = advisor.find_elements(By.CSS_SELECTOR, "#h-interventies ~ article.intervention")
        assert len(shown) <= 5, example.name  # the top five; the rest folded in a details element
        pdf = base64.b64decode(advisor.print_page(options))
        pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
        assert pages == 1, (example.name, pages)
