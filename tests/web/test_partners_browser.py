"""Issue 23's acceptance in a real browser (headless Chromium through Selenium): partners take part over HTTPS.

The advisor reaches ``samenwerkwijzer serve`` over HTTPS on 127.0.0.1 with a certificate made here and a public
URL, invites three respondents with the generated invitation, each answers on a phone-sized screen (390 by 844),
the respondents' answers appear only after the third has answered, the session cookie is Secure, the exports
name no respondent; and deleting a collaboration in the browser leaves no row of it (SQLite and PostgreSQL)."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import shutil
import ssl
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import httpx
import pytest
import yaml
from sqlalchemy import inspect, text

from samenwerkwijzer.web import Database

from ..conftest import EXAMPLES, skip_unless_installed
from ..webkit import free_port, postgres_server, wait_until_serving

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
PEOPLE = {"Anna de Vries": "GGD Oost", "Bert Jansen": "Woonstichting Oost", "Carla Smit": "Gemeente Oostdam"}

webdriver = pytest.importorskip("selenium.webdriver")
trustme = pytest.importorskip("trustme")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


class Serving:
    def __init__(self, url: str, options: list[str], verify: ssl.SSLContext | bool = True) -> None:
        self.url, self.verify = url, verify
        port = url.rsplit(":", 1)[1]
        command = [sys.executable, "-m", "samenwerkwijzer.cli", "serve", "--no-browser", "--port", port, *options]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wait_until_serving(self.process, url, verify=verify, seconds=40)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stderr is not None:
            self.process.stderr.close()


@pytest.fixture(scope="module")
def tls(tmp_path_factory):
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        skip_unless_installed("Chromium and chromedriver")
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    folder = tmp_path_factory.mktemp("tls")
    ca = trustme.CA()
    issued = ca.issue_cert("127.0.0.1", "localhost")
    cert, key = folder / "cert.pem", folder / "key.pem"
    cert.write_bytes(b"".join(blob.bytes() for blob in issued.cert_chain_pems))
    issued.private_key_pem.write_to_path(str(key))
    context = ssl.create_default_context()
    ca.configure_trust(context)
    # Chromium trusts exactly this certificate's key (no CA is installed anywhere).
    public = x509.load_pem_x509_certificate(issued.cert_chain_pems[0].bytes()).public_key()
    der = public.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    spki = base64.b64encode(hashlib.sha256(der).digest()).decode()
    return cert, key, context, spki


@pytest.fixture(scope="module")
def https_server(tmp_path_factory, tls) -> Iterator[tuple[Serving, Path]]:
    cert, key, context, _ = tls
    database = tmp_path_factory.mktemp("partners") / "web.db"
    url = f"https://127.0.0.1:{free_port()}"
    options = ["--database", f"sqlite:///{database}", "--tls-certificate", str(cert), "--tls-key", str(key)]
    running = Serving(url, [*options, "--public-url", url], verify=context)
    yield running, database
    running.stop()


@pytest.fixture(scope="module")
def browser(tls) -> Iterator[webdriver.Chrome]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    profile = tempfile.mkdtemp(prefix="sww-chromium-")
    for flag in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        f"--user-data-dir={profile}", "--window-size=1000,900", f"--ignore-certificate-errors-spki-list={tls[3]}",
    ):  # fmt: skip
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=str(CHROMEDRIVER)))
    driver.set_script_timeout(60)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _wait(driver) -> WebDriverWait:
    return WebDriverWait(driver, 20, poll_frequency=0.02)


def _case_file(folder: Path) -> Path:
    data = yaml.safe_load((EXAMPLES / "respondenten.yaml").read_text(encoding="utf-8"))
    data.pop("respondents", None)
    path = folder / "casus.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _import(driver, url: str, folder: Path) -> str:
    """Read a case file in on the home page; the measurement's address."""
    driver.get(url + "/")
    driver.find_element(By.ID, "case").send_keys(str(_case_file(folder)))
    driver.find_element(By.CSS_SELECTOR, "form[action='/samenwerkingen/importeren'] button").click()
    _wait(driver).until(lambda d: "/resultaat" in d.current_url)
    return driver.current_url.rsplit("/resultaat", 1)[0]


_ANSWER = """
// Answer the question on the page as a respondent would: a choice (the option given, else the first), else
// skip it when it may be skipped, else type a small number. Returns the question's key, or null when none is left.
const [choice, done] = [arguments[0], arguments[arguments.length - 1]];
const busy = () => document.querySelector('#vraag.htmx-request, .htmx-swapping, .htmx-settling, form.htmx-request');
function go() {
  if (busy()) return setTimeout(go, 5);
  const step = document.querySelector('#vraag input[name=step]');
  if (!step) return done(null);
  const options = [...document.querySelectorAll('#vraag input[name=answer]')].filter(i => i.type !== 'hidden');
  const radios = options.filter(i => i.type === 'radio' || i.type === 'checkbox');
  const skip = document.querySelector('#vraag button[value=skip]');
  if (radios.length) {
    (radios.find(r => r.value === choice) || radios[0]).click();
    document.querySelector('#vraag button[value=answer]').click();
  } else if (skip) {
    skip.click();
  } else {
    options[0].value = '3';
    document.querySelector('#vraag button[value=answer]').click();
  }
  done(step.value);
}
go();
"""


def _answer_all(driver, choice: str) -> int:
    previous = None
    for answered in range(80):
        key = driver.execute_async_script(_ANSWER, choice)
        if key is None:
            return answered
        _wait(driver).until(
            lambda d, key=key: (
                d.execute_script(
                    "const s = document.querySelector('#vraag input[name=step]');"
                    "const busy = document.querySelector('#vraag.htmx-request, .htmx-swapping, .htmx-settling');"
                    "return !busy && (!s || s.value !== arguments[0]);",
                    key,
                )
                or "Dank u wel" in d.page_source
            )
        )
        if key == previous and answered > 70:
            break
        previous = key
    raise AssertionError("the questionnaire did not end")


def test_three_partners_answer_over_https_on_a_phone_and_the_result_waits_for_the_third(
    https_server, browser, tmp_path
):
    server, database = https_server
    measurement = _import(browser, server.url, tmp_path)
    assert measurement.startswith(server.url)
    cookie = browser.get_cookie("sww_sessie")
    assert cookie is not None and cookie["secure"] is True and cookie["httpOnly"] is True
    browser.get(measurement + "/respondenten")
    invitation = browser.find_element(By.ID, "invitation").get_attribute("value")
    assert "vertrouwelijk verwerkt" in invitation and "ongeveer tien minuten" in invitation
    links: dict[str, str] = {}
    for name, partner in PEOPLE.items():
        browser.find_element(By.CSS_SELECTOR, "#uitnodigen input[name=name]").send_keys(name)
        browser.find_element(By.CSS_SELECTOR, f"#partner option[value='{partner}']").click()
        browser.find_element(By.CSS_SELECTOR, "#uitnodigen button").click()
        field = _wait(browser).until(
            lambda d, name=name: d.find_elements(By.CSS_SELECTOR, f"input.link-field[data-respondent='{name}']")
        )
        links[name] = field[0].get_attribute("value")
        assert links[name].startswith(server.url + "/r/")
        mail = browser.find_element(By.PARTIAL_LINK_TEXT, "Mailen").get_attribute("href")
        body = unquote(html.unescape(mail))
        assert invitation.splitlines()[0] in body and links[name] in body
    respondent_view = {"width": 390, "height": 844}
    owner = browser.current_window_handle
    for n, name in enumerate(PEOPLE):
        browser.switch_to.new_window("window")
        browser.set_window_size(respondent_view["width"], respondent_view["height"])
        browser.delete_all_cookies()
        browser.get(links[name])
        first = browser.page_source
        assert "vertrouwelijk verwerkt" in first and 'href="/privacy"' in first
        width = browser.execute_script("return document.documentElement.scrollWidth")
        assert width <= browser.execute_script("return window.innerWidth")  # nothing wider than the phone
        assert _answer_all(browser, "conflict" if n == 2 else "waakzaam") > 0
        browser.close()
        browser.switch_to.window(owner)
        browser.get(measurement + "/resultaat")
        page = browser.page_source
        if n < 2:
            assert "worden getoond zodra er minstens drie hebben geantwoord" in page, n
            assert 'id="verschillen"' not in page
        else:
            assert "Hun antwoorden tellen mee, samengevoegd" in page
    # The exports name no respondent.
    session = {"sww_sessie": browser.get_cookie("sww_sessie")["value"]}
    with httpx.Client(base_url=server.url, verify=server.verify, cookies=session) as client:
        exported = client.get(measurement.replace(server.url, "") + "/advies.yaml").text
        result = client.get(measurement.replace(server.url, "") + "/resultaat").text
        cid = re.search(r"/samenwerkingen/(\d+)", result).group(1)
        everything = client.get(f"/samenwerkingen/{cid}/gegevens.json").text
    assert "Respondent 1" in exported
    for name in PEOPLE:
        assert name not in exported and name not in everything


def _rows(url: str, needles: list[str]) -> tuple[dict[str, int], list[str]]:
    db = Database(url)
    try:
        with db.reading() as s:
            counts = {
                t: int(s.execute(text(f"SELECT count(*) FROM {t}")).scalar_one())
                for t in ("collaborations", "measurements", "respondents")
            }
            found = []
            for table in inspect(s.get_bind()).get_table_names():
                for row in s.execute(text(f"SELECT * FROM {table}")):
                    dumped = json.dumps([str(v) for v in row], ensure_ascii=False)
                    found += [f"{table}: {n}" for n in needles if n in dumped]
        return counts, found
    finally:
        db.dispose()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def any_database(request, tmp_path_factory, tls) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('delete') / 'web.db'}"
    else:
        with postgres_server() as url:
            yield url


def test_deleting_a_collaboration_in_the_browser_leaves_no_row(any_database, browser, tmp_path):
    url = f"http://127.0.0.1:{free_port()}"
    server = Serving(url, ["--database", any_database])
    try:
        browser.delete_all_cookies()
        measurement = _import(browser, url, tmp_path)
        browser.get(measurement + "/respondenten")
        for name in PEOPLE:
            browser.find_element(By.CSS_SELECTOR, "#uitnodigen input[name=name]").send_keys(name)
            browser.find_element(By.CSS_SELECTOR, "#uitnodigen button").click()
            _wait(browser).until(
                lambda d, name=name: d.find_elements(By.CSS_SELECTOR, f"input.link-field[data-respondent='{name}']")
            )
        counts, _ = _rows(any_database, [])
        assert counts == {"collaborations": 1, "measurements": 1, "respondents": 3}
        browser.find_element(By.LINK_TEXT, "Alle metingen").click()
        _wait(browser).until(lambda d: d.find_elements(By.LINK_TEXT, "Samenwerking verwijderen"))[0].click()
        _wait(browser).until(lambda d: d.find_elements(By.CSS_SELECTOR, "input[name=bevestig]"))[0].click()
        browser.find_element(By.CSS_SELECTOR, "button.danger").click()
        _wait(browser).until(lambda d: d.current_url.rstrip("/") == url)
        counts, found = _rows(any_database, [*PEOPLE, "Wijkalliantie Gezond Oost"])
        assert counts == {"collaborations": 0, "measurements": 0, "respondents": 0} and found == []
    finally:
        server.stop()
