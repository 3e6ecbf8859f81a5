"""Render: pure functions from an Advice to text: the Markdown letter, the HTML report, the Word letter,
the PDF, user templates (sandboxed in a child process) and the compiled-template cache.

May import: ``model`` and ``wording``. Nothing here reads the rule book: an Advice loaded from JSON
in another process renders the same.
"""

__all__: list[str] = []
