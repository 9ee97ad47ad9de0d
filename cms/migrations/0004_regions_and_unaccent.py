"""The 16 voivodeships with their TERYT codes, and PostgreSQL's unaccent for "lodz" = "Łódź"."""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations

from cms.site_setup import seed_voivodeships



def add_voivodeships(apps, schema_editor):
    seed_voivodeships(apps)


class Migration(migrations.Migration):
    dependencies = [("cms", "0003_voivodeship_galleryimage_powiat")]

    operations = [
        UnaccentExtension(),
        migrations.RunPython(add_voivodeships, migrations.RunPython.noop),
    ]
