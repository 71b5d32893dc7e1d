"""Showcase submissions: validation of uploads and links, moderation by administrators only, emails,
and an accepted submission landing in the video library."""

import struct
import time
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from conference import services
from conference.models import ShowcaseStatusChange, ShowcaseSubmission, VideoEntry
from conference.tasks import send_showcase_status_email
from lms.accounts.factories import UserFactory
from lms.core.factories import ParliamentFactory

pytestmark = pytest.mark.django_db

DEMO_MEDIA = Path(__file__).resolve().parents[2] / "conference" / "demo" / "media"
CAPTIONS = b"WEBVTT\n\n00:00.000 --> 00:04.000\nThe Chamber votes online.\n"


def mp4_header(seconds, timescale=1000):
    """The first boxes of an MP4 file whose movie header says it lasts ``seconds``."""
    mvhd_body = struct.pack(">B3xIIII", 0, 0, 0, timescale, seconds * timescale) + bytes(80)
    mvhd = struct.pack(">I4s", 8 + len(mvhd_body), b"mvhd") + mvhd_body
    moov = struct.pack(">I4s", 8 + len(mvhd), b"moov") + mvhd
    ftyp = struct.pack(">I4s4sI4s", 20, b"ftyp", b"isom", 512, b"isom")
    return ftyp + moov


def ebml(element_id, body):
    """One EBML element: its id, its size as an 8-byte number, then its body."""
    return element_id + b"\x01" + len(body).to_bytes(7, "big") + body


def webm_header(seconds):
    """A WebM file whose Info says it lasts ``seconds`` (a float, so NaN and infinities too), in milliseconds."""
    milliseconds = struct.pack(">d", seconds * 1000)
    info = ebml(b"\x2a\xd7\xb1", (1_000_000).to_bytes(3, "big")) + ebml(b"\x44\x89", milliseconds)
    return ebml(b"\x1a\x45\xdf\xa3", b"\x42\x82\x84webm") + ebml(b"\x18\x53\x80\x67", ebml(b"\x15\x49\xa9\x66", info))


def nested_mp4(depth=3000):
    """An MP4 file with ``moov`` boxes nested ``depth`` deep around its movie header."""
    box = mp4_header(60)[20:]
    for _ in range(depth):
        box = struct.pack(">I4s", 8 + len(box), b"moov") + box
    return mp4_header(60)[:20] + box


def nested_webm(depth=3000):
    """A WebM file with Segments nested ``depth`` deep."""
    segment = webm_header(60.0)[len(ebml(b"\x1a\x45\xdf\xa3", b"\x42\x82\x84webm")) :]
    for _ in range(depth):
        segment = ebml(b"\x18\x53\x80\x67", segment)
    return ebml(b"\x1a\x45\xdf\xa3", b"\x42\x82\x84webm") + segment


@pytest.mark.parametrize(
    ("name", "content", "seconds"),
    [
        ("nan.webm", webm_header(float("nan")), None),
        ("infinite.webm", webm_header(float("inf")), None),
        ("negative.webm", webm_header(-30.0), None),
        ("zero.webm", webm_header(0.0), None),
        ("nested.mp4", nested_mp4(), 60),
        ("nested.webm", nested_webm(), 60),
        ("fine.webm", webm_header(90.0), 90),
    ],
)
def test_crafted_headers_give_a_length_or_none_never_an_exception(name, content, seconds):
    from conference.media_checks import sniff_video, video_duration

    upload = SimpleUploadedFile(name, content)
    duration = video_duration(upload, sniff_video(upload))
    assert (round(duration) if duration is not None else None) == seconds


@pytest.mark.parametrize(
    "content", [webm_header(float("nan")), webm_header(float("-inf")), webm_header(-30.0)], ids=["nan", "-inf", "neg"]
)
def test_a_webm_with_an_impossible_length_gets_a_form_error(
    client, participant, conference, parliament, submit_url, content
):
    client.force_login(participant)
    upload = SimpleUploadedFile("crafted.webm", content, content_type="video/webm")
    response = client.post(submit_url, form_data(conference, parliament, video_file=upload))
    assert response.status_code == 400
    assert "length could not be read" in response.content.decode()
    assert not ShowcaseSubmission.objects.exists()


def test_deeply_nested_boxes_are_read_not_a_crash(client, participant, conference, parliament, submit_url):
    client.force_login(participant)
    upload = SimpleUploadedFile("nested.mp4", nested_mp4(3000), content_type="video/mp4")
    response = client.post(submit_url, form_data(conference, parliament, video_file=upload))
    assert response.status_code == 302
    assert ShowcaseSubmission.objects.get().duration_seconds == 60


def deliver_emails():
    """Run, in this process, the email task of every step not notified yet (with Redis configured, the
    captured on-commit callbacks would only queue it for a worker)."""
    for change in ShowcaseStatusChange.objects.filter(notified_at__isnull=True).order_by("pk"):
        send_showcase_status_email.apply(args=[change.pk])


def demo_upload(name="zambia-e-petitions.mp4"):
    return SimpleUploadedFile(name, (DEMO_MEDIA / name).read_bytes(), content_type="video/mp4")


@pytest.fixture
def participant():
    return UserFactory(email="clerk@parliament.example")


@pytest.fixture
def admin_user():
    return UserFactory(email="admin@ipu.example", is_staff=True, is_superuser=True)


@pytest.fixture
def parliament():
    return ParliamentFactory(name="National Assembly of Zambia", country="ZM", region="africa")


@pytest.fixture
def submit_url(showcase_page):
    return showcase_page.url + "submit/"


def form_data(conference, parliament, **overrides):
    data = {
        "title": "E-petitions in Zambia",
        "parliament": parliament.pk,
        "theme": conference.themes.get(code="d").pk,
        "summary": "How citizens petition the National Assembly online.",
        "language": "en",
        "video_url": "",
        "duration_minutes": "",
        "consent_publish": "on",
        "rights_confirmed": "on",
    }
    data.update(overrides)
    return data


def test_login_required(client, submit_url):
    response = client.get(submit_url)
    assert response.status_code == 302
    assert "/account/login/" in response["Location"]


def test_participant_uploads_a_video(
    client, participant, conference, parliament, submit_url, django_capture_on_commit_callbacks
):
    client.force_login(participant)
    data = form_data(conference, parliament, video_file=demo_upload())
    data["captions"] = SimpleUploadedFile("captions.vtt", CAPTIONS, content_type="text/vtt")
    with django_capture_on_commit_callbacks() as callbacks:
        response = client.post(submit_url, data)
    assert len(callbacks) == 1  # the acknowledgement is queued once the submission is committed
    deliver_emails()
    assert response.status_code == 302
    submission = ShowcaseSubmission.objects.get()
    assert submission.status == ShowcaseSubmission.Status.SUBMITTED
    assert submission.duration_seconds == 12
    assert submission.submitter == participant
    assert submission.captions.name.endswith(".vtt")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [participant.email]
    assert "E-petitions in Zambia" in mail.outbox[0].subject
    mine = client.get(response["Location"]).content.decode()
    assert "E-petitions in Zambia" in mine and "Submitted" in mine


def test_participant_gives_a_link(client, participant, conference, parliament, submit_url):
    client.force_login(participant)
    data = form_data(conference, parliament, video_url="https://youtu.be/abcdefghijk", duration_minutes="4")
    assert client.post(submit_url, data).status_code == 302
    assert ShowcaseSubmission.objects.get().duration_seconds == 240


def test_a_link_typed_without_its_scheme_is_taken_as_https(client, participant, conference, parliament, submit_url):
    client.force_login(participant)
    data = form_data(conference, parliament, video_url="youtu.be/abcdefghijk", duration_minutes="4")
    assert client.post(submit_url, data).status_code == 302
    assert ShowcaseSubmission.objects.get().video_url.startswith("https://")


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"video_file": SimpleUploadedFile("talk.avi", b"RIFF....AVI ", content_type="video/x-msvideo")},
            "Upload an MP4 or WebM",
        ),
        (
            {"video_file": SimpleUploadedFile("fake.mp4", b"<html>not a video</html>", content_type="video/mp4")},
            "not a readable MP4",
        ),
        (
            {"video_file": SimpleUploadedFile("long.mp4", mp4_header(600), content_type="video/mp4")},
            "lasts 10 min 00 s",
        ),
        ({"video_url": "https://example.org/video.mp4", "duration_minutes": "3"}, "YouTube or Vimeo"),
        ({"video_url": "https://youtu.be/abcdefghijk", "duration_minutes": "12"}, "at most 5 minutes"),
        ({"video_url": "https://youtu.be/abcdefghijk"}, "Say how long"),
        ({}, "either a link to the video or upload the file"),
        ({"consent_publish": ""}, "This field is required"),
    ],
)
def test_bad_submissions_are_refused_clearly(
    client, participant, conference, parliament, submit_url, overrides, message
):
    client.force_login(participant)
    response = client.post(submit_url, form_data(conference, parliament, **overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ShowcaseSubmission.objects.exists()


def test_oversized_upload_refused(client, participant, conference, parliament, submit_url, settings):
    settings.CONFERENCE_SHOWCASE_MAX_UPLOAD_MB = 0
    client.force_login(participant)
    response = client.post(submit_url, form_data(conference, parliament, video_file=demo_upload()))
    assert response.status_code == 400
    assert "the limit is" in response.content.decode()


def test_captions_must_be_webvtt(client, participant, conference, parliament, submit_url):
    client.force_login(participant)
    data = form_data(conference, parliament, video_file=demo_upload())
    data["captions"] = SimpleUploadedFile("captions.vtt", b"1\n00:00:00,000 --> 00:00:02,000\nHi\n")
    response = client.post(submit_url, data)
    assert response.status_code == 400
    assert "first line must be" in response.content.decode()


@pytest.fixture
def submission(client, participant, conference, parliament, submit_url):
    client.force_login(participant)
    client.post(submit_url, form_data(conference, parliament, video_file=demo_upload()))
    client.logout()
    deliver_emails()
    mail.outbox.clear()
    return ShowcaseSubmission.objects.get()


def test_only_administrators_moderate(submission, participant):
    host = UserFactory(is_staff=True)
    host.groups.add(Group.objects.get_or_create(name="Editors")[0])
    for user in (participant, host):
        with pytest.raises(PermissionDenied):
            services.change_status(submission, ShowcaseSubmission.Status.ACCEPTED, user)
    moderators = Group.objects.create(name="Conference moderators")
    moderators.permissions.add(Permission.objects.get(codename="change_showcasesubmission"))
    host.groups.add(moderators)
    host = type(host).objects.get(pk=host.pk)  # drop the permission cache
    services.change_status(submission, ShowcaseSubmission.Status.UNDER_REVIEW, host)
    assert ShowcaseSubmission.objects.get().status == "under_review"


def test_admin_screens_are_for_administrators(client, submission, admin_user):
    host = UserFactory(is_staff=True)
    host.user_permissions.add(Permission.objects.get(codename="access_admin"))
    url = f"/admin/snippets/conference/showcasesubmission/edit/{submission.pk}/"
    client.force_login(host)
    assert client.get(url).status_code in (302, 403)
    client.force_login(admin_user)
    assert client.get(url).status_code == 200
    assert client.get("/admin/snippets/conference/showcasesubmission/add/").status_code in (302, 403)


def test_moderation_steps_email_the_submitter_and_fill_the_library(
    submission, admin_user, participant, django_capture_on_commit_callbacks
):
    Status = ShowcaseSubmission.Status
    with django_capture_on_commit_callbacks():
        services.change_status(submission, Status.UNDER_REVIEW, admin_user)
    deliver_emails()
    with pytest.raises(ValidationError, match="cannot go from"):
        services.change_status(submission, Status.SELECTED, admin_user)
    with django_capture_on_commit_callbacks():
        services.change_status(submission, Status.ACCEPTED, admin_user, note="Lovely work.")
    deliver_emails()
    video = VideoEntry.objects.get(submission=submission)
    assert video.published and not video.shown_in_plenary
    assert (video.title, video.parliament, video.theme, video.duration_seconds) == (
        submission.title,
        submission.parliament,
        submission.theme,
        12,
    )
    assert video.video_file.name == submission.video_file.name
    with django_capture_on_commit_callbacks():
        services.change_status(submission, Status.SELECTED, admin_user)
    deliver_emails()
    video.refresh_from_db()
    assert video.shown_in_plenary
    assert VideoEntry.objects.count() == 1
    subjects = [message.subject for message in mail.outbox]
    assert len(subjects) == 3
    assert all(message.to == [participant.email] for message in mail.outbox)
    assert "Lovely work." in mail.outbox[1].body
    assert "Selected for plenary" in subjects[2]


def test_admin_edit_form_moves_the_status(client, submission, admin_user, library, django_capture_on_commit_callbacks):
    client.force_login(admin_user)
    url = f"/admin/snippets/conference/showcasesubmission/edit/{submission.pk}/"
    with django_capture_on_commit_callbacks():
        response = client.post(url, {"status": "accepted", "moderator_note": "Welcome to the library."})
    deliver_emails()
    assert response.status_code == 302, response.content.decode()[:2000]
    submission.refresh_from_db()
    assert submission.status == "accepted"
    video = VideoEntry.objects.get(submission=submission)
    assert client.get(library.url).content.decode().count(video.title) >= 1
    assert "Welcome to the library." in mail.outbox[-1].body


@pytest.mark.broker
def test_status_email_sent_by_a_real_worker(celery_worker, home):
    from conference.factories import ConferencePageFactory

    conference = ConferencePageFactory(parent=home, slug="wepc-broker")
    submission = ShowcaseSubmission.objects.create(
        conference=conference,
        submitter=UserFactory(),
        title="Broker video",
        parliament=ParliamentFactory(),
        theme=conference.themes.first(),
        summary="Sent through Redis.",
        language="en",
        video_url="https://youtu.be/abcdefghijk",
        duration_seconds=60,
    )
    services.change_status(submission, ShowcaseSubmission.Status.UNDER_REVIEW, UserFactory(is_superuser=True))
    change = ShowcaseStatusChange.objects.get(submission=submission)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        change.refresh_from_db()
        if change.notified_at:
            break
        time.sleep(0.3)
    assert change.notified_at is not None


def test_a_title_with_line_breaks_is_still_emailed_on_one_subject_line(
    client, participant, conference, parliament, submit_url, admin_user, django_capture_on_commit_callbacks
):
    client.force_login(participant)
    title = "E-petitions\r\nBcc: everyone@example.org\u2028in Zambia"
    assert (
        client.post(submit_url, form_data(conference, parliament, title=title, video_file=demo_upload())).status_code
        == 302
    )
    submission = ShowcaseSubmission.objects.get()
    deliver_emails()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks():
        services.change_status(submission, ShowcaseSubmission.Status.UNDER_REVIEW, admin_user)
    deliver_emails()
    [message] = mail.outbox
    assert "E-petitions Bcc: everyone@example.org in Zambia" in message.subject
    assert message.bcc == [] and "\nBcc:" not in message.message().as_string().split("\n\n", 1)[0]
