"""An organisation's own letter template: same context as the built-in
letter, the built-in Dutch sentences importable, run in jinja2's sandbox,
errors as InputError naming the file and the line, and case text escaped in
HTML and never evaluated."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from samenwerkwijzer import InputError, case_from_data, diagnose, render_letter
from samenwerkwijzer.cli import app
from samenwerkwijzer.render._usertemplate import render_with_template

from ..conftest import EXAMPLES, TODAY

COMBINED = str(EXAMPLES / "gecombineerd.yaml")
SCRIPT = "<script>alert(1)</script>"

SIMPLE = """\
{% import "letter_text.j2" as nl %}
# {{ nl.title(advice.case) }}

{{ date_nl }} — {{ nl.greeting(advice.case) }}

{% for i in top %}
{{ i.rank }}. {{ i.title }} ({{ i.id }})
{% endfor %}
Overig: {{ rest | length }}; bronnen: {{ sources | length }}; regie: {{ facts["leadership.regie"] }}
{{ nl.regards() }}
{{ nl.signature(advice.case) }}
"""

PAGE = """\
{% import "letter_text.j2" as nl %}
<h1>{{ nl.title(advice.case) }}</h1>
<ul>{% for p in advice.case.partners %}<li>{{ p.name }}</li>{% endfor %}</ul>
"""


@pytest.fixture(scope="module")
def combined():
    from samenwerkwijzer import load_case

    return diagnose(load_case(COMBINED), today=TODAY)


@pytest.fixture(scope="module")
def hostile():
    """A case whose text looks like markup and like a template."""
    data = {
        "name": "Samen {{ 7*7 }} {% if true %}ja{% endif %}",
        "addressee": "{{ advice.__class__ }}",
        "partners": [{"name": SCRIPT, "kind": "overig", "roles": ["beslisser"]}],
    }
    return diagnose(case_from_data(data), today=TODAY)


def write(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def invoke(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_a_simple_template_renders_with_the_letter_context(tmp_path, combined):
    text = render_with_template(combined, write(tmp_path, "brief.md.j2", SIMPLE), top=3)
    assert text.startswith("# Advies over de samenwerking Consortium Gezond Opgroeien Zuidwijk\n")
    assert "22 november 2026 — Geachte leden van de stuurgroep," in text
    for i in combined.interventions[:3]:
        assert f"{i.rank}. {i.title} ({i.id})\n" in text
    assert f"Overig: {len(combined.interventions) - 3}; bronnen: {len(combined.sources)}; regie: onduidelijk" in text
    assert text.endswith("Met vriendelijke groet,\nMarieke de Vries, adviseur samenwerking\n")


def test_the_built_in_letter_rendered_as_a_user_template_is_the_built_in_letter(tmp_path, combined):
    from importlib.resources import files

    built_in = files("samenwerkwijzer.render").joinpath("templates", "letter.md.j2").read_text(encoding="utf-8")
    text = render_with_template(combined, write(tmp_path, "eigen.md.j2", built_in))
    # render_letter only tidies blank lines on top of this.
    assert re.sub(r"\n{3,}", "\n\n", text).strip() + "\n" == render_letter(combined)


def test_templates_next_to_the_template_can_be_included(tmp_path, combined):
    write(tmp_path, "kop.j2", "Kop van {{ advice.case.name }}\n")
    text = render_with_template(combined, write(tmp_path, "brief.j2", '{% include "kop.j2" %}rest\n'))
    assert text == "Kop van Consortium Gezond Opgroeien Zuidwijk\nrest\n"


@pytest.mark.parametrize(
    "expression",
    [
        "advice.__class__.__mro__",
        "''.__class__.__subclasses__()",
        "nl.title.__globals__",
        "cycler.__init__.__globals__",
        "advice['__class__']",
        "advice | attr('__class__')",
        "'{0.__class__}'.format(advice)",
        "advice.__nope__ is defined",
        "advice.interventions.append(1)",
    ],
)
def test_python_internals_are_refused(tmp_path, combined, expression):
    template = write(
        tmp_path, "kwaad.md.j2", f'{{% import "letter_text.j2" as nl %}}\nregel twee\n{{{{ {expression} }}}}\n'
    )
    with pytest.raises(InputError) as refused:
        render_with_template(combined, template)
    message = str(refused.value)
    assert message.startswith(f"sjabloon {template}, regel 3: geweigerd door de afgeschermde omgeving (jinja2: ")
    assert "\n" not in message


def test_the_cli_refuses_python_internals_with_exit_2_and_one_line(tmp_path):
    template = write(tmp_path, "kwaad.md.j2", "{{ advice.__class__.__mro__ }}\n")
    for fmt in ("markdown", "html"):
        result = invoke("diagnose", COMBINED, "--template", str(template), "--format", fmt)
        assert result.exit_code == 2
        assert result.stdout == ""
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert f"sjabloon {template}, regel 1: geweigerd door de afgeschermde omgeving" in result.stderr
        assert "'__class__'" in result.stderr


def test_a_syntax_error_names_the_file_and_line(tmp_path, combined):
    template = write(tmp_path, "fout.md.j2", "regel een\n{% for i in top %}\n{{ i.title }\n{% endfor %}\n")
    with pytest.raises(InputError, match=rf"^sjabloon {template}, regel 3: syntaxfout "):
        render_with_template(combined, template)
    result = invoke("diagnose", COMBINED, "--template", str(template))
    assert result.exit_code == 2 and f"sjabloon {template}, regel 3: syntaxfout" in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_syntax_error_in_an_included_template_names_that_file(tmp_path, combined):
    part = write(tmp_path, "deel.j2", "\n\n{% if %}\n")
    template = write(tmp_path, "brief.j2", '{% include "deel.j2" %}\n')
    with pytest.raises(InputError) as error:
        render_with_template(combined, template)
    assert str(error.value).startswith(f"sjabloon {part}, regel 3: syntaxfout ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\n{{ onbekend }}\n", "regel 2: fout in het sjabloon (jinja2: 'onbekend' is undefined)"),
        ("a\nb\n{{ 1 / 0 }}\n", "regel 3: fout in het sjabloon (ZeroDivisionError: division by zero)"),
        ('{% include "nergens.j2" %}\n', "regel 1: kan het sjabloon 'nergens.j2' niet vinden"),
    ],
)
def test_other_template_mistakes_are_input_errors(tmp_path, combined, text, expected):
    template = write(tmp_path, "brief.md.j2", text)
    with pytest.raises(InputError, match=f"^sjabloon {template}, {re.escape(expected)}"):
        render_with_template(combined, template)


def test_a_missing_or_unreadable_template_is_an_input_error(tmp_path, combined):
    with pytest.raises(InputError, match="bestand niet gevonden"):
        render_with_template(combined, tmp_path / "nergens.j2")
    binary = tmp_path / "brief.j2"
    binary.write_bytes(b"\xff\xfe{{ x }}")
    with pytest.raises(InputError, match="geen UTF-8"):
        render_with_template(combined, binary)
    result = invoke("diagnose", COMBINED, "--template", str(tmp_path / "nergens.j2"))
    assert result.exit_code == 2 and "bestand niet gevonden" in result.stderr


def test_partner_names_are_escaped_in_an_html_user_template(tmp_path, hostile):
    text = render_with_template(hostile, write(tmp_path, "brief.html", PAGE))
    assert SCRIPT not in text
    assert "<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>" in text
    assert "<h1>Advies over de samenwerking Samen {{ 7*7 }} {% if true %}ja{% endif %}</h1>" in text


def test_partner_names_are_escaped_with_format_html_whatever_the_template_is_called(tmp_path, hostile):
    template = write(tmp_path, "brief.md.j2", PAGE)
    # Markdown: escaped for Markdown, as the built-in letter does
    assert "\\<script\\>alert(1)\\</script\\>" in render_with_template(hostile, template)
    assert SCRIPT not in render_with_template(hostile, template, html=True)
    case_file = tmp_path / "casus.yaml"
    case_file.write_text(f"name: Samen\npartners:\n  - name: '{SCRIPT}'\n    kind: overig\n", encoding="utf-8")
    for args in (["--template", str(template)], []):
        result = invoke("diagnose", str(case_file), "--format", "html", *args)
        assert result.exit_code == 0
        assert SCRIPT not in result.stdout
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in result.stdout


def test_html_escaping_can_be_turned_off_explicitly(tmp_path, hostile):
    assert SCRIPT in render_with_template(hostile, write(tmp_path, "brief.html", PAGE), html=False)


def test_case_text_is_printed_literally_not_evaluated(tmp_path, hostile):
    template = write(tmp_path, "brief.md.j2", SIMPLE)
    text = render_with_template(hostile, template)
    assert "# Advies over de samenwerking Samen {{ 7\\*7 }} {% if true %}ja{% endif %}" in text
    assert "Geachte {{ advice.\\_\\_class\\_\\_ }}," in text
    assert "49" not in text


def test_top_is_checked(tmp_path, combined):
    with pytest.raises(InputError, match="top is ten minste 1"):
        render_with_template(combined, write(tmp_path, "brief.j2", "x"), top=0)


def test_template_only_with_letter_formats(tmp_path):
    template = write(tmp_path, "brief.md.j2", SIMPLE)
    for fmt in ("json", "docx"):
        result = invoke("diagnose", COMBINED, "--format", fmt, "-o", str(tmp_path / "uit"), "--template", str(template))
        assert result.exit_code == 2 and "--template" in result.stderr
        assert not (tmp_path / "uit").exists()


def test_cli_template_writes_a_file(tmp_path):
    template = write(tmp_path, "brief.md.j2", SIMPLE)
    target = tmp_path / "brief.md"
    result = invoke("diagnose", COMBINED, "--template", str(template), "-o", str(target), "--advisor", "Jan Jansen")
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").endswith("Met vriendelijke groet,\nJan Jansen\n")


def test_the_example_in_the_docs_renders(tmp_path, combined):
    from ..conftest import ROOT

    docs = (ROOT / "docs" / "templates.md").read_text(encoding="utf-8")
    [example] = re.findall(r"```jinja\n(.*?)```", docs, flags=re.S)
    text = render_with_template(combined, write(tmp_path, "huisstijl.md.j2", example), top=2)
    assert text.startswith("# Advies over het Consortium Gezond Opgroeien Zuidwijk\n")
    assert "\n\n\n" not in text and "Marieke de Vries\nadviseur samenwerking\n\n1. " in text
    assert f"### 2. {combined.interventions[1].title}" in text and "### 3." not in text
    assert "Verder raden wij aan: " in text


# --- The sandbox escape of the hardening review, and the bounds ---------------------------------


def test_a_pickle_through_parse_raw_runs_nothing(tmp_path, combined):
    marker = tmp_path / "pwned"
    payload = f"cos\\nsystem\\n(S'id > {marker}'\\ntR."
    template = write(
        tmp_path, "kwaad.md.j2", f'{{{{ advice.parse_raw("{payload}", proto="pickle", allow_pickle=True) }}}}\n'
    )
    with pytest.raises(InputError, match="'dict object' has no attribute 'parse_raw'"):
        render_with_template(combined, template)
    result = invoke("diagnose", COMBINED, "--template", str(template))
    assert result.exit_code == 2 and "Traceback" not in result.stderr
    assert not marker.exists()


def test_parse_file_cannot_read_a_file(tmp_path, combined):
    secret = tmp_path / "geheim.json"
    secret.write_text('{"password": "hunter2-geheim"}', encoding="utf-8")
    template = write(tmp_path, "kwaad.md.j2", f"{{{{ advice.case.parse_file('{secret}') }}}}\n")
    with pytest.raises(InputError) as refused:
        render_with_template(combined, template)
    assert "hunter2" not in str(refused.value)


@pytest.mark.parametrize(
    "expression",
    [
        "advice.parse_raw('{}')",
        "advice.case.parse_file('/etc/passwd')",
        "advice.model_dump()",
        "advice.model_dump_json()",
        "advice.model_validate({})",
        "advice.model_copy()",
        "advice.copy()",
        "advice.json()",
        "advice.fact('leadership.regie')",
        "top[0].model_dump()",
        "findings[advice.findings[0].id].copy()",
        "sources[advice.sources[0].id].schema_json()",
        "advice.case.partners[0].model_fields",
        "advice.case.letter_date.isoformat()",
        "advice.interventions.pop()",
        "facts.update({})",
        "lipsum(n=1000000)",
        "'{:>1000000000}'.format('a')",
        "'a'.format_map({})",
        "'a'.encode('utf-8')",
        "namespace.__init__",
        "range.__self__",
    ],
)
def test_no_template_reaches_a_model_method_or_an_unsafe_callable(tmp_path, combined, expression):
    template = write(tmp_path, "kwaad.md.j2", f"{{{{ {expression} }}}}\n")
    with pytest.raises(InputError) as refused:
        render_with_template(combined, template)
    assert str(refused.value).startswith(f"sjabloon {template}")


def test_a_template_sees_plain_data_only(combined):
    from samenwerkwijzer.render._usertemplate import plain_context

    def walk(value):
        if isinstance(value, dict):
            assert all(isinstance(k, str) for k in value)
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        else:
            assert value is None or type(value) in (str, int, float, bool), type(value)

    walk(plain_context(combined, 5))


def test_harmless_calls_and_dict_keys_still_work(tmp_path, combined):
    template = write(
        tmp_path,
        "ok.md.j2",
        "{% for k, v in facts.items() if k == 'leadership.regie' %}{{ k }}={{ v | upper }}{% endfor %} "
        "{{ advice.case.name.split(' ')[0].lower() }} {{ range(3) | list | length }} "
        "{% set ns = namespace(n=0) %}{% for i in top %}{% set ns.n = ns.n + 1 %}{% endfor %}{{ ns.n }} "
        "{{ advice.case.letter_date }}\n",
    )
    assert render_with_template(combined, template, top=2) == "leadership.regie=ONDUIDELIJK consortium 3 2 2026-11-22\n"


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ("{{ 'a' * 10**9 }}", "repeating text"),
        ("{{ 10 ** 10 ** 10 }}", "power is too large"),
        ("{{ 'a\\na' | indent(1000000000) }}", "geheugen"),
        ("{{ '%1000000000s' | format('a') }}", "geheugen"),
        ("{% for i in range(100000) %}{{ 'x' * 100 }}{% endfor %}", "langer worden dan 2.000.000 tekens"),
    ],
)
def test_string_bombs_end_within_the_bound(tmp_path, combined, body, says):
    template = write(tmp_path, "bom.md.j2", body + "\n")
    with pytest.raises(InputError, match=says):
        render_with_template(combined, template)


def test_a_loop_bomb_is_stopped_by_the_cpu_bound(tmp_path, combined, monkeypatch):
    import time

    from samenwerkwijzer.render import _usertemplate

    monkeypatch.setattr(_usertemplate, "TEMPLATE_CPU_SECONDS", 1)
    template = write(
        tmp_path, "lus.md.j2", "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n"
    )
    started = time.monotonic()
    with pytest.raises(InputError, match="processortijd"):
        render_with_template(combined, template)
    # Unbounded, the loop would run for hours; one second of processor time takes longer than one second of
    # wall time on a loaded machine (the child also has to start), so the bound here is generous.
    assert time.monotonic() - started < 30


def test_a_stuck_template_is_stopped_by_the_wall_clock(tmp_path, combined, monkeypatch):
    from samenwerkwijzer.render import _usertemplate

    monkeypatch.setattr(_usertemplate, "TEMPLATE_WALL_SECONDS", 0.5)
    template = write(
        tmp_path, "lus.md.j2", "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n"
    )
    with pytest.raises(InputError, match="langer dan 0.5 seconden"):
        render_with_template(combined, template)


def test_the_cli_stops_a_string_bomb_with_exit_2(tmp_path):
    template = write(tmp_path, "bom.md.j2", "{{ 'a\\na' | indent(1000000000) }}\n")
    result = invoke("diagnose", COMBINED, "--template", str(template))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr and "geheugen" in result.stderr


def test_case_text_cannot_become_markdown_structure_in_an_own_template(tmp_path):
    advice = diagnose(case_from_data({"name": "# Kop", "description": "[klik](javascript:x)"}), today=TODAY)
    template = write(tmp_path, "brief.md.j2", "{{ advice.case.name }}\n{{ advice.case.description }}\n")
    text = render_with_template(advice, template)
    assert text == "\\# Kop\n\\[klik\\](javascript:x)\n"
