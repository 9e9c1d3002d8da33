"""`manage.py import_project_lessons [--all]`: run by cron once a day (or by the scheduler).
Turns the lessons recorded on public projects into drafts of lessons learned for their
organisations; `--all` looks at every lesson, not only the last two days'. Running it twice
imports nothing twice."""

from django.core.management.base import BaseCommand

from passerelle.knowledge.services.lessons import import_project_lessons, import_recent_lessons


class Command(BaseCommand):
    help = "Import the lessons of public projects into the knowledge base as drafts."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Every lesson, however old.")

    def handle(self, *args, all=False, **options):
        imported = import_project_lessons() if all else import_recent_lessons()
        self.stdout.write(f"Imported {imported} lesson{'' if imported == 1 else 's'}.")
