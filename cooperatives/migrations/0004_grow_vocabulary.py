"""Add the grown vocabulary's terms to capabilities that already exist (edits are kept)."""

from django.db import migrations

from cooperatives.vocabulary import add_missing_synonyms


def grow(apps, schema_editor):
    add_missing_synonyms(apps)


class Migration(migrations.Migration):
    dependencies = [("cooperatives", "0003_seed_vocabularies")]

    operations = [migrations.RunPython(grow, migrations.RunPython.noop)]
