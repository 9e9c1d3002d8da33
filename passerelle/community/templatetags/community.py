from django import template

from ..choices import ReactionKind

register = template.Library()


@register.simple_tag
def reaction_state(comment, thread=None, counts=None, mine=None):
    """[(kind, label, count, given by the viewer)] for one comment's reaction buttons, from a
    thread page's prefetched figures or from figures computed for this comment alone."""
    if thread:
        counts = thread.reaction_counts.get(comment.pk, {})
        mine = thread.my_reactions.get(comment.pk, set())
    counts, mine = counts or {}, mine or set()
    return [
        (kind, label, counts.get(kind, 0), kind in mine) for kind, label in ReactionKind.choices
    ]


@register.filter
def verbose_type(obj) -> str:
    return obj._meta.verbose_name
