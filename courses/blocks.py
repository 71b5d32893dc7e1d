"""StreamField blocks of lessons and quizzes: the shared body blocks plus callouts, key points and questions."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from lms.core.blocks import BodyStreamBlock


class CalloutBlock(blocks.StructBlock):
    """A highlighted note: a tip, a warning or an example from a parliament."""

    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("note", _("Note")), ("tip", _("Tip")), ("warning", _("Warning")), ("example", _("Example"))],
        default="note",
    )
    title = blocks.CharBlock(label=_("Title"), max_length=120, required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "warning"
        template = "courses/blocks/callout_block.html"
        label = _("Callout")
        description = _("A highlighted note, tip, warning or example.")
        preview_value = {
            "kind": "example",
            "title": "Chile",
            "text": "<p>The Chamber of Deputies publishes its votes as open data every day.</p>",
        }


class KeyPointsBlock(blocks.StructBlock):
    """The few points a learner should remember from a lesson."""

    title = blocks.CharBlock(label=_("Title"), max_length=120, default=_("Key points"))
    points = blocks.ListBlock(blocks.CharBlock(label=_("Point"), max_length=300), label=_("Points"), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "courses/blocks/key_points_block.html"
        label = _("Key points")
        description = _("A short list of what to remember.")
        preview_value = {"title": "Key points", "points": ["Governance comes before tools.", "Publish open data."]}


class LessonEmbedBlock(EmbedBlock):
    """Content from another site (a slide deck, a map) embedded through oEmbed."""

    class Meta:
        icon = "code"
        template = "courses/blocks/embed_block.html"
        label = _("Embed")
        description = _("Content from another site, such as slides or a map.")


class H5PBlock(blocks.StructBlock):
    """An H5P activity played in the lesson; finishing it can complete the lesson."""

    class Completion(models.TextChoices):
        NONE = "none", _("It does not complete the lesson")
        COMPLETED = "completed", _("Completing it completes the lesson")
        PASSED = "passed", _("Passing it completes the lesson")

    activity = SnippetChooserBlock("courses.H5PActivity", label=_("H5P activity"))
    completion = blocks.ChoiceBlock(
        label=_("Lesson completion"), choices=Completion.choices, default=Completion.COMPLETED
    )

    class Meta:
        icon = "pick"
        template = "courses/blocks/h5p_block.html"
        label = _("H5P activity")
        description = _("An interactive exercise uploaded as an .h5p file.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["content_origin"] = settings.PACKAGE_CONTENT_ORIGIN
        return context


class LessonStreamBlock(BodyStreamBlock):
    """A lesson's body: text, image, video with captions and transcript, document, embed, callout, key points,
    H5P activities."""

    embed = LessonEmbedBlock()
    callout = CalloutBlock()
    key_points = KeyPointsBlock()
    h5p = H5PBlock()


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=300)
    correct = blocks.BooleanBlock(label=_("Correct"), required=False)
    feedback = blocks.CharBlock(
        label=_("Feedback"), max_length=500, required=False, help_text=_("Shown after the attempt to whoever chose it.")
    )

    class Meta:
        icon = "radio-full"
        label = _("Answer")


class BaseQuestionBlock(blocks.StructBlock):
    """A question scored on the server; its answers are identified by their block ids, the same in every language."""

    question = blocks.CharBlock(label=_("Question"), max_length=500)
    explanation = blocks.CharBlock(
        label=_("Explanation"), max_length=800, required=False, help_text=_("Shown after the attempt.")
    )
    kind = "single"

    class Meta:
        template = "courses/blocks/question_block.html"


class ChoicesQuestionBlock(BaseQuestionBlock):
    choices = blocks.ListBlock(ChoiceBlock(), label=_("Answers"), min_num=2)

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for choice in value["choices"] if choice["correct"])
        if correct == 0 or (self.kind == "single" and correct != 1):
            message = (
                _("Mark exactly one answer as correct.")
                if self.kind == "single"
                else _("Mark at least one answer as correct.")
            )
            raise blocks.StructBlockValidationError(block_errors={"choices": ValidationError(message)})
        return value


class SingleChoiceQuestionBlock(ChoicesQuestionBlock):
    kind = "single"

    class Meta:
        icon = "radio-full"
        label = _("Single choice")
        description = _("A question with one correct answer.")
        preview_value = {
            "question": "Who hosts the ICT Governance hub?",
            "choices": [
                {"text": "The European Parliament", "correct": True, "feedback": "Right."},
                {"text": "The Parliament of Zambia", "correct": False, "feedback": "Not this one."},
            ],
        }


class MultipleChoiceQuestionBlock(ChoicesQuestionBlock):
    kind = "multiple"

    class Meta:
        icon = "tasks"
        label = _("Multiple choice")
        description = _("A question with one or more correct answers; all must be chosen.")
        preview_value = {
            "question": "Which formats are machine-readable?",
            "choices": [
                {"text": "CSV", "correct": True, "feedback": ""},
                {"text": "JSON", "correct": True, "feedback": ""},
                {"text": "PDF", "correct": False, "feedback": "A PDF is made for people, not programs."},
            ],
        }


class TrueFalseQuestionBlock(BaseQuestionBlock):
    kind = "true_false"
    correct_answer = blocks.BooleanBlock(label=_("The statement is true"), required=False)
    feedback_true = blocks.CharBlock(label=_("Feedback for 'true'"), max_length=500, required=False)
    feedback_false = blocks.CharBlock(label=_("Feedback for 'false'"), max_length=500, required=False)

    class Meta:
        icon = "tick"
        label = _("True or false")
        description = _("A statement the learner judges true or false.")
        preview_value = {"question": "Open data must be machine-readable.", "correct_answer": True}


class QuestionStreamBlock(blocks.StreamBlock):
    single_choice = SingleChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    true_false = TrueFalseQuestionBlock()

    class Meta:
        min_num = 1
