"""The reported content: whose it is, the discussion space it sits in, and the plain-text
excerpt shown of it."""

from __future__ import annotations

import html

from django.utils.html import strip_tags
from django.utils.text import Truncator

from passerelle.accounts.models import User

from .. import registry
from ..models import Comment, ModerationCase

EXCERPT_LENGTH = 140


def case_content(case: ModerationCase):
    """The reported object, hidden or not: the generic foreign key reads through the base
    manager, because moderators must see what they judge. None if it was erased."""
    return case.target


def author_of(content) -> User | None:
    return getattr(content, registry.reportable_for(type(content)).author_field)


def space_of(content):
    """The object whose discussion `content` belongs to (a comment's target)."""
    reportable = registry.reportable_for(type(content))
    return reportable.space_of(content) if reportable else None


def content_excerpt(content) -> str:
    """Plain text for tables, notifications and e-mails: never markup, at most 140 characters."""
    if content is None:
        return ""
    if isinstance(content, Comment):
        text = html.unescape(strip_tags(content.body_html))
    else:
        text = str(content)
    return Truncator(" ".join(text.split())).chars(EXCERPT_LENGTH)
