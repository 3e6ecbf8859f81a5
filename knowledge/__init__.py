"""The knowledge base as reviewable data (YAML, Dutch texts) and the source
documents it quotes. Loaded by ``samenwerkwijzer.model._catalogue``; no code here."""

__all__: list[str] = []  # data only
