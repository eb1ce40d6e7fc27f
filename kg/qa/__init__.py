"""Question answering: a free-text English question to a catalogue question, run and cited.

Split by concern: :mod:`kg.qa.text` (normalising and stemming),
:mod:`kg.qa.lexicon` (synonyms), :mod:`kg.qa.entities` and
:mod:`kg.qa.linking` (entity linking), :mod:`kg.qa.dates` (date phrases),
:mod:`kg.qa.analysis` and :mod:`kg.qa.intent` (intent matching),
:mod:`kg.qa.confidence` (calibration), :mod:`kg.qa.answer` (the payload) and
:mod:`kg.qa.engine` (putting them together).
"""

from kg.qa.answer import Answer, BoundValue, Context, ResultItem, Source, Suggestion
from kg.qa.engine import Limits, QAEngine

__all__ = ["Answer", "BoundValue", "Context", "Limits", "QAEngine", "ResultItem", "Source",
           "Suggestion"]
