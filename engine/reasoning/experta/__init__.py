"""The Experta room: the install shim, the speed-ups and the Rete index over stock Experta 1.9.4.

Experta internals touched (a new Experta release must be checked against this list):
``experta.engine.KnowledgeEngine`` (``_fixed_facts``, ``agenda``, ``strategy``, ``matcher``,
``running``), ``experta.matchers.rete.ReteMatcher`` (``root_node``, ``build_network``),
``experta.matchers.rete.nodes`` (``FeatureTesterNode``, ``WhereNode``, ``BusNode``, the memories),
``experta.fact.Fact`` (``__factid__``, ``copy``), ``experta.factlist.FactList`` and
``frozendict`` 1.2 (shimmed for Python ≥ 3.10). ``tests/reasoning/test_engine_speedups.py`` checks
the speed-ups against stock Experta.

May import: nothing of the other rooms.
"""

__all__: list[str] = []
