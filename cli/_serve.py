"""``samenwerkwijzer serve``: the web application, on http://127.0.0.1:8000 by default; and its accounts."""

from __future__ import annotations

import os

import click

from ._app import EXIT_BAD_INPUT, app, fail


@app.command("serve")
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on; any but the loopback needs accounts."
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option(
    "--database",
    metavar="URL",
    help="sqlite:///PATH or postgresql://USER@HOST/DB (default: SQLite in the user's data folder).",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Server processes; more answer more requests at once (one per CPU core, for an integrator's load).",
)
@click.option("--no-browser", is_flag=True, help="Do not open the browser.")
@click.option(
    "--create-user",
    metavar="NAME",
    help="Create an advisor account (the password is asked, or read from SAMENWERKWIJZER_PASSWORD) and exit.",
)
@click.option(
    "--create-api-key",
    metavar="NAME",
    help="Create an API key for an integrator's system (printed once; the database keeps its hash) and exit.",
)
@click.option("--list-api-keys", is_flag=True, help="List the API keys (name, created, revoked) and exit.")
@click.option("--revoke-api-key", metavar="NAME", help="Revoke the API key of this name and exit.")
@click.option(
    "--public-url",
    metavar="URL",
    help="The address partners open (https://samenwerken.example.nl): every link, redirect and cookie uses it.",
)
@click.option(
    "--trusted-proxy",
    "trusted_proxies",
    metavar="ADDRESS",
    multiple=True,
    help="Address or network of a reverse proxy whose X-Forwarded-For/-Proto are believed (repeatable).",
)
@click.option("--tls-certificate", metavar="FILE", help="Speak HTTPS with this certificate (PEM; with --tls-key).")
@click.option("--tls-key", metavar="FILE", help="The private key of --tls-certificate (PEM).")
@click.option(
    "--insecure-http",
    is_flag=True,
    help="Serve plain HTTP on an address other than the loopback (passwords and links unencrypted).",
)
@click.option(
    "--min-respondents",
    default=3,
    show_default=True,
    type=click.IntRange(3, 200),
    help="The fewest respondents who must have answered before their answers are shown (never fewer than three).",
)
@click.option(
    "--privacy-contact",
    metavar="TEXT",
    help="Whom respondents ask about their data (the organisation's contact), shown on the privacy page.",
)
@click.option(
    "--retention-days",
    default=365,
    show_default=True,
    type=click.IntRange(1, 3650),
    help="Days a measurement is kept after it was started; --purge removes what is older.",
)
@click.option(
    "--session-participants",
    default=50,
    show_default=True,
    type=click.IntRange(2, 500),
    help="The most phones that may join one meeting with the partners (a meeting opened later keeps this bound).",
)
@click.option(
    "--lessons",
    metavar="FOLDER",
    type=click.Path(file_okay=False, exists=True),
    help="The cases the classroom page shows (its stories in FOLDER/verhalen); default: examples/ of the current "
    "directory, as in a source checkout.",
)
@click.option("--purge", is_flag=True, help="Remove the measurements older than --retention-days and exit.")
@click.option(
    "--smtp-url",
    metavar="URL",
    help="Send invitations by e-mail: smtp://USER:PASSWORD@HOST:PORT?from=ADDRESS (smtps:// for TLS).",
)
def serve_command(
    host: str,
    port: int,
    database: str | None,
    workers: int,
    no_browser: bool,
    create_user: str | None,
    create_api_key: str | None,
    list_api_keys: bool,
    revoke_api_key: str | None,
    public_url: str | None,
    trusted_proxies: tuple[str, ...],
    tls_certificate: str | None,
    tls_key: str | None,
    insecure_http: bool,
    min_respondents: int,
    privacy_contact: str | None,
    retention_days: int,
    session_participants: int,
    lessons: str | None,
    purge: bool,
    smtp_url: str | None,
) -> None:
    """Start the web application: intake as a form, survey links for the partners, the profile and the letter."""
    # The web stack loads only for this command: the other commands start without it.
    from samenwerkwijzer.web import (
        Database,
        ServerSettings,
        api_keys,
        default_database_url,
        purge_expired,
        purged_text,
        revoke_api_key_named,
        serve,
    )
    from samenwerkwijzer.web import create_api_key as make_key
    from samenwerkwijzer.web import create_user as make_user

    url = database or default_database_url()
    if create_user is not None:
        password = os.environ.get("SAMENWERKWIJZER_PASSWORD") or click.prompt(
            "Wachtwoord", hide_input=True, confirmation_prompt="Nogmaals"
        )
        db = Database(url)
        make_user(db, create_user, password)
        db.dispose()
        click.echo(f"Account {create_user} aangemaakt.")
        return
    if create_api_key is not None:
        db = Database(url)
        key = make_key(db, create_api_key)
        db.dispose()
        click.echo(f"API-sleutel voor {create_api_key} (alleen nu getoond):\n{key}")
        return
    if list_api_keys:
        db = Database(url)
        rows = api_keys(db)
        db.dispose()
        if not rows:
            click.echo("Er zijn geen API-sleutels.")
        for name, created, revoked in rows:
            click.echo(f"{name}\taangemaakt {created:%Y-%m-%d %H:%M}\t{'ingetrokken' if revoked else 'geldig'}")
        return
    if revoke_api_key is not None:
        db = Database(url)
        revoke_api_key_named(db, revoke_api_key)
        db.dispose()
        click.echo(f"API-sleutel {revoke_api_key} ingetrokken.")
        return
    hosting = ServerSettings(
        public_url=public_url,
        trusted_proxies=trusted_proxies,
        tls_certificate=tls_certificate,
        tls_key=tls_key,
        insecure_http=insecure_http,
        min_respondents=min_respondents,
        privacy_contact=privacy_contact,
        retention_days=retention_days,
        smtp_url=smtp_url,
        session_participants=session_participants,
        lessons=lessons,
    )
    if purge:
        db = Database(url)
        removed = purge_expired(db, retention_days)
        db.dispose()
        click.echo(purged_text(removed, retention_days))
        return
    try:
        serve(url, host=host, port=port, open_browser=not no_browser, workers=workers, hosting=hosting)
    except OSError as exc:
        fail(f"kan niet luisteren op {host}:{port}: {exc.strerror or exc}", EXIT_BAD_INPUT)


__all__ = ["serve_command"]
