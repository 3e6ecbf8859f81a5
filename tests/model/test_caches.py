"""The caches kept between runs (engine/model/_cache.py, engine/render/_template_cache.py).

A cache may make a run faster, never different: the catalogue read back is the
one validated from the YAML; a corrupt, stale or foreign entry is rebuilt; an
entry in a file or directory someone else may write is never read (it could be
a pickle that runs code, SECURITY.md "Caches"); the HTML report stays escaped
in every state of the template cache, also when the Markdown environment (no
escaping) shares the directory; and ``SAMENWERKWIJZER_NO_CACHE=1`` writes
nothing."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys

import pytest

from samenwerkwijzer import case_from_data, diagnose, render_html, render_letter
from samenwerkwijzer.model import _cache, _catalogue
from samenwerkwijzer.render import _html, _letter, _template_cache

from ..conftest import EXAMPLES, TODAY

EVIL = "<script>alert(1)</script>"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A fresh cache directory for this test, and letter environments that see it."""
    directory = tmp_path / "cache"
    monkeypatch.setenv(_cache.CACHE_DIR_ENV, str(directory))
    monkeypatch.delenv(_cache.NO_CACHE_ENV, raising=False)
    _letter._environment.cache_clear()
    _html._environment.cache_clear()
    yield directory
    _letter._environment.cache_clear()
    _html._environment.cache_clear()


def _fresh_catalogue():
    return _catalogue.load_catalogue.__wrapped__()


def _entries(directory, prefix):
    return sorted(directory.glob(f"{prefix}-*.bin"))


def test_the_catalogue_is_written_once_and_read_back_the_same(cache):
    validated = _catalogue._validated_catalogue()
    cold = _fresh_catalogue()
    [entry] = _entries(cache, "catalogue")
    assert oct(entry.stat().st_mode & 0o777) == "0o600" and oct(cache.stat().st_mode & 0o777) == "0o700"
    written = entry.stat().st_mtime_ns
    warm = _fresh_catalogue()
    assert entry.stat().st_mtime_ns == written  # read, not rebuilt
    assert cold.model_dump() == warm.model_dump() == validated.model_dump()
    assert warm.suppression_reason(*next(iter(warm.suppression))) == validated.suppression_reason(
        *next(iter(validated.suppression))
    )


def _tampered() -> bytes:
    """A well-formed entry that differs from the knowledge base: read, it would show."""
    cat = _catalogue._validated_catalogue()
    first = cat.findings[0].model_copy(update={"title": "UIT DE CACHE"})
    return pickle.dumps(cat.model_copy(update={"findings": (first, *cat.findings[1:])}))


def test_an_own_private_entry_is_what_is_read(cache):
    """The check below on foreign entries would be vacuous if the tampered entry were never read."""
    _fresh_catalogue()
    [entry] = _entries(cache, "catalogue")
    entry.write_bytes(_tampered())
    assert _fresh_catalogue().findings[0].title == "UIT DE CACHE"


@pytest.mark.parametrize("mode", [0o620, 0o602])
def test_an_entry_others_may_write_is_not_read(cache, mode):
    _fresh_catalogue()
    [entry] = _entries(cache, "catalogue")
    entry.write_bytes(_tampered())
    entry.chmod(mode)
    assert _fresh_catalogue().findings[0].title != "UIT DE CACHE"


@pytest.mark.parametrize("mode", [0o770, 0o707])
def test_a_directory_others_may_write_is_not_used(cache, mode):
    _fresh_catalogue()
    [entry] = _entries(cache, "catalogue")
    entry.write_bytes(_tampered())
    cache.chmod(mode)
    try:
        assert _cache.cache_dir() is None
        assert _fresh_catalogue().findings[0].title != "UIT DE CACHE"
    finally:
        cache.chmod(0o700)


def test_a_symbolic_link_is_not_followed(cache, tmp_path):
    _fresh_catalogue()
    [entry] = _entries(cache, "catalogue")
    elsewhere = tmp_path / "elsewhere.bin"
    elsewhere.write_bytes(_tampered())
    elsewhere.chmod(0o600)
    entry.unlink()
    entry.symlink_to(elsewhere)
    assert _fresh_catalogue().findings[0].title != "UIT DE CACHE"


@pytest.mark.parametrize(
    "content",
    [b"", b"garbage", pickle.dumps("not a catalogue"), pickle.dumps({"sources": ()})[:-3]],
    ids=["empty", "garbage", "other-object", "truncated"],
)
def test_a_corrupt_entry_is_rebuilt(cache, content):
    fresh = _fresh_catalogue()
    [entry] = _entries(cache, "catalogue")
    entry.write_bytes(content)
    assert _fresh_catalogue().model_dump() == fresh.model_dump()
    assert pickle.loads(entry.read_bytes()).model_dump() == fresh.model_dump()  # written again


def test_a_stale_entry_is_replaced(cache):
    cache.mkdir()
    stale = cache / "catalogue-0000000000000000000000000000000000000000.bin"
    stale.write_bytes(_tampered())
    stale.chmod(0o600)
    assert _fresh_catalogue().findings[0].title != "UIT DE CACHE"
    assert stale not in _entries(cache, "catalogue") and len(_entries(cache, "catalogue")) == 1


def test_the_key_follows_the_knowledge_files(cache):
    key = _cache.fingerprint("catalogue", packages=[_catalogue.KNOWLEDGE_PACKAGE])
    assert key == _cache.fingerprint("catalogue", packages=[_catalogue.KNOWLEDGE_PACKAGE])
    assert key != _cache.fingerprint("catalogue", packages=[_catalogue.KNOWLEDGE_PACKAGE, "samenwerkwijzer.rules"])
    assert key != _cache.fingerprint("catalogue", "pydantic 0.0", packages=[_catalogue.KNOWLEDGE_PACKAGE])


def test_no_cache_writes_nothing(cache, monkeypatch):
    monkeypatch.setenv(_cache.NO_CACHE_ENV, "1")
    _fresh_catalogue()
    render_html(diagnose(case_from_data({"name": "x"}), today=TODAY))
    assert not cache.exists()


def _evil_advice():
    case = case_from_data(
        {
            "name": f"Netwerk {EVIL}",
            "partners": [{"name": EVIL, "kind": "overig", "roles": ["beslisser"]}],
            "observations": {"leadership": {"regie": "onduidelijk"}},
        }
    )
    return diagnose(case, today=TODAY)


def _assert_escaped(html: str) -> None:
    assert "<script>alert" not in html and "alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def _new_process() -> None:
    """What a new process sees: environments created anew, reading the cache."""
    _letter._environment.cache_clear()
    _html._environment.cache_clear()


def test_html_stays_escaped_in_every_state_of_the_template_cache(cache, monkeypatch):
    advice = _evil_advice()
    loaded: list[str] = []
    original = _template_cache.PrivateBytecodeCache.load_bytecode

    def spy(self, bucket):
        original(self, bucket)
        if bucket.code is not None:
            loaded.append(self.configuration)

    monkeypatch.setattr(_template_cache.PrivateBytecodeCache, "load_bytecode", spy)

    # Cold: nothing cached; the Markdown letter compiles letter_text.j2 first, unescaped, into the same directory.
    markdown = render_letter(advice)
    cold = render_html(advice, reasoning=True)
    _assert_escaped(cold)
    assert not loaded
    entries = _entries(cache, "template")
    assert len(entries) == 4  # letter.md.j2, letter.html.j2 and letter_text.j2 in each configuration

    # Warm, shared directory: a new process reads both configurations' entries.
    _new_process()
    assert render_letter(advice) == markdown
    warm = render_html(advice, reasoning=True)
    assert warm == cold
    assert len(set(loaded)) == 2 and len(loaded) == 4

    # Warm in the other order: the HTML environment first.
    _new_process()
    assert render_html(advice, reasoning=True) == cold and render_letter(advice) == markdown

    # Corrupt: every entry garbage, truncated, or cut after jinja2's header.
    for damage in (lambda b: b"garbage", lambda b: b[: len(b) // 2], lambda b: b[:40], lambda b: b""):
        for entry in entries:
            entry.write_bytes(damage(entry.read_bytes()) if entry.stat().st_size else b"x")
        _new_process()
        assert render_html(advice, reasoning=True) == cold
        assert render_letter(advice) == markdown


def test_environments_of_other_configurations_never_share_a_key():
    md = _template_cache.configuration(_letter.make_environment(autoescape=False))
    html = _template_cache.configuration(_letter.make_environment(autoescape=True))
    assert md is not None and html is not None and md != html
    a = _template_cache.PrivateBytecodeCache("/x", md).get_cache_key("letter_text.j2", "/t/letter_text.j2")
    b = _template_cache.PrivateBytecodeCache("/x", html).get_cache_key("letter_text.j2", "/t/letter_text.j2")
    assert a != b


def test_the_cli_gives_the_same_letter_cold_warm_and_without_cache(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != _cache.NO_CACHE_ENV}
    env[_cache.CACHE_DIR_ENV] = str(tmp_path / "cache")
    command = [sys.executable, "-m", "samenwerkwijzer.cli", "diagnose", str(EXAMPLES / "gecombineerd.yaml")]
    letters = []
    for extra in ({}, {}, {_cache.NO_CACHE_ENV: "1"}):
        run = subprocess.run(command, env=env | extra, capture_output=True, text=True, check=True)
        letters.append(run.stdout)
    assert letters[0] == letters[1] == letters[2] and letters[0].startswith("# Advies")
    assert _entries(tmp_path / "cache", "catalogue") and _entries(tmp_path / "cache", "template")
