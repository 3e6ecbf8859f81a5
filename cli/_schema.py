"""``schema``: the JSON Schemas integrators validate against."""

from __future__ import annotations

from pathlib import Path

import click

from ._app import app, emit, force_option, output_option


@app.command("schema")
@click.argument("kind", type=click.Choice(["case", "advice"]))
@output_option
@force_option
def schema_command(kind: str, output: Path | None, force: bool) -> None:
    """Print the JSON Schema of a case file (KIND=case) or of the advice that
    `diagnose --format json` and `batch` write (KIND=advice)."""
    from samenwerkwijzer import json_schema_text  # here: keeps CLI start-up fast

    text = json_schema_text(kind)  # type: ignore[arg-type]
    emit(text, output, force=force)


__all__ = ["schema_command"]
