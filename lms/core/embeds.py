"""Privacy-friendly video embeds built without calling the provider (no oEmbed request).

A page shows a poster and a link; the player's iframe is only inserted when the reader asks for it,
so no request reaches the provider before that click.
"""

import re
from urllib.parse import parse_qs, urlencode, urlparse

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")


def _youtube_id(parsed):
    if parsed.hostname == "youtu.be":
        candidate = parsed.path.lstrip("/").split("/")[0]
    elif parsed.path == "/watch":
        candidate = parse_qs(parsed.query).get("v", [""])[0]
    else:
        parts = [part for part in parsed.path.split("/") if part]
        candidate = parts[1] if len(parts) >= 2 and parts[0] in {"embed", "shorts", "live"} else ""
    return candidate if VIDEO_ID.match(candidate) else None


def privacy_embed_url(url, language=""):
    """The iframe address for a YouTube or Vimeo link, on the provider's no-tracking host.

    Captions are switched on, in ``language`` where the provider has them, and the player answers the page's
    messages (YouTube's ``enablejsapi``; ``static/js/video.js`` adds the page's ``origin`` when it inserts the
    player), so a lesson can tell when the video ended. Returns ``None`` for any other address, which the
    template then shows as a plain link.
    """
    parsed = urlparse(url or "")
    host = (parsed.hostname or "").lower()
    if host in YOUTUBE_HOSTS or host == "youtu.be":
        video_id = _youtube_id(parsed)
        if not video_id:
            return None
        params = {"autoplay": 1, "cc_load_policy": 1, "rel": 0, "enablejsapi": 1}
        if language:
            params.update(cc_lang_pref=language, hl=language)
        return f"https://www.youtube-nocookie.com/embed/{video_id}?{urlencode(params)}"
    if host in VIMEO_HOSTS:
        digits = [part for part in parsed.path.split("/") if part.isdigit()]
        if not digits:
            return None
        params = {"autoplay": 1, "dnt": 1}
        if language:
            params["texttrack"] = language
        return f"https://player.vimeo.com/video/{digits[-1]}?{urlencode(params)}"
    return None
