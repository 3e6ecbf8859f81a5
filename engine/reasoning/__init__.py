"""Reasoning: from a case to an Advice. The facts, the one reading of the rule language's conditions,
compiling rules onto Experta, relevance, ranking, ``diagnose`` and batch runs.

May import: ``model``, ``wording``, ``reasoning.experta`` and the rules (``samenwerkwijzer.rules``).
"""

__all__: list[str] = []
