from django import template

from ..notifications import unread_count

register = template.Library()


@register.inclusion_tag("community/notifications/_bell.html", takes_context=True)
def notification_bell(context):
    """The header's link to the notifications with the unread count (one COUNT query, unless the
    page counted already), which htmx refreshes every 30 seconds."""
    count = context.get("notification_unread_count")
    if count is None:
        count = unread_count(user=context["user"])
    return {"unread_count": count}
