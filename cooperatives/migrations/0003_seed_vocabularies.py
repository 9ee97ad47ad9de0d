"""Seed the capability and certificate codes of interfaces.md (labels stay editable)."""

from django.db import migrations

from cooperatives.vocabulary import seed_vocabularies


def seed(apps, schema_editor):
    seed_vocabularies(apps)


class Migration(migrations.Migration):
    dependencies = [("cooperatives", "0002_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
