"""Fixtures of the community tests: reported content for the moderation tests, posting with the
after-commit work run for the notification tests."""

import pytest

from passerelle.community import services
from passerelle.core.models import TaskFailure
from passerelle.taxonomy.models import CapacityArea

from .moderation_helpers import trusted

# Moderation


@pytest.fixture
def author():
    return trusted()


@pytest.fixture
def comment(organisation, author):
    """A comment on `organisation`'s page, whose administrator (`owner`) moderates it."""
    return services.comment_create(actor=author, target=organisation, body="A *first* remark.")


@pytest.fixture
def area_comment(author):
    """A comment on a capacity area: no space moderator, platform moderators only."""
    area = CapacityArea.objects.get(code="BORD")
    return services.comment_create(actor=author, target=area, body="About borders.")


# Notifications (their tests use `tasks_do_not_fail`)


@pytest.fixture
def tasks_do_not_fail():
    # The immediate backend records a failing task instead of raising: make failures visible.
    yield
    failures = list(TaskFailure.objects.values_list("task_path", "message"))
    assert not failures, failures


@pytest.fixture
def area():
    return CapacityArea.objects.get(code="BORD")


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run what services defer to after the commit (dispatch, e-mails), as in production."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run


@pytest.fixture
def post(run_on_commit):
    def post(author, target, body="A remark.", **kwargs):
        return run_on_commit(
            services.comment_create, actor=author, target=target, body=body, **kwargs
        )

    return post
