"""Factories for the conference app: a conference page with themes and axes, sessions, people, videos."""

import datetime
import zoneinfo

import factory

from lms.core.factories import PageFactory, ParliamentFactory

from .models import (
    ConferenceAxis,
    ConferencePage,
    ConferenceTheme,
    Person,
    Session,
    SessionParticipant,
    ShowcasePage,
    VideoEntry,
    VideoLibraryPage,
)

GENEVA = zoneinfo.ZoneInfo("Europe/Zurich")


class ConferencePageFactory(PageFactory):
    title = "World e-Parliament Conference 2021"
    slug = factory.Sequence(lambda n: f"conference-{n}")
    edition = "2021"
    acronym = "WeP2021"
    start_date = datetime.date(2021, 6, 16)
    end_date = datetime.date(2021, 6, 18)
    time_zone = "Europe/Zurich"
    time_zone_city = "Geneva"
    mode = ConferencePage.Mode.ONLINE
    venue = "Online"
    online_url = "https://www.ipu.org/wepc2021"
    introduction = "Parliaments share how they innovate."

    class Meta:
        model = ConferencePage
        skip_postgeneration_save = True

    @factory.post_generation
    def with_themes(page, create, extracted, **kwargs):
        if create and extracted is not False:
            for index, code in enumerate("abcde"):
                ConferenceTheme.objects.create(page=page, code=code, title=f"Theme {code}", sort_order=index)
            for index, code in enumerate("123"):
                ConferenceAxis.objects.create(page=page, code=code, title=f"Axis {code}", sort_order=index)


class VideoLibraryPageFactory(PageFactory):
    title = "Video library"
    slug = "videos"

    class Meta:
        model = VideoLibraryPage


class ShowcasePageFactory(PageFactory):
    title = "Parliaments' showcase"
    slug = "showcase"

    class Meta:
        model = ShowcasePage


class PersonFactory(factory.django.DjangoModelFactory):
    name = factory.Faker("name")
    parliament = factory.SubFactory(ParliamentFactory)
    position = "Secretary General"

    class Meta:
        model = Person


def geneva(day, hour, minute=0):
    """An aware datetime in Geneva on ``day`` June 2021."""
    return datetime.datetime(2021, 6, day, hour, minute, tzinfo=GENEVA)


class SessionFactory(factory.django.DjangoModelFactory):
    conference = factory.SubFactory(ConferencePageFactory)
    title = factory.Sequence(lambda n: f"Session {n}")
    kind = Session.Kind.PLENARY
    start = factory.LazyFunction(lambda: geneva(16, 14))
    end = factory.LazyAttribute(lambda session: session.start + datetime.timedelta(hours=1))
    room = "Plenary"
    description = "What parliaments learnt."
    languages = "en"
    interpretation = "en, fr, es, ar"
    live_url = "https://www.youtube.com/watch?v=abcdefghijk"
    locale = factory.LazyAttribute(lambda session: session.conference.locale)

    class Meta:
        model = Session
        skip_postgeneration_save = True

    @factory.post_generation
    def speakers(session, create, extracted, **kwargs):
        if create and extracted:
            for person in extracted:
                SessionParticipant.objects.create(session=session, person=person)


class VideoEntryFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Video {n}")
    kind = VideoEntry.Kind.RECORDING
    recorded_on = datetime.date(2021, 6, 16)
    video_url = "https://www.youtube.com/watch?v=abcdefghijk"
    language = "en"

    class Meta:
        model = VideoEntry
