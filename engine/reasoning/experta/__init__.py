"""The Experta room: the install shim (``_experta``), the speed-ups (``_speedups``), the Rete
index (``_rete_index``) over stock Experta 1.9.4 and a compiled engine as bytes and back
(``_network_pickle``). Every other module reaches Experta through here.

Experta internals touched (check each against a new Experta release; ``tests/reasoning/
test_engine_speedups.py`` compares the speed-ups with stock Experta on every rule example):

- ``KnowledgeEngine``: the ``__matcher__`` and ``__strategy__`` class attributes, ``get_deffacts``,
  ``reset``, ``declare``; rules added as methods of a generated subclass.
- ``ReteMatcher``: ``prepare_ruleset``, ``build_network``, ``build_beta_part``, ``root_node``,
  ``_get_conflict_set_nodes``; a conflict-set node's ``added``, ``removed``, ``memory``, ``get_activations``
  and ``_activate`` (wrapped per node to mark it) and a memory node's ``_reset``.
- Wiring the beta network: ``wire_rule`` (what ``_wire_flat`` does for a flat rule), ``ConflictSetNode``,
  ``NotNode``, ``OrdinaryMatchNode`` with ``SameContextCheck``, a node's ``add_child``, ``activate``,
  ``activate_left`` and ``activate_right``.
- The Rete network: ``BusNode``, ``ChildNode``, ``FeatureTesterNode`` (``matcher``, ``children``,
  ``callback``, ``activate``), ``FeatureCheck`` (``what``, ``how``), ``L`` (``value``), ``NoMemory``.
- ``Token``: its tuple layout ``(tag, data, context)``, ``valid``, ``invalid``, ``copy`` (overridden).
- ``DepthStrategy._update_agenda``; an agenda's ``activations``; an activation's ``rule.salience``,
  ``facts``, ``context`` and ``key``.
- ``prepare_rule`` and ``Rule.new_conditions``; the patterns ``NOT``, ``ORFC``, ``ANDFC``, ``NOTFC``,
  ``InitialFact``; ``Fact`` (``__factid__``, ``__bind__``).
- Pickling a compiled engine (``_network_pickle``): the tuples with their own ``__new__`` (``Rule``, ``NOT``,
  ``L``, ``P``, the checks, ``ChildNode``) and ``Fact`` (a ``dict``) made without it; ``FeatureCheck``'s
  check functions (``get_check_function``, by the constraint's kind, ``L`` and ``P``); a rule's ``ke`` and
  ``_wrapped_self`` (the engine it was last read through); the engine's ``running``, ``facts``, ``agenda``,
  ``matcher`` and ``strategy`` (set from the entry instead of by ``__init__``).
- At import: ``collections.Mapping`` for frozendict 1.2, the handlers ``logging.basicConfig`` adds, the
  ``experta`` logger's level.

May import: nothing of the other rooms.
"""

__all__: list[str] = []
