"""What stories add to other modules' pages (core.sections): on a dialogue event's page and on
one of its sessions, the diaspora stories linked to them (the events module renders the pages
"event" and "agenda_item"); on a diaspora organisation's page, its published stories."""

from django.utils.translation import gettext_lazy as _

from passerelle.core.sections import register_section

from . import permissions_content  # noqa: F401  (the policy the lists go through)
from .selectors import content as selectors

TEMPLATE = "diaspora/content/_stories_section.html"


def _section(key: str, title, stories) -> dict | None:
    if not stories:
        return None
    return {"key": key, "title": title, "stories": stories}


def event_stories(request, event):
    stories = selectors.linked_stories(request.user, event=event)
    return _section("event", _("Diaspora stories about this event"), stories)


def agenda_item_stories(request, item):
    stories = selectors.linked_stories(request.user, agenda_item=item)
    return _section("agenda-item", _("Diaspora stories about this session"), stories)


def organisation_stories(request, profile):
    stories = selectors.linked_stories(request.user, organisation=profile.organisation)
    return _section("organisation", _("Stories and news"), stories)


for page, get_context in (
    ("event", event_stories),
    ("agenda_item", agenda_item_stories),
    ("diaspora_organisation", organisation_stories),
):
    register_section(page, "diaspora_stories", template=TEMPLATE, get_context=get_context, order=70)
