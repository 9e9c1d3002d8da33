"""What the course catalogue adds to other pages (core.sections): on a member's page, the
courses the member declared completed and chose to show."""

from passerelle.core.sections import register_section

from .selectors.learning import public_completions_of

LIMIT = 20


def member_courses(request, profile):
    completions = list(public_completions_of(profile.user_id)[:LIMIT])
    if not completions:
        return None
    return {"completions": completions}


register_section(
    "diaspora_member",
    "courses",
    template="diaspora/learning/_member_section.html",
    get_context=member_courses,
    order=70,
)
