from django import template

from ..moderation import open_case_count

register = template.Library()


@register.inclusion_tag("community/moderation/_link.html", takes_context=True)
def moderation_link(context):
    """The header's link to the moderation queue with the number of open cases (one COUNT query).
    The page shows it to platform moderators only, who decide on every case."""
    return {"open_count": open_case_count(user=context["user"])}
