"""Invitations (issue 23): each new link with a copy button and a mailto, an editable Dutch invitation with a
deadline, a reminder for those who have not finished, and sending by e-mail through an SMTP server (a local
one, started here)."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from email import message_from_bytes
from pathlib import Path
from urllib.parse import unquote

import pytest

from samenwerkwijzer.web import Database, ServerSettings, create_app

from ..webkit import LINK, TestClient, csrf_of, free_port, import_case, sqlite_database
from .test_avg import _case

aiosmtpd = pytest.importorskip("aiosmtpd.controller")


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], bytes]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages.append((list(envelope.rcpt_tos), envelope.content))
        return "250 OK"


@pytest.fixture(scope="module")
def smtp() -> Iterator[tuple[str, Inbox]]:
    inbox = Inbox()
    port = free_port()
    controller = aiosmtpd.Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield f"smtp://127.0.0.1:{port}?from=adviseur@oostdam.nl", inbox
    controller.stop()


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = sqlite_database(tmp_path / "web.db")
    yield database
    database.dispose()


def _invite(client: TestClient, mid: int, name: str, email: str = "", send: bool = False):
    page = client.get(f"/metingen/{mid}/respondenten").text
    data = {"csrf_token": csrf_of(page), "name": name, "email": email, "days": "30"}
    if send:
        data["send"] = "ja"
    response = client.post(f"/metingen/{mid}/respondenten", data=data)
    assert response.status_code == 200, response.text
    return response


def test_a_new_link_has_a_copy_button_and_a_mailto_with_the_invitation(db):
    client = TestClient(create_app(db, require_login=False, public_url="https://samenwerken.example.nl"))
    mid = import_case(client, _case())
    page = _invite(client, mid, "Anna de Vries", "anna@example.nl").text
    [(link, who)] = LINK.findall(page)
    assert link.startswith("https://samenwerken.example.nl/r/") and who == "Anna de Vries"
    assert 'data-copy="link-' in page and '<script src="/static/copy.js"' in page
    mail = html.unescape(re.search(r'href="(mailto:anna@example\.nl\?[^"]+)"', page).group(1))
    body = unquote(mail)
    assert "Vragenlijst over de Wijkalliantie Gezond Oost" in body  # the name with its article (walk6)
    assert "ongeveer tien minuten" in body and "vertrouwelijk verwerkt" in body and link in body
    # The table says until when the link holds as a letter writes a date, not 2027-01-06.
    assert re.search(
        r"<td>\d{1,2} (januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)"
        r" 20\d\d</td>",
        page,
    )
    assert TestClient(client.app).get("/static/copy.js").status_code == 200


def test_the_invitation_text_and_deadline_are_editable_and_used(db):
    client = TestClient(create_app(db, require_login=False))
    mid = import_case(client, _case())
    page = client.get(f"/metingen/{mid}/respondenten").text
    assert "Beste deelnemer" in page
    saved = client.post(
        f"/metingen/{mid}/uitnodiging",
        data={"csrf_token": csrf_of(page), "deadline": "2026-12-20", "invitation": "Eigen tekst.", "reminder": ""},
    )
    assert saved.status_code == 200 and "Eigen tekst." in saved.text
    assert "20 december 2026" in saved.text  # the default reminder names the deadline
    page = _invite(client, mid, "Bert").text
    assert "Eigen tekst." in unquote(html.unescape(re.search(r'href="(mailto:[^"]+)"', page).group(1)))
    # Saving the letter's details keeps the invitation.
    letter = client.get(f"/metingen/{mid}/brief").text
    client.post(f"/metingen/{mid}/brief", data={"csrf_token": csrf_of(letter), "advisor": "Marieke"})
    assert "Eigen tekst." in client.get(f"/metingen/{mid}/respondenten").text


def test_a_reminder_goes_to_those_who_have_not_finished(db):
    client = TestClient(create_app(db, require_login=False))
    mid = import_case(client, _case())
    _invite(client, mid, "Anna", "anna@example.nl")
    _invite(client, mid, "Bert", "bert@example.nl")
    page = client.get(f"/metingen/{mid}/respondenten").text
    assert "Twee respondenten zijn nog niet klaar" in page
    reminder = html.unescape(re.search(r'href="(mailto:\?bcc=[^"]+)"', page).group(1))
    assert "anna@example.nl" in reminder and "bert@example.nl" in reminder
    assert "Herinnering" in unquote(reminder)


def test_invitations_and_reminders_are_sent_by_smtp_when_configured(db, smtp):
    url, inbox = smtp
    inbox.messages.clear()
    client = TestClient(create_app(db, require_login=False, settings=ServerSettings(smtp_url=url)))
    mid = import_case(client, _case())
    page = _invite(client, mid, "Anna", "anna@example.nl", send=True).text
    assert "per e-mail verstuurd aan anna@example.nl" in page
    [(link, _)] = LINK.findall(page)
    [(to, content)] = inbox.messages
    message = message_from_bytes(content)
    assert to == ["anna@example.nl"] and message["From"] == "adviseur@oostdam.nl"
    assert link in message.get_payload(decode=True).decode()
    csrf = csrf_of(page)
    sent = client.post(f"/metingen/{mid}/herinnering", data={"csrf_token": csrf})
    assert "De herinnering is verstuurd aan een respondent" in sent.text
    assert len(inbox.messages) == 2 and "Herinnering" in message_from_bytes(inbox.messages[1][1])["Subject"]


def test_a_wrong_e_mail_address_is_refused(db):
    client = TestClient(create_app(db, require_login=False))
    mid = import_case(client, _case())
    page = _invite(client, mid, "Anna", "anna at example").text
    assert "geen e-mailadres" in page and not LINK.findall(page)


def test_links_made_on_the_loopback_say_they_only_open_on_this_computer(tmp_path):
    """Fresh-clone review: a partner cannot open http://127.0.0.1/... from their own phone; the page says so."""
    from samenwerkwijzer.web import create_app

    from ..webkit import TestClient, new_collaboration

    client = TestClient(create_app(sqlite_database(tmp_path / "w.db"), require_login=False))
    mid = new_collaboration(client, "Buurtnetwerk")
    assert "werken alleen op deze computer" in client.get(f"/metingen/{mid}/respondenten").text


def test_the_default_texts_are_signed_by_the_advisor_when_the_letter_details_name_them():
    """walk7: the invitation ended in "Met vriendelijke groet," and nothing under it."""
    from samenwerkwijzer.web._mail import default_invitation, default_reminder, signature

    sender = signature("Anna de Vries", " GGD  Oost ")
    assert sender == "Met vriendelijke groet,\n\nAnna de Vries\nGGD Oost"
    assert default_invitation("Consortium Zuid", None, False, 3, sender).endswith("\n\nAnna de Vries\nGGD Oost")
    assert default_reminder("Consortium Zuid", None, sender).endswith(
        "Met vriendelijke groet,\n\nAnna de Vries\nGGD Oost"
    )
    assert signature(None, "") == "Met vriendelijke groet,"
