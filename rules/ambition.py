"""Ambition: a shared ambition, and content before organisational form.

Seed 004 calls a shared ambition crucial and, in the krimp route, warns that
the question of form can dominate the process: inhoud bepaalt vorm. Seed 003
adds that skipping the 'why' makes collaborations fail early.
"""

from __future__ import annotations

from samenwerkwijzer._dsl import Diagnose, Recommend, finding, is_, rule


@rule(
    "AMB001",
    title="Er is geen gedeelde ambitie",
    when=[is_("ambition.shared", False)],
    then=[Diagnose("F-GEEN-GEDEELDE-AMBITIE")],
)
def no_shared_ambition() -> None:
    """Seed 004: all partners must recognise themselves in the shared ambition."""


@rule(
    "AMB002",
    title="De vormvraag domineert",
    when=[is_("ambition.form_debate_dominates", True)],
    then=[Diagnose("F-VORMVRAAG-DOMINEERT")],
)
def form_debate_dominates() -> None:
    """Seed 004 (krimp): the question of form can dominate and distract from the content."""


@rule(
    "AMB101",
    title="Geen gedeelde ambitie: formuleer die samen en bespreek verwachtingen",
    when=[finding("F-GEEN-GEDEELDE-AMBITIE")],
    then=[Recommend("I-GEDEELDE-AMBITIE-FORMULEREN"), Recommend("I-VERWACHTINGEN-EN-BIJDRAGEN-BESPREKEN")],
)
def recommend_forming_a_shared_ambition() -> None:
    """Seed 004 and seed 003's partnerschapskaart: make the underlying goal explicit together."""


@rule(
    "AMB102",
    title="Vormvraag domineert: eerst de inhoud, dan de vorm",
    when=[finding("F-VORMVRAAG-DOMINEERT")],
    then=[Recommend("I-INHOUD-VOOR-VORM"), Recommend("I-GEDEELDE-AMBITIE-FORMULEREN")],
)
def recommend_content_before_form() -> None:
    """Seed 004 (krimp): 'Inhoud bepaalt vorm'."""
