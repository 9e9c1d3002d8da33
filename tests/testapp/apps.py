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
