"""Where migration 0001 finds ``CourseContentMixin``, a base of three page types; the pages live beside this."""

from .items import CourseContentMixin

__all__ = ["CourseContentMixin"]
