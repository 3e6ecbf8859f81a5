"""``samenwerkwijzer rules``: list the rules, show one rule's page, write the rule documentation."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

import click

from ._app import EXIT_REFUSED, app, emit, fail, text_or_json_option
from ._files import reason

Change = tuple[str, str]
"""(what, file name): ``missing``, ``stale`` or ``extra``."""


@app.group("rules")
def rules_group() -> None:
    """List the rules and document them.

    A rule's page says what it detects, why (with the source quotes), what it
    concludes, and shows an example case with what a real run concludes."""


@rules_group.command("list")
@text_or_json_option("One line per rule, or every rule with its conditions and conclusions as JSON.")
def list_command(fmt: str) -> None:
    """List every rule: id, name and Dutch title."""
    from samenwerkwijzer.authoring import rule_summary, rules_by_id

    rules = list(rules_by_id().values())
    if fmt == "json":
        text = json.dumps([rule_summary(r.id) for r in rules], indent=2, ensure_ascii=False) + "\n"
    else:
        width = max(len(r.name) for r in rules)
        text = "".join(f"{r.id}  {r.name:<{width}}  {r.title}\n" for r in rules)
    click.echo(text, nl=False)


@rules_group.command("show")
@click.argument("rule_id", metavar="RULE_ID")
@click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    default="nl",
    show_default=True,
    help="Dutch for trainers, or English for developers (with the rule's docstring).",
)
def show_command(rule_id: str, lang: str) -> None:
    """Print the documentation page of one rule as Markdown, in Dutch unless --lang en.

    RULE_ID is a rule's id such as ROL001, in any case. The example sections come
    from rules/<concern>/examples.yaml of a source checkout; an installed package has none, and
    the page then says where they live."""
    from samenwerkwijzer.authoring import (  # here: keeps CLI start-up fast
        examples_folder,
        load_examples,
        rule_page,
    )

    folder = examples_folder()
    text = rule_page(rule_id, None if folder is None else load_examples(folder), lang=lang)  # type: ignore[arg-type]
    click.echo(text, nl=False)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        fail(f"kan {path} niet lezen ({reason(exc)})", EXIT_REFUSED)


def changes(directory: Path, expected: Mapping[str, str]) -> list[Change]:
    """How the Markdown files in ``directory`` (and in the subfolders ``expected``
    names, such as ``nl/``) differ from ``expected``, by path relative to ``directory``."""
    folders = sorted({str(Path(name).parent) for name in expected} | {"."})
    existing = sorted(
        (p.relative_to(directory).as_posix() for f in folders for p in (directory / f).glob("*.md") if p.is_file()),
    )
    out: list[Change] = []
    for name, text in expected.items():
        if name not in existing:
            out.append(("missing", name))
        elif _read(directory / name) != text:
            out.append(("stale", name))
    out += [("extra", name) for name in existing if name not in expected]
    return out


def _listing(directory: Path, found: list[Change]) -> str:
    return "".join(f"\n  {what} {directory / name}" for what, name in found)


def _refuse_foreign(directory: Path, found: list[Change]) -> None:
    """Refuse to overwrite or remove a file that this command did not write."""
    from samenwerkwijzer.authoring import (
        GENERATED_MARKER,  # here: keeps CLI start-up fast
    )

    foreign = [(what, name) for what, name in found if what != "missing"]
    foreign = [(what, name) for what, name in foreign if GENERATED_MARKER not in _read(directory / name)]
    if foreign:
        fail(
            f"{directory} bevat Markdown-bestanden die deze opdracht niet schreef; "
            f"kies een andere map, of --force om ze te overschrijven of te verwijderen:{_listing(directory, foreign)}",
            EXIT_REFUSED,
        )


def _apply(directory: Path, expected: Mapping[str, str], found: list[Change]) -> None:
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        fail(f"kan {directory} niet maken ({reason(exc)})", EXIT_REFUSED)
    for what, name in found:
        path = directory / name
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            fail(f"kan {path.parent} niet maken ({reason(exc)})", EXIT_REFUSED)
        if what == "extra":
            try:
                path.unlink()
            except OSError as exc:
                fail(f"kan {path} niet verwijderen ({reason(exc)})", EXIT_REFUSED)
            click.echo(f"removed {path}")
        else:
            emit(expected[name], path, force=True)
            click.echo(f"wrote {path}")


@rules_group.command("docs")
@click.argument("directory", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
@click.option("--check", is_flag=True, help="Write nothing; exit 1 listing the files that are missing, stale or extra.")
@click.option("--force", is_flag=True, help="Also overwrite or remove Markdown files in DIR that were not generated.")
def docs_command(directory: Path, check: bool, force: bool) -> None:
    """Write the rule documentation to DIR.

    It writes README.md (the index) and one RULE_ID.md page per rule in
    English, and the same pages in Dutch in DIR/nl/, and
    removes Markdown files there that were generated for rules that no longer
    exist. It refuses to overwrite or remove Markdown files it did not write,
    unless --force. It is an authoring command: the pages show the examples in
    rules/<concern>/examples.yaml of a source checkout, which an installed package does not have."""
    from samenwerkwijzer.authoring import (  # here: keeps CLI start-up fast
        concern_pages,
        examples_folder,
        load_examples,
        rule_docs,
    )

    folder = examples_folder()
    if folder is None:
        fail(
            "de voorbeelden van de regels (rules/<concern>/examples.yaml) worden niet met het pakket geïnstalleerd; "
            "draai 'samenwerkwijzer rules docs' in een checkout van de broncode (pip install -e .)",
            EXIT_REFUSED,
        )
    # The rule pages in DIR, and each concern's page beside its rules (rules/<concern>/README.md).
    for target, expected in ((directory, rule_docs(load_examples(folder))), (folder, concern_pages())):
        found = changes(target, expected)
        if check:
            if found:
                command = f"samenwerkwijzer rules docs {directory}"
                fail(f"{target} is verouderd; draai '{command}':{_listing(target, found)}", EXIT_REFUSED)
            click.echo(f"{target} is up to date ({len(expected)} files)")
            continue
        if not force:
            _refuse_foreign(target, found)
        _apply(target, expected, found)
        if not found:
            click.echo(f"{target} is up to date ({len(expected)} files)")


__all__ = ["Change", "changes", "docs_command", "list_command", "rules_group", "show_command"]
