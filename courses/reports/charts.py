"""A small server-drawn SVG line chart of enrolments and completions over time: no JavaScript, no library.

The chart is decorative for screen readers (the page shows the same numbers in a table), and it is labelled
so that the figure's purpose is still announced.
"""

import math
from dataclasses import dataclass

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 40


@dataclass
class Series:
    label: str
    css_class: str
    values: list
    points: str = ""


@dataclass
class Chart:
    width: int
    height: int
    series: list
    y_ticks: list  # [(y, label)]
    x_labels: list  # [(x, label)]
    baseline: int
    left: int
    right_edge: int


def integer_ticks(value, most=5):
    """Whole-number ticks from 0 past ``value``, at a round step (1, 2 or 5 times a power of ten), at most
    ``most`` steps: counts of learners never get a tick at 1.25."""
    value = max(math.ceil(value), 1)
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * magnitude
            if math.ceil(value / step) <= most:
                return list(range(0, step * math.ceil(value / step) + 1, step))
        magnitude *= 10


def line_chart(labels, series):
    """Lay out ``series`` ([Series]) over the x ``labels``; returns a Chart the template draws."""
    count = len(labels)
    ticks = integer_ticks(max((max(s.values, default=0) for s in series), default=0))
    top_value = ticks[-1]
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(index):
        return LEFT + (plot_width * index / (count - 1) if count > 1 else plot_width / 2)

    def y(value):
        return TOP + plot_height - plot_height * value / top_value

    for item in series:
        item.points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(item.values))
    every = max(1, count // 8)
    x_labels = [(round(x(i), 1), label) for i, label in enumerate(labels) if i % every == 0]
    y_ticks = [(round(y(tick), 1), tick) for tick in ticks]
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        series=series,
        y_ticks=y_ticks,
        x_labels=x_labels,
        baseline=TOP + plot_height,
        left=LEFT,
        right_edge=WIDTH - RIGHT,
    )
