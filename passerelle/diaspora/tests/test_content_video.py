"""Which video addresses a story may show: direct https files, and allow-listed hosts' pages
turned into their privacy-enhanced players; everything else refused."""

import pytest

from ..video import EMBED, FILE, Video, video_for


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://youtube.com/watch?v=dQw4w9WgXcQ&t=10", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://www.youtube.com/shorts/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"),
        ("https://player.vimeo.com/video/76979871", "https://player.vimeo.com/video/76979871"),
        ("HTTPS://VIMEO.COM/76979871", "https://player.vimeo.com/video/76979871"),
    ],
)  # fmt: skip
def test_allow_listed_hosts_become_privacy_enhanced_players(url, expected):
    assert video_for(url) == Video(EMBED, expected)


def test_a_direct_https_video_file_is_played_as_it_is():
    url = "https://media.example.org/films/return.mp4"
    assert video_for(url) == Video(FILE, url)
    assert video_for("https://media.example.org/a.webm?x=1").kind == FILE


@pytest.mark.parametrize(
    "url",
    [
        "",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(document.cookie)//.mp4",
        "data:video/mp4;base64,AAAA",
        "data:text/html,<script>alert(1)</script>",
        "http://www.youtube.com/watch?v=dQw4w9WgXcQ",  # not https
        "http://media.example.org/film.mp4",  # not https
        "https://youtube.com.evil.org/watch?v=dQw4w9WgXcQ",  # lookalike host
        "https://evil-youtube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com.evil.org/embed/dQw4w9WgXcQ",
        "https://vimeo.com.evil.org/76979871",
        "https://youtube.com@evil.org/watch?v=dQw4w9WgXcQ",  # credentials trick
        "https://user:pass@youtube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ",
        "https://www.dailymotion.com/video/x7tgad0",  # another host
        "https://www.youtube.com/watch?v=<script>",
        'https://www.youtube.com/watch?v=abc"onload=alert(1)',
        "https://www.youtube.com/embed/../../evil",
        "https://www.youtube.com/channel/UC123456",
        "https://vimeo.com/channels/staffpicks",
        "https://vimeo.com/76979871/extra",
        "https://media.example.org/film.mp4.exe",
        "https://media.example.org/page.html",
        "//www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://[::1",  # unparsable
    ],
)
def test_everything_else_is_refused(url):
    assert video_for(url) is None
