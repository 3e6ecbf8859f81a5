"""Invitations: the Dutch invitation and reminder texts (editable per measurement), ``mailto:`` links, and
sending by e-mail when ``serve --smtp-url`` names an SMTP server.

The texts are the advisor's: the defaults say what the questionnaire is, how long it takes, who sees what and
until when it can be filled in. A respondent's own link is added below the text, never in it, so that an
edited text cannot lose it.
"""

from __future__ import annotations

import smtplib
import ssl
from datetime import date
from email.message import EmailMessage
from urllib.parse import parse_qs, quote, unquote, urlsplit

from samenwerkwijzer.trainer import name_with_article

from ._db import WebError

MINUTES = "tien"
GREETING = "Met vriendelijke groet,"


def signature(advisor: str | None, organisation: str | None) -> str:
    """The greeting and, below it, who sends the text, as far as the letter's details say (walk7: the invitation
    ended in "Met vriendelijke groet," and nothing)."""
    names = [" ".join(str(n).split()) for n in (advisor, organisation) if n and str(n).strip()]
    return "\n\n".join([GREETING, "\n".join(names)]) if names else GREETING


def default_invitation(
    collaboration: str, deadline: str | None, disclosed: bool, minimum: int, sender: str = GREETING
) -> str:
    from ._context import in_words

    until = f" Dat kan tot en met {_dutch_date(deadline)}." if deadline else ""
    who = (
        "De adviseur heeft gekozen de antwoorden met naam te verwerken; dat staat ook boven de vragenlijst."
        if disclosed
        else "Uw antwoorden worden vertrouwelijk verwerkt: de adviseur ziet ze alleen samengevoegd met die van de "
        f"anderen, en pas als minstens {in_words(minimum)} mensen hebben geantwoord."
    )
    return (
        f"Beste deelnemer,\n\nWij vragen u een korte vragenlijst in te vullen over {name_with_article(collaboration)}. "
        f"Uw antwoorden helpen om te zien wat goed gaat en wat aandacht nodig heeft. Het invullen kost ongeveer "
        f"{MINUTES} minuten; elk antwoord wordt meteen bewaard, dus u kunt stoppen en later verdergaan.{until}\n\n"
        f"{who}\n\nU opent de vragenlijst met uw persoonlijke link hieronder. Stuur die link niet door: hij is "
        f"alleen voor u.\n\n{sender}"
    )


def default_reminder(collaboration: str, deadline: str | None, sender: str = GREETING) -> str:
    until = f" Dat kan nog tot en met {_dutch_date(deadline)}." if deadline else ""
    return (
        "Beste deelnemer,\n\nEerder vroegen wij u een vragenlijst in te vullen over "
        f"{name_with_article(collaboration)}. "
        f"Wij hebben uw antwoorden nog niet (helemaal) ontvangen.{until} Met de link uit de uitnodiging gaat u verder "
        f"waar u was gebleven; vraag de adviseur om een nieuwe link als u hem niet meer hebt.\n\n{sender}"
    )


MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]  # fmt: skip


def dutch_date(day: date) -> str:
    """A date written out in the pages' and mails' Dutch: 1 maart 2027."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _dutch_date(iso: str) -> str:
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return dutch_date(day)


def personal(text: str, link: str) -> str:
    """The invitation with the respondent's own link below it."""
    return f"{text.rstrip()}\n\nUw persoonlijke link: {link}\n"


def mailto(to: list[str], subject: str, body: str, *, bcc: bool = False) -> str:
    """A ``mailto:`` address that opens the advisor's own mail program with the message filled in."""
    addresses = ",".join(quote(a, safe="@") for a in to)
    head = f"mailto:?bcc={addresses}&" if bcc else f"mailto:{addresses}?"
    return f"{head}subject={quote(subject)}&body={quote(body)}"


def send(smtp_url: str, to: str, subject: str, body: str) -> None:
    """Send one e-mail through the SMTP server of ``smtp_url``
    (``smtp://USER:PASSWORD@HOST:PORT?from=ADDRESS``, ``smtps://`` for TLS from the start, ``?starttls=1``)."""
    url = urlsplit(smtp_url)
    if url.scheme not in ("smtp", "smtps") or not url.hostname:
        raise WebError("--smtp-url is een adres als smtp://gebruiker:wachtwoord@mail.example.nl:587?from=adres")
    query = parse_qs(url.query)
    sender = (query.get("from") or [f"samenwerkwijzer@{url.hostname}"])[0]
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, to, subject
    message.set_content(body)
    context = ssl.create_default_context()
    port = url.port or (465 if url.scheme == "smtps" else 25)
    if url.scheme == "smtps":
        client: smtplib.SMTP = smtplib.SMTP_SSL(url.hostname, port, timeout=30, context=context)
    else:
        client = smtplib.SMTP(url.hostname, port, timeout=30)
    with client:
        if url.scheme == "smtp" and (query.get("starttls") or ["0"])[0] == "1":
            client.starttls(context=context)
        if url.username:
            client.login(unquote(url.username), unquote(url.password or ""))
        client.send_message(message)


__all__ = [
    "GREETING",
    "MINUTES",
    "MONTHS",
    "default_invitation",
    "default_reminder",
    "dutch_date",
    "mailto",
    "personal",
    "send",
    "signature",
]
