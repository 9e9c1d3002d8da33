from django.apps import AppConfig


class TestAppConfig(AppConfig):
    name = "tests.testapp"
    label = "testapp"

    def ready(self):
        from passerelle.core.permissions import Policy, owned_visibility_q, register_policy

        from .models import Note

        class NotePolicy(Policy):
            def visible_q(self, user):
                return owned_visibility_q(user)

        register_policy(Note, NotePolicy())

        # A discussion only the owning organisation's members take part in, on an object with
        # its own visibility: the case that proves comments inherit both.
        from passerelle.community.choices import CommentAccess
        from passerelle.community.registry import register_commentable

        register_commentable(Note, access=CommentAccess.MEMBERS, owner_field="owner")
