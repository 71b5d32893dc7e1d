"""Checks on uploaded showcase media, in pure Python: type by content, size, duration, WebVTT captions.

Durations are read from the container's header (MP4 ``mvhd`` box, WebM ``Info/Duration`` element), so no
external tool is needed and the file is never decoded.
"""

import math
import struct
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

VIDEO_EXTENSIONS = {".mp4": "mp4", ".m4v": "mp4", ".webm": "webm"}
MP4_CONTAINERS = {b"moov", b"trak", b"mdia"}
EBML_MAGIC = b"\x1a\x45\xdf\xa3"
WEBM_SEGMENT, WEBM_INFO, WEBM_SCALE, WEBM_DURATION = 0x18538067, 0x1549A966, 0x2AD7B1, 0x4489


def max_video_bytes():
    return settings.CONFERENCE_SHOWCASE_MAX_UPLOAD_MB * 1024 * 1024


def max_video_seconds():
    return settings.CONFERENCE_SHOWCASE_MAX_SECONDS


def _mp4_duration(stream, end):
    """Seconds of the MP4 movie header found between the stream's position and ``end``.

    A container box is entered by narrowing ``end`` rather than by recursion, so boxes nested thousands deep
    cost a loop, not the stack.
    """
    while stream.tell() + 8 <= end:
        start = stream.tell()
        size, kind = struct.unpack(">I4s", stream.read(8))
        header = 8
        if size == 1:
            size = struct.unpack(">Q", stream.read(8))[0]
            header = 16
        elif size == 0:
            size = end - start
        if size < header:
            return None
        if kind == b"mvhd":
            version = stream.read(4)[0]
            if version == 1:
                stream.read(16)
                timescale, duration = struct.unpack(">IQ", stream.read(12))
            else:
                stream.read(8)
                timescale, duration = struct.unpack(">II", stream.read(8))
            return duration / timescale if timescale else None
        if kind in MP4_CONTAINERS:
            end = min(end, start + size)
            continue
        stream.seek(start + size)
    return None


def _ebml_number(stream, keep_marker):
    first = stream.read(1)
    if not first:
        raise EOFError
    length = 1
    mask = 0x80
    while length <= 8 and not first[0] & mask:
        mask >>= 1
        length += 1
    if length > 8:
        raise ValueError("bad EBML number")
    value = first[0] if keep_marker else first[0] & (mask - 1)
    for byte in stream.read(length - 1):
        value = (value << 8) | byte
    unknown = not keep_marker and value == (1 << (7 * length)) - 1
    return value, unknown


def _webm_duration(stream, end):
    scale = 1_000_000
    while stream.tell() < end:
        element, _unknown = _ebml_number(stream, keep_marker=True)
        size, unknown = _ebml_number(stream, keep_marker=False)
        body = stream.tell()
        if element == WEBM_SEGMENT:  # entered without recursion, like MP4 containers
            end = end if unknown else min(end, body + size)
            continue
        if element == WEBM_INFO:
            info_end = body + size
            duration = None
            while stream.tell() < info_end:
                child, _ = _ebml_number(stream, keep_marker=True)
                child_size, _ = _ebml_number(stream, keep_marker=False)
                data = stream.read(child_size)
                if child == WEBM_SCALE:
                    scale = int.from_bytes(data, "big")
                elif child == WEBM_DURATION:
                    duration = struct.unpack(">f" if child_size == 4 else ">d", data)[0]
            return duration * scale / 1e9 if duration is not None else None
        if unknown:
            return None
        stream.seek(body + size)
    return None


def sniff_video(uploaded):
    """'mp4' or 'webm' from the file's first bytes, or None."""
    uploaded.seek(0)
    head = uploaded.read(12)
    uploaded.seek(0)
    if head[4:8] == b"ftyp":
        return "mp4"
    if head[:4] == EBML_MAGIC:
        return "webm"
    return None


def video_duration(uploaded, container):
    """Duration in seconds read from the container header, or None when it cannot be read.

    A crafted header may say NaN, infinity, zero or a negative length: none of those is a length.
    """
    uploaded.seek(0, 2)
    end = uploaded.tell()
    uploaded.seek(0)
    try:
        seconds = _mp4_duration(uploaded, end) if container == "mp4" else _webm_duration(uploaded, end)
    except (struct.error, ValueError, EOFError, IndexError, ZeroDivisionError, OverflowError):
        return None
    finally:
        uploaded.seek(0)
    if seconds is None or not math.isfinite(seconds) or seconds <= 0:
        return None
    return seconds


def check_video_upload(uploaded):
    """Validate an uploaded showcase video; returns its duration in whole seconds."""
    extension = Path(uploaded.name).suffix.lower()
    if extension not in VIDEO_EXTENSIONS:
        raise ValidationError(
            _("Upload an MP4 or WebM video (a file ending in .mp4, .m4v or .webm), not '%(extension)s'."),
            params={"extension": extension or uploaded.name},
            code="video_type",
        )
    if uploaded.size > max_video_bytes():
        raise ValidationError(
            _("The video is %(size)s; the limit is %(limit)s. Shorten or compress it, or give a link instead."),
            params={"size": filesizeformat(uploaded.size), "limit": filesizeformat(max_video_bytes())},
            code="video_size",
        )
    container = sniff_video(uploaded)
    if container != VIDEO_EXTENSIONS[extension]:
        raise ValidationError(
            _("This file is not a readable %(type)s video. Export it again as MP4 (H.264) or WebM."),
            params={"type": VIDEO_EXTENSIONS[extension].upper()},
            code="video_content",
        )
    seconds = video_duration(uploaded, container)
    if seconds is None:
        raise ValidationError(
            _("The video's length could not be read. Export it again as MP4 (H.264) or WebM."),
            code="video_duration_unknown",
        )
    check_duration(seconds)
    return round(seconds)


def check_duration(seconds):
    if seconds > max_video_seconds():
        raise ValidationError(
            _("The video lasts %(minutes)d min %(seconds)02d s; showcase videos last at most %(limit)d minutes."),
            params={"minutes": seconds // 60, "seconds": round(seconds) % 60, "limit": max_video_seconds() // 60},
            code="video_too_long",
        )


def validate_webvtt(uploaded):
    """Captions must be a small UTF-8 WebVTT file (it starts with 'WEBVTT')."""
    if Path(uploaded.name).suffix.lower() != ".vtt":
        raise ValidationError(_("Captions must be a WebVTT file ending in .vtt."), code="captions_type")
    if uploaded.size > settings.CONFERENCE_CAPTIONS_MAX_KB * 1024:
        raise ValidationError(
            _("The captions file is too large (limit %(limit)s)."),
            params={"limit": filesizeformat(settings.CONFERENCE_CAPTIONS_MAX_KB * 1024)},
            code="captions_size",
        )
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    if not head.removeprefix(b"\xef\xbb\xbf").startswith(b"WEBVTT"):
        raise ValidationError(
            _("This is not a WebVTT captions file: its first line must be 'WEBVTT'."), code="captions_content"
        )
