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
def serve_command(
    host: str,
    port: int,
    database: str | None,
    workers: int,
    no_browser: bool,
    create_user: str | None,
    create_api_key: str | None,
) -> None:
    """Start the web application: intake as a form, survey links for the partners, the profile and the letter."""
    # The web stack loads only for this command: the other commands start without it.
    from samenwerkwijzer.web import Database, default_database_url, serve
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
    try:
        serve(url, host=host, port=port, open_browser=not no_browser, workers=workers)
    except OSError as exc:
        fail(f"kan niet luisteren op {host}:{port}: {exc.strerror or exc}", EXIT_BAD_INPUT)


__all__ = ["serve_command"]
