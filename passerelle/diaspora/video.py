"""Which video addresses a story may show, and how: a direct https link to a video file is played
in a <video> element; a page of an allow-listed host (settings.DIASPORA["VIDEO_HOSTS"]) becomes
that host's privacy-enhanced player address for an <iframe>. Anything else is refused, so that no
third-party script and no `javascript:` or `data:` address ever reaches a page."""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.conf import settings

FILE, EMBED = "file", "embed"

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")
VIMEO_ID = re.compile(r"^[0-9]{4,15}$")
YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "youtu.be", "www.youtube-nocookie.com"}
VIMEO_HOSTS = {"vimeo.com", "player.vimeo.com"}


@dataclass(frozen=True)
class Video:
    kind: str  # FILE or EMBED
    src: str  # the file's address, or the player's address for the iframe


def video_for(url: str) -> Video | None:
    """The way to show `url`, or None when it is neither an https video file nor a page of an
    allow-listed host. Hosts are compared exactly: youtube.com.evil.org is not youtube.com."""
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return None
    if parts.scheme != "https" or not parts.hostname or parts.username or parts.password:
        return None
    if parts.port not in (None, 443):
        return None
    host = parts.hostname.lower()
    if host in _allowed_hosts():
        player = _youtube(host, parts) or _vimeo(host, parts)
        return Video(EMBED, player) if player else None
    if parts.path.lower().endswith(tuple(settings.DIASPORA["VIDEO_FILE_EXTENSIONS"])):
        return Video(FILE, parts.geturl())
    return None


def _allowed_hosts() -> set[str]:
    return {host.lower() for host in settings.DIASPORA["VIDEO_HOSTS"]}


def _youtube(host: str, parts) -> str | None:
    if host not in YOUTUBE_HOSTS:
        return None
    segments = [s for s in parts.path.split("/") if s]
    if host == "youtu.be":
        candidate = segments[0] if len(segments) == 1 else ""
    elif segments[:1] == ["watch"] and len(segments) == 1:
        candidate = (parse_qs(parts.query).get("v") or [""])[0]
    elif len(segments) == 2 and segments[0] in ("embed", "shorts", "live"):
        candidate = segments[1]
    else:
        candidate = ""
    if not YOUTUBE_ID.match(candidate):
        return None
    return f"https://www.youtube-nocookie.com/embed/{candidate}"


def _vimeo(host: str, parts) -> str | None:
    if host not in VIMEO_HOSTS:
        return None
    segments = [s for s in parts.path.split("/") if s]
    if host == "player.vimeo.com":
        candidate = segments[1] if len(segments) == 2 and segments[0] == "video" else ""
    else:
        candidate = segments[0] if len(segments) == 1 else ""
    if not VIMEO_ID.match(candidate):
        return None
    return f"https://player.vimeo.com/video/{candidate}"
