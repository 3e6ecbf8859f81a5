"""Wording: the Dutch the program writes. Names with their article, numbers and lists in words, a fact's
value in words, and the letter's sentences composed from the Advice with what each rests on.

May import: ``model``.
"""

__all__: list[str] = []
