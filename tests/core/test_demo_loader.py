"""The demo loader's reading of data files: clear errors for a bad file, stable block ids, translations that
must have the shape of the source."""

import pytest

from courses.blocks import QuestionStreamBlock
from lms.core.demo.loader import read, stream_data
from lms.core.demo.translation import DemoDataError, merged


def test_a_file_that_is_not_yaml_or_not_a_mapping_is_refused_with_its_name(tmp_path):
    broken = tmp_path / "es.yaml"
    broken.write_text("pages: [", encoding="utf-8")
    with pytest.raises(DemoDataError, match=r"es\.yaml: not valid YAML"):
        read(broken)
    broken.write_text("- a list\n", encoding="utf-8")
    with pytest.raises(DemoDataError, match="expected a mapping"):
        read(broken)
    assert read(tmp_path / "missing.yaml") == {}


def test_a_translation_keeps_the_shape_of_the_source():
    source = {"title": "Key points", "level": "h2", "points": ["One", "Two"], "weight": 3}
    assert merged(source, {"title": "Puntos clave", "points": ["Uno", "Dos"]}, "es.yaml") == {
        "title": "Puntos clave",
        "level": "h2",
        "points": ["Uno", "Dos"],
        "weight": 3,
    }
    assert merged(source, None, "es.yaml") == source  # left out: stays in the default language
    with pytest.raises(DemoDataError, match="expected a list of 2 items"):
        merged(source, {"points": ["Uno"]}, "es.yaml: body")
    with pytest.raises(DemoDataError, match="expected the keys"):
        merged(source, {"titel": "Puntos clave"}, "es.yaml: body")
    with pytest.raises(DemoDataError, match="expected a text"):
        merged(source, {"title": ["Puntos"]}, "es.yaml: body")


def test_block_ids_come_from_the_page_and_the_place_of_the_block():
    questions = [
        {"true_false": {"question": "Governance comes first.", "correct_answer": True}},
        {"single_choice": {"question": "Who owns it?", "choices": [{"text": "The table office", "correct": True}]}},
    ]
    first = stream_data(QuestionStreamBlock(), questions, "home/courses/quiz/questions")
    assert first == stream_data(QuestionStreamBlock(), questions, "home/courses/quiz/questions")
    assert first != stream_data(QuestionStreamBlock(), questions, "home/other/quiz/questions")
    choice = first[1]["value"]["choices"][0]
    assert choice["type"] == "item" and choice["id"] and choice["value"]["text"] == "The table office"
    with pytest.raises(DemoDataError, match="unknown block type 'essay'"):
        stream_data(QuestionStreamBlock(), [{"essay": {}}], "home/courses/quiz/questions")
