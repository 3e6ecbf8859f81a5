"""The model: the case and the advice, the knowledge catalogue's vocabulary and its loading, the fact tables
derived from the case model, the input limits, the errors and their Dutch messages.

May import: nothing of the other rooms (only the package's ``_version``); it is what they all read.
"""

__all__: list[str] = []
