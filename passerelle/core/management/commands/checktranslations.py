"""Fail when the translation catalogues drift from the code: a translatable string that is not in
the catalogues, or an entry that is untranslated or fuzzy. Runs makemessages into a scratch copy,
so the working tree is never touched."""

import shutil
import tempfile
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

IGNORED = [".venv", "node_modules", "staticfiles", "var", "tests/*"]


class Command(BaseCommand):
    help = "Check that locale/ catalogues are complete and up to date."

    def handle(self, *args, **options):
        locale_dir = Path(settings.LOCALE_PATHS[0])
        languages = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
        problems = []
        with tempfile.TemporaryDirectory() as scratch:
            scratch_locale = Path(scratch) / "locale"
            shutil.copytree(locale_dir, scratch_locale)
            with override_settings(LOCALE_PATHS=[scratch_locale]):
                call_command(
                    "makemessages",
                    locale=languages,
                    ignore_patterns=IGNORED,
                    no_obsolete=True,
                    verbosity=0,
                )
            for language in languages:
                relative = Path(language) / "LC_MESSAGES" / "django.po"
                problems += _compare(locale_dir / relative, scratch_locale / relative)
        if problems:
            raise CommandError(
                "Translation catalogues are out of date (run `manage.py makemessages -l fr -l es "
                "--ignore .venv --ignore node_modules` and translate):\n  " + "\n  ".join(problems)
            )
        self.stdout.write(self.style.SUCCESS("Translation catalogues are complete."))


def _compare(committed_path: Path, extracted_path: Path) -> list[str]:
    if not committed_path.exists():
        return [f"{committed_path} is missing"]
    committed = polib.pofile(str(committed_path))
    extracted = polib.pofile(str(extracted_path))
    known = {(entry.msgctxt, entry.msgid) for entry in committed if not entry.obsolete}
    problems = [
        f"{committed_path.parts[-3]}: not in the catalogue: {entry.msgid!r}"
        for entry in extracted
        if (entry.msgctxt, entry.msgid) not in known
    ]
    problems += [
        f"{committed_path.parts[-3]}: untranslated: {entry.msgid!r}"
        for entry in committed.untranslated_entries()
    ]
    problems += [
        f"{committed_path.parts[-3]}: fuzzy: {entry.msgid!r}" for entry in committed.fuzzy_entries()
    ]
    return problems
