"""`manage.py search_reindex [--kind K]`: rebuild the search index of every registered model, or
of one kind, with a progress line. The catch-up job keeps it current afterwards; run this after
a change that `updated` does not show (an organisation's type, which its requests carry)."""

from django.core.management.base import BaseCommand, CommandError

from passerelle.core.search import searchables
from passerelle.search import services
from passerelle.search.progress import progress_line


class Command(BaseCommand):
    help = "Rebuild the search index (all kinds, or one)."

    def add_arguments(self, parser):
        kinds = sorted(searchable.kind for searchable in searchables())
        parser.add_argument("--kind", help=f"Only this kind: {', '.join(kinds)}.")

    def handle(self, *args, kind=None, **options):
        model = None
        if kind is not None:
            by_kind = {searchable.kind: searchable.model for searchable in searchables()}
            if kind not in by_kind:
                raise CommandError(f"Unknown kind {kind!r}; choose among {sorted(by_kind)}.")
            model = by_kind[kind]
        indexed = services.reindex_all(model, progress=progress_line(self.stdout))
        self.stdout.write(self.style.SUCCESS(f"{indexed} objects indexed."))
