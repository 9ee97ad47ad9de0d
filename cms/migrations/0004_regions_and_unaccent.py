"""The 16 voivodeships with their TERYT codes, and PostgreSQL's unaccent for "lodz" = "Łódź"."""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations

from cms.models.regions import VOIVODESHIPS



def seed_voivodeships(apps, schema_editor):
    Voivodeship = apps.get_model("cms", "Voivodeship")
    for teryt, name in VOIVODESHIPS.items():
        Voivodeship.objects.update_or_create(teryt=teryt, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("cms", "0003_voivodeship_galleryimage_powiat")]

    operations = [
        UnaccentExtension(),
        migrations.RunPython(seed_voivodeships, migrations.RunPython.noop),
    ]
