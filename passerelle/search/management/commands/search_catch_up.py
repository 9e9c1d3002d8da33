"""`manage.py search_catch_up`: run by cron every ten minutes (or by the scheduler). Indexes the
objects changed since they were indexed and removes the documents of objects that are gone."""

from django.core.management.base import BaseCommand

from passerelle.search import services


class Command(BaseCommand):
    help = "Bring the search index up to date with what changed since it was indexed."

    def handle(self, *args, **options):
        indexed = services.catch_up()
        self.stdout.write(f"Indexed {indexed} changed object{'' if indexed == 1 else 's'}.")
