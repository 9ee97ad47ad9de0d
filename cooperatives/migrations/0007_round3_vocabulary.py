"""Add the terms grown from the blind-written round-3 requests (tests/relevance/ROUND3.md)
to capabilities that already exist; edits made in the admin are kept."""

from django.db import migrations

from cooperatives.vocabulary import add_missing_synonyms


def grow(apps, schema_editor):
    add_missing_synonyms(apps)


class Migration(migrations.Migration):
    dependencies = [("cooperatives", "0006_wtz_and_reserved")]

    operations = [migrations.RunPython(grow, migrations.RunPython.noop)]
