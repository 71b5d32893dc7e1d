"""Demo content of the conference app: the virtual World e-Parliament Conference 2021 in English and French.

Idempotent: pages, sessions and videos are found by slug and updated. Sample videos are copied from
``demo/media`` into the media storage, so nothing is fetched from the internet.
"""

import datetime
import zoneinfo
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import Q
from wagtail.models import Locale
from wagtail.rich_text import RichText

from lms.core.demo.builders import publish, upsert_child, upsert_translation
from lms.core.models import HomePage, Parliament

from ..models import (
    ConferenceAxis,
    ConferencePage,
    ConferenceTheme,
    HowToGuidePage,
    Person,
    Session,
    SessionParticipant,
    ShowcasePage,
    VideoEntry,
    VideoLibraryPage,
)
from . import content

MEDIA = Path(__file__).resolve().parent / "media"
ZONE = zoneinfo.ZoneInfo("Europe/Zurich")
LIVE_URL = "https://www.youtube.com/watch?v=WePC2021live"


def _stored(source_name, folder="conference/demo"):
    """The storage name of a local sample file, copied there once."""
    name = f"{folder}/{source_name}"
    if not default_storage.exists(name):
        name = default_storage.save(name, ContentFile((MEDIA / source_name).read_bytes()))
    return name


def _captions(slug, text):
    name = f"conference/demo/{slug}.vtt"
    if not default_storage.exists(name):
        body = f"WEBVTT\n\n00:00.000 --> 00:06.000\n{text}\n\n00:06.000 --> 00:12.000\n{text}\n"
        default_storage.save(name, ContentFile(body.encode()))
    return name


def _body(blocks):
    return [(kind, RichText(value) if kind == "paragraph" else value) for kind, value in blocks]


def _parliaments():
    found = {}
    for slug, (name, country, region, chamber) in content.PARLIAMENTS.items():
        parliament = Parliament.objects.filter(Q(slug=slug) | Q(name=name)).first()
        if parliament is None:
            parliament = Parliament.objects.create(
                slug=slug, name=name, country=country, region=region, chamber=chamber
            )
        found[slug] = parliament
    return found


def _people(parliaments):
    people = {}
    for key, (name, parliament, organisation, position) in content.PEOPLE.items():
        people[key], _created = Person.objects.update_or_create(
            name=name,
            defaults={
                "parliament": parliaments.get(parliament),
                "organisation": organisation,
                "position": position,
            },
        )
    return people


def _coded(page, model, rows, language):
    offset = 0 if language == "en" else 2
    for index, (code, values) in enumerate(rows.items()):
        model.objects.update_or_create(
            page=page,
            code=code,
            defaults={"title": values[offset], "description": values[offset + 1], "sort_order": index},
        )


def _conference(home):
    fields = {
        **content.CONFERENCE["en"],
        "acronym": "WePC2021",
        "start_date": datetime.date(2021, 6, 16),
        "end_date": datetime.date(2021, 6, 18),
        "time_zone": "Europe/Zurich",
        "mode": ConferencePage.Mode.ONLINE,
        "online_url": "https://www.ipu.org/event/world-e-parliament-conference-2021",
        "registration_url": "https://www.ipu.org/event/world-e-parliament-conference-2021",
        "contact_email": "innovation@ipu.org",
        "show_in_menus": True,
    }
    english = upsert_child(home, ConferencePage, "world-e-parliament-conference-2021", **fields)
    _coded(english, ConferenceTheme, content.THEMES, "en")
    _coded(english, ConferenceAxis, content.AXES, "en")
    english = publish(ConferencePage.objects.get(pk=english.pk))
    french = upsert_translation(english, "fr", **content.CONFERENCE["fr"])
    _coded(french, ConferenceTheme, content.THEMES, "fr")
    _coded(french, ConferenceAxis, content.AXES, "fr")
    french = publish(ConferencePage.objects.get(pk=french.pk))
    return english, french


def _at(day, clock):
    hour, minute = map(int, clock.split(":"))
    return datetime.datetime(2021, 6, day, hour, minute, tzinfo=ZONE)


def _sessions(english, french, people):
    sessions = {}
    for row in content.SESSIONS:
        slug, day, start, end, kind, theme, axis, room, moderators, speakers, en_title, en_text, fr_title, fr_text = row
        shared = {
            "kind": kind,
            "start": _at(day, start),
            "end": _at(day, end),
            "room": room,
            "languages": "en",
            "interpretation": "en, fr, es, ar" if kind == "plenary" else "en, fr",
            "live_url": LIVE_URL if kind in ("plenary", "showcase") else "",
        }
        source, _created = Session.objects.update_or_create(
            conference=english,
            slug=slug,
            defaults={
                **shared,
                "locale": english.locale,
                "title": en_title,
                "description": en_text,
                "theme": english.themes.get(code=theme),
                "axis": english.axes.get(code=axis),
            },
        )
        Session.objects.update_or_create(
            conference=french,
            slug=slug,
            defaults={
                **shared,
                "locale": french.locale,
                "translation_key": source.translation_key,
                "title": fr_title,
                "description": fr_text,
                "theme": french.themes.get(code=theme),
                "axis": french.axes.get(code=axis),
            },
        )
        for session in Session.objects.filter(translation_key=source.translation_key):
            session.participants.all().delete()
            roles = [(key, "moderator") for key in moderators] + [(key, "speaker") for key in speakers]
            for order, (key, role) in enumerate(roles):
                SessionParticipant.objects.create(session=session, person=people[key], role=role, sort_order=order)
        sessions[slug] = source
    return sessions


def _videos(english, sessions, parliaments):
    for slug, filename in content.RECORDINGS.items():
        session = sessions[slug]
        VideoEntry.objects.update_or_create(
            slug=f"recording-{slug}",
            defaults={
                "conference": english,
                "kind": VideoEntry.Kind.RECORDING,
                "title": f"Recording: {session.title}",
                "summary": session.description,
                "session": session,
                "theme": session.theme,
                "language": "en",
                "recorded_on": session.start.date(),
                "video_file": _stored(filename),
                "captions": _captions(f"recording-{slug}", session.title),
                "transcript": f"{session.title}.\n\n{session.description}",
                "duration_seconds": 12,
            },
        )
    for slug, filename, parliament, theme, language, plenary, title, summary, caption in content.SHOWCASE_VIDEOS:
        VideoEntry.objects.update_or_create(
            slug=slug,
            defaults={
                "conference": english,
                "kind": VideoEntry.Kind.SHOWCASE,
                "title": title,
                "summary": summary,
                "parliament": parliaments[parliament],
                "theme": english.themes.get(code=theme),
                "language": language,
                "recorded_on": datetime.date(2021, 6, 1),
                "video_file": _stored(filename),
                "captions": _captions(slug, caption),
                "transcript": caption,
                "shown_in_plenary": plenary,
                "duration_seconds": 12,
            },
        )


def _children(english, sessions):
    library = upsert_child(english, VideoLibraryPage, "video-library", **content.LIBRARY["en"])
    upsert_translation(library, "fr", **content.LIBRARY["fr"])
    guidelines = {
        code: {**values, "guidelines": _body(values["guidelines"])} for code, values in content.SHOWCASE.items()
    }
    showcase = upsert_child(english, ShowcasePage, "showcase", **guidelines["en"])
    upsert_translation(showcase, "fr", **guidelines["fr"])
    for slug, session_slug, theme, en, fr in content.GUIDES:

        def fields(text):
            steps = "".join(f"<li>{step}</li>" for step in text["steps"])
            extra = {"slug": text["slug"]} if "slug" in text else {}
            return {
                "title": text["title"],
                "introduction": text["introduction"],
                "body": [("paragraph", RichText(f"<ol>{steps}</ol>"))],
                **extra,
            }

        guide = upsert_child(
            english,
            HowToGuidePage,
            slug,
            session=sessions[session_slug],
            theme=english.themes.get(code=theme),
            **fields(en),
        )
        upsert_translation(guide, "fr", **fields(fr))


def load(stdout):
    """Build the conference, its programme, video library, showcase and how-to guides in English and French."""
    home = HomePage.objects.filter(locale=Locale.get_default(), depth=2).first()
    if home is None:
        stdout.write("conference: no home page; run the core demo first")
        return
    parliaments = _parliaments()
    people = _people(parliaments)
    english, french = _conference(home)
    sessions = _sessions(english, french, people)
    _videos(english, sessions, parliaments)
    _children(english, sessions)
    stdout.write(
        f"conference: {english.title} (en, fr) with {len(sessions)} sessions, "
        f"{VideoEntry.objects.of_conference(english).count()} videos, showcase and how-to guides"
    )
