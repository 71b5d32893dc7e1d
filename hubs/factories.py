"""Factories for the hubs app; page factories add each page under the parent they are given."""

import factory

from lms.core.factories import PageFactory, ParliamentFactory

from .models import (
    CentrePage,
    HubIndexPage,
    HubKind,
    HubMembership,
    HubPage,
    NewsIndexPage,
    NewsPage,
    OpenDataCataloguePage,
    OpenDataPortal,
    ParliamentDirectoryPage,
    Partner,
)


class CentrePageFactory(PageFactory):
    title = "Centre for Innovation in Parliament"
    slug = "centre"

    class Meta:
        model = CentrePage


class HubIndexPageFactory(PageFactory):
    title = "Hubs"
    slug = "hubs"

    class Meta:
        model = HubIndexPage


class HubPageFactory(PageFactory):
    kind = HubKind.THEMATIC
    host = factory.SubFactory(ParliamentFactory)
    introduction = "A hub of the Centre."
    who_may_join = "Any parliament"

    class Meta:
        model = HubPage


class HubMembershipFactory(factory.django.DjangoModelFactory):
    parliament = factory.SubFactory(ParliamentFactory)

    class Meta:
        model = HubMembership


class NewsIndexPageFactory(PageFactory):
    title = "News"
    slug = "news"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(PageFactory):
    introduction = "Something happened."

    class Meta:
        model = NewsPage


class ParliamentDirectoryPageFactory(PageFactory):
    title = "Parliaments"
    slug = "parliaments"

    class Meta:
        model = ParliamentDirectoryPage


class OpenDataCataloguePageFactory(PageFactory):
    title = "Open-data catalogue"
    slug = "open-data"

    class Meta:
        model = OpenDataCataloguePage


class OpenDataPortalFactory(factory.django.DjangoModelFactory):
    parliament = factory.SubFactory(ParliamentFactory, open_data_url="https://data.example.org/")
    licence = "CC BY 4.0"

    class Meta:
        model = OpenDataPortal


class PartnerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Partner {n}")
    level = Partner.Level.CORE

    class Meta:
        model = Partner
