"""Factories for core models; page factories add each page under the parent they are given."""

import factory
from django.utils.text import slugify
from wagtail.models import Page

from .models import DataFormat, HomePage, Parliament, StandardPage


class PageFactory(factory.django.DjangoModelFactory):
    """Builds a page under ``parent`` (the tree's root node when not given)."""

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        page = model_class(*args, **kwargs)
        (parent or Page.get_first_root_node()).add_child(instance=page)
        return page


class HomePageFactory(PageFactory):
    title = "Home"
    slug = factory.Sequence(lambda n: f"home-{n}")

    class Meta:
        model = HomePage


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage


class DataFormatFactory(factory.django.DjangoModelFactory):
    code = factory.Sequence(lambda n: f"format-{n}")
    name = factory.LazyAttribute(lambda data_format: data_format.code.upper())

    class Meta:
        model = DataFormat
        django_get_or_create = ["code"]


class ParliamentFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Parliament {n}")
    slug = factory.LazyAttribute(lambda parliament: slugify(parliament.name))
    country = "PT"
    region = Parliament.Region.EUROPE

    class Meta:
        model = Parliament
