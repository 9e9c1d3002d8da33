"""URLs of /diaspora/ the content area tests in tests/test_url_access.py: a published story and a
draft, both by the government's administrator on behalf of the government."""

from passerelle.diaspora.services import content as services


def build(government, owner, outsider) -> dict:
    def story(title, publish):
        found = services.story_create(
            actor=owner,
            organisation=government,
            data=services.StoryData(
                kind="story", title=title, body="A story of return.", language="en"
            ),
        )
        return services.story_publish(actor=owner, story=found) if publish else found

    return {
        "story_published": story("A published story", True),
        "story_draft": story("A draft story", False),
    }


def _published(w):
    return {"pk": w["story_published"].pk}


def _draft(w):
    return {"pk": w["story_draft"].pk}


CASES = [
    ("diaspora:story_list", "get", lambda w: {}, 200, 200, 200),
    ("diaspora:story_create", "get", lambda w: {}, 302, 200, 200),
    ("diaspora:story_detail", "get", _published, 200, 200, 200),
    ("diaspora:story_detail", "get", _draft, 404, 404, 200),
    ("diaspora:story_edit", "get", _published, 302, 403, 200),
    ("diaspora:story_edit", "get", _draft, 302, 404, 200),
    ("diaspora:story_publish", "post", _draft, 302, 404, 302),
    ("diaspora:story_unpublish", "post", _published, 302, 403, 302),
    ("diaspora:story_delete", "get", _published, 302, 403, 200),
    ("diaspora:story_delete", "post", _draft, 302, 404, 302),
    ("diaspora:story_react", "post", _published, 302, 302, 302),
    ("diaspora:my_stories", "get", lambda w: {}, 302, 200, 200),
    ("api:diaspora-story-list", "get", lambda w: {}, 200, 200, 200),
    ("api:diaspora-story-detail", "get", _published, 200, 200, 200),
    ("api:diaspora-story-detail", "get", _draft, 404, 404, 404),
]
