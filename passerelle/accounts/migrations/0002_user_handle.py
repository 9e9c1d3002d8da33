from django.db import migrations, models
from django.utils.text import slugify


def fill_handles(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    Organisation = apps.get_model("accounts", "Organisation")
    taken = set(Organisation.objects.values_list("slug", flat=True))
    for user in User.objects.order_by("pk"):
        base = slugify(user.full_name or user.email.split("@")[0])[:70] or "member"
        handle, suffix = base, 2
        while handle in taken:
            handle, suffix = f"{base}-{suffix}", suffix + 1
        taken.add(handle)
        user.handle = handle
        user.save(update_fields=["handle"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="user",
            name="handle",
            # No index yet: the unique index comes with the AlterField below (PostgreSQL would
            # otherwise build the same "_like" index twice).
            field=models.SlugField(db_index=False, default="", max_length=80, verbose_name="handle"),
            preserve_default=False,
        ),
        migrations.RunPython(fill_handles, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="user",
            name="handle",
            field=models.SlugField(
                help_text="Others mention you in discussions as @handle.",
                max_length=80,
                unique=True,
                verbose_name="handle",
            ),
        ),
    ]
