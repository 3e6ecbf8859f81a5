"""Compiled letter templates kept between runs, one set per environment configuration.

Compiling the letter templates costs a command-line run more than rendering
them. jinja2's bytecode cache keeps the compiled code, but keys an entry on the
template's name and file only: the Markdown environment (no escaping) and the
HTML environment (autoescape) compile the shared ``letter_text.j2`` to
different code, and one cache for both would hand the HTML report the
unescaped compile. Here the key also holds everything of the environment that
changes the compiled code, so the two never share an entry, even in one
directory. Entries live in the user's private cache directory (``_cache``);
a corrupt or foreign one is ignored and the template compiled again.
"""

from __future__ import annotations

import hashlib
import io
import sys
import types
from pathlib import Path

import jinja2
import jinja2.bccache

from ..model import _cache


def configuration(env: jinja2.Environment) -> str | None:
    """What of ``env`` the compiled code depends on; None when it cannot be
    told (an autoescape function, a finalize callable): then no cache."""
    if not isinstance(env.autoescape, bool) or env.finalize is not None:
        return None
    return repr(
        (
            jinja2.__version__,
            sys.implementation.cache_tag,
            type(env).__module__,
            type(env).__qualname__,
            env.autoescape,
            env.trim_blocks,
            env.lstrip_blocks,
            env.keep_trailing_newline,
            env.newline_sequence,
            env.block_start_string,
            env.block_end_string,
            env.variable_start_string,
            env.variable_end_string,
            env.comment_start_string,
            env.comment_end_string,
            env.line_statement_prefix,
            env.line_comment_prefix,
            env.optimized,
            env.is_async,
            sorted(env.extensions),
        )
    )


class PrivateBytecodeCache(jinja2.BytecodeCache):
    """jinja2's bytecode cache, keyed per environment configuration, reading
    only the user's own private files and ignoring corrupt ones."""

    def __init__(self, directory: str, configuration: str) -> None:
        self.directory = directory
        self.configuration = configuration

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        key = f"{self.configuration}\0{name}\0{filename or ''}"
        return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:40]

    def _path(self, bucket: jinja2.bccache.Bucket) -> Path:
        return Path(self.directory) / f"template-{bucket.key}.bin"

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = _cache.read_file(self._path(bucket))
        if data is None:
            return
        try:
            bucket.load_bytecode(io.BytesIO(data))  # checks jinja2's magic and the source's checksum
        except Exception:  # a corrupt entry: compile again
            bucket.reset()
        if bucket.code is not None and not isinstance(bucket.code, types.CodeType):
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        out = io.BytesIO()
        bucket.write_bytecode(out)
        _cache.write_file(self._path(bucket), out.getvalue())

    def clear(self) -> None:
        """Not used: entries are replaced when their template changes."""


def attach(env: jinja2.Environment) -> jinja2.Environment:
    """Give ``env`` a bytecode cache of its own configuration, when caching is on."""
    config = configuration(env)
    directory = _cache.cache_dir()
    if config is not None and directory is not None:
        env.bytecode_cache = PrivateBytecodeCache(str(directory), config)
    return env


__all__ = ["PrivateBytecodeCache", "attach", "configuration"]
