from django.db import migrations


def load(apps, schema_editor):
    from passerelle.geo.reference import load_geography, load_regional_bodies

    load_geography(apps)
    load_regional_bodies(apps)


class Migration(migrations.Migration):
    dependencies = [("geo", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
