"""A course's outline: its lessons and quizzes in order, grouped by module, as one learner sees them."""

from dataclasses import dataclass, field

from wagtail.models import Page


@dataclass
class OutlineItem:
    """A lesson, a quiz or one unit of a package lesson in a course's outline, with the learner's state."""

    page: Page
    module: Page | None
    completed: bool = False
    started: bool = False
    package_item: object = None  # a PackageItem when the entry is one unit of a package lesson

    @property
    def is_quiz(self):
        return self.page.is_quiz

    @property
    def key(self):
        """What progress is keyed on: the page's translation key, or the package unit's stable key."""
        return self.package_item.item_key if self.package_item else self.page.translation_key

    @property
    def title(self):
        return self.package_item.title if self.package_item else self.page.title


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
        """The pages before and after ``page`` (a package lesson's units count as one page)."""
        keys = [item.page.translation_key for item in self.items]
        if page.translation_key not in keys:
            return None, None
        first = keys.index(page.translation_key)
        last = len(keys) - 1 - keys[::-1].index(page.translation_key)
        previous = self.items[first - 1].page if first > 0 else None
        following = self.items[last + 1].page if last + 1 < len(self.items) else None
        return previous, following
