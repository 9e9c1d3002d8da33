from io import StringIO

from django.core.management import call_command

from passerelle.core.periodic import periodic_jobs


def test_the_reminder_runs_daily_and_by_hand(db):
    assert "remind_project_reporters" in {job.name for job in periodic_jobs()}
    out = StringIO()
    call_command("remind_project_reporters", stdout=out)
    assert out.getvalue() == "Reminded the reporters of 0 periods.\n"
