"""The intake's face: the question catalogue as models a form can be built
from, the intake as a state machine (:class:`Intake`), and what the advisor
reads while answering (prompts, hint, section titles); an intake answered from a file of answers by
question (:func:`answer_intake`).

Room rule: may import ``model``, ``wording`` and ``reasoning``; never ``trainer`` or ``authoring``.
"""

from __future__ import annotations

from ..reasoning._questions import AnswerOption, QuestionInfo, questions
from ._answer_files import AnswerSheet, answer_intake
from ._intake import Intake
from ._prompts import HINT, SECTION_TITLES, field_question, render_prompt

__all__ = [
    "HINT",
    "SECTION_TITLES",
    "AnswerOption",
    "AnswerSheet",
    "Intake",
    "QuestionInfo",
    "answer_intake",
    "field_question",
    "questions",
    "render_prompt",
]
