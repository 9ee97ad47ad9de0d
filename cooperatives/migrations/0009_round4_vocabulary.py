"""Add the terms read from the round-4 requests after their blind score
(tests/relevance/ROUND4.md) to capabilities that already exist; edits made in the admin are
kept."""

from django.db import migrations

from cooperatives.vocabulary import add_missing_synonyms


def grow(apps, schema_editor):
    add_missing_synonyms(apps)


class Migration(migrations.Migration):
    dependencies = [("cooperatives", "0008_capability_things")]

    operations = [migrations.RunPython(grow, migrations.RunPython.noop)]
