"""A small server-drawn SVG line chart of enrolments and completions over time: no JavaScript, no library.

The chart is decorative for screen readers (the page shows the same numbers in a table), and it is labelled
so that the figure's purpose is still announced.
"""

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


def _nice_max(value):
    if value <= 5:
        return 5
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        top = step * magnitude
        if top >= value:
            return int(top)
    return int(10 * magnitude)


def line_chart(labels, series):
    """Lay out ``series`` ([Series]) over the x ``labels``; returns a Chart the template draws."""
    count = len(labels)
    top_value = _nice_max(max((max(s.values, default=0) for s in series), default=0))
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(index):
        return LEFT + (plot_width * index / (count - 1) if count > 1 else plot_width / 2)

    def y(value):
        return TOP + plot_height - plot_height * value / top_value

    for item in series:
        item.points = " ".join(f"{x(i):.1f},{y(v):.1f}" for i, v in enumerate(item.values))
    every = max(1, count // 8)
    x_labels = [(round(x(i), 1), label) for i, label in enumerate(labels) if i % every == 0]
    y_ticks = [(round(y(top_value * step / 4), 1), int(top_value * step / 4)) for step in range(5)]
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
