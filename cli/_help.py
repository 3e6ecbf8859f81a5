"""The top-level ``--help`` text, as click prints it at 80 columns or more (``main``
answers ``--help`` with it without importing click). After changing a command's
first docstring line, regenerate it: ``tests/cli/test_cli_start.py`` prints the new text
when it differs."""

HELP = (
    "Usage: samenwerkwijzer [OPTIONS] COMMAND [ARGS]...\n"
    "\n"
    "  Samenwerkwijzer diagnoses an inter-organisational collaboration and\n"
    "  recommends prioritised, cited interventions as a Dutch advice letter.\n"
    "\n"
    "Options:\n"
    "  --version   Show the version and exit.\n"
    "  -h, --help  Show this message and exit.\n"
    "\n"
    "Commands:\n"
    "  batch     Diagnose every case in INPUT (a folder of YAML/JSON case...\n"
    "  compare   What changes between CASE_A and CASE_B (e.g. two measurements...\n"
    "  diagnose  Diagnose the collaboration in CASE (a YAML or JSON case file,...\n"
    "  explain   HOW: the chain from case facts through the rules that fired...\n"
    "  graph     The reasoning as a graph: case facts -> rules -> findings ->...\n"
    "  intake    Ask the questions of the catalogue in Dutch and write the...\n"
    "  kb        The knowledge base: findings, interventions, rules and their...\n"
    "  rules     List the rules and document them.\n"
    "  schema    Print the JSON Schema of a case file (KIND=case) or of the...\n"
    "  serve     Start the web application: intake as a form, survey links for...\n"
    "  step      Walk through the reasoning as a story, one step at a time:...\n"
    "  trace     The rule firings of a run in order: the facts each matched...\n"
)

__all__ = ["HELP"]
