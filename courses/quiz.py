"""Quiz questions as plain objects, and their scoring; the browser never says what is correct."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

TRUE, FALSE = "true", "false"


@dataclass
class Option:
    id: str
    text: str
    correct: bool
    feedback: str = ""


@dataclass
class Question:
    """One question: its block id (the same in every language), kind, text, answers and explanation."""

    id: str
    kind: str  # "single", "multiple" or "true_false"
    text: str
    options: list[Option] = field(default_factory=list)
    explanation: str = ""

    @property
    def field_name(self):
        return f"q-{self.id}"

    @property
    def input_type(self):
        return "checkbox" if self.kind == "multiple" else "radio"

    @property
    def correct_ids(self):
        return {option.id for option in self.options if option.correct}

    def clean_response(self, values):
        """The chosen option ids that exist, in option order; unknown ids from a forged form are dropped."""
        chosen = set(values)
        response = [option.id for option in self.options if option.id in chosen]
        return response if self.kind == "multiple" else response[:1]

    def is_correct(self, response):
        return set(response) == self.correct_ids

    def option_texts(self, response):
        chosen = set(response)
        return [option.text for option in self.options if option.id in chosen]


def _choice_question(child, kind):
    options = [
        Option(
            id=str(item.id),
            text=item.value["text"],
            correct=bool(item.value["correct"]),
            feedback=item.value["feedback"],
        )
        for item in child.value["choices"].bound_blocks
    ]
    return Question(child.id, kind, child.value["question"], options, child.value["explanation"])


def _true_false_question(child):
    value = child.value
    options = [
        Option(TRUE, str(_("True")), bool(value["correct_answer"]), value["feedback_true"]),
        Option(FALSE, str(_("False")), not value["correct_answer"], value["feedback_false"]),
    ]
    return Question(child.id, "true_false", value["question"], options, value["explanation"])


def questions_from_stream(stream):
    """The questions of a quiz's StreamField, in editor order."""
    questions = []
    for child in stream:
        if child.block_type == "true_false":
            questions.append(_true_false_question(child))
        else:
            questions.append(_choice_question(child, "multiple" if child.block_type == "multiple_choice" else "single"))
    return questions
