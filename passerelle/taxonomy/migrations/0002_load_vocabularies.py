from django.db import migrations


def load(apps, schema_editor):
    from passerelle.taxonomy.reference import load_vocabularies

    load_vocabularies(apps)


class Migration(migrations.Migration):
    dependencies = [("taxonomy", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
