"""The course report chart's y-axis: whole, round numbers whatever the counts (never 0, 1, 2, 3, 5)."""

import pytest

from courses.reports.charts import Series, integer_ticks, line_chart


@pytest.mark.parametrize(
    ("top", "ticks"),
    [
        (0, [0, 1]),
        (3, [0, 1, 2, 3]),
        (5, [0, 1, 2, 3, 4, 5]),
        (6, [0, 2, 4, 6]),
        (12, [0, 5, 10, 15]),
        (250, [0, 50, 100, 150, 200, 250]),
        (1001, [0, 500, 1000, 1500]),
    ],
)
def test_ticks_are_whole_round_and_cover_the_top(top, ticks):
    assert integer_ticks(top) == ticks


def test_the_chart_labels_each_tick_with_its_own_value():
    chart = line_chart(["a", "b", "c"], [Series(label="x", css_class="x", values=[0, 3, 5])])
    labels = [label for _y, label in chart.y_ticks]
    assert labels == [0, 1, 2, 3, 4, 5]
    heights = [y for y, _label in chart.y_ticks]
    assert heights == sorted(heights, reverse=True) and len(set(heights)) == len(heights)
