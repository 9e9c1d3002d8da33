"""Comments are written in Markdown and shown as sanitised HTML.

Raw HTML in a comment is not interpreted: Markdown escapes it, so `<script>` shows as the text the
author typed (stored as written, executed never). nh3 then keeps only a small set of tags, and
links get rel="nofollow ugc". Images are shown as links: the content security policy serves
images from our own origin only, and a remote image would be a tracking pixel.
"""

import html
import re
from dataclasses import dataclass

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_CLASSES = {"a": {"mention"}}
URL_SCHEMES = {"http", "https", "mailto"}

# "@handle" not preceded by something that makes it part of an address or a word.
MENTION = re.compile(r"(?<![\w@/.:=\-\"'&])@([a-z0-9][a-z0-9-]{1,79})", re.IGNORECASE)
LINK = re.compile(r"https?://|www\.|mailto:", re.IGNORECASE)

_markdown = MarkdownIt("commonmark", {"html": False}).enable("strikethrough")
_markdown.add_render_rule(
    "image",
    lambda self, tokens, idx, options, env: (
        f'<a href="{_markdown.utils.escapeHtml(tokens[idx].attrGet("src") or "")}">'
        f"{_markdown.utils.escapeHtml(tokens[idx].content or tokens[idx].attrGet('src') or '')}</a>"
    ),
)


@dataclass(frozen=True)
class Rendered:
    html: str
    mentions: tuple[str, ...]  # handles, lower-case, in order of first appearance
    link_count: int


def mentioned_handles(body: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(handle.lower() for handle in MENTION.findall(body)))


def count_links(body: str) -> int:
    return len(LINK.findall(body))


def render(body: str, *, mention_urls: dict[str, str] | None = None) -> Rendered:
    """Markdown → safe HTML. `mention_urls` maps a mentioned handle to the page it links to;
    handles that match nobody stay plain text."""
    html = _markdown.render(body)
    if mention_urls:
        html = MENTION.sub(lambda match: _mention_link(match, mention_urls), html)
    safe = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        link_rel="nofollow ugc noopener noreferrer",
    )
    return Rendered(html=safe, mentions=mentioned_handles(body), link_count=count_links(body))


def _mention_link(match: re.Match, mention_urls: dict[str, str]) -> str:
    url = mention_urls.get(match.group(1).lower())
    if url is None:
        return match.group(0)
    return f'<a class="mention" href="{url}">{match.group(0)}</a>'


def plain_excerpt(body: str, length: int = 140) -> str:
    """A one-line plain-text excerpt for notifications and e-mails (no HTML at all)."""
    text = html.unescape(nh3.clean(_markdown.render(body), tags=set()))
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"
