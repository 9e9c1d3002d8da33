from django.db import migrations


def load(apps, schema_editor):
    from passerelle.assessments.reference import load_frameworks

    load_frameworks(apps)


class Migration(migrations.Migration):
    dependencies = [("assessments", "0001_initial"), ("taxonomy", "0002_load_vocabularies")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
