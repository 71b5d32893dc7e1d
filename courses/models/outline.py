"""A course's outline: its lessons and quizzes in order, grouped by module, as one learner sees them."""

from dataclasses import dataclass, field

from wagtail.models import Page


@dataclass
class OutlineItem:
    """A lesson or quiz in a course's outline, with the learner's state."""

    page: Page
    module: Page | None
    completed: bool = False
    started: bool = False

    @property
    def is_quiz(self):
        return self.page.is_quiz


@dataclass
class Outline:
    """The lessons and quizzes of a course in order, grouped by module, as one learner sees them."""

    items: list[OutlineItem] = field(default_factory=list)

    def modules(self):
        """[(module or None, [items])] in course order."""
        groups = []
        for item in self.items:
            if not groups or groups[-1][0] != item.module:
                groups.append((item.module, []))
            groups[-1][1].append(item)
        return groups

    def neighbours(self, page):
        keys = [item.page.translation_key for item in self.items]
        try:
            index_ = keys.index(page.translation_key)
        except ValueError:
            return None, None
        previous = self.items[index_ - 1].page if index_ > 0 else None
        following = self.items[index_ + 1].page if index_ + 1 < len(self.items) else None
        return previous, following
