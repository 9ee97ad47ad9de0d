"""Add the buyers' words of rounds 7 and 8 (docs/vocabulary.md, "Rounds 7 and 8") to the
capabilities that already exist: food for a fête, a scythe and raked leaves, gift baskets
and envelopes, an office move, apples cut in slices. Edits made in the admin are kept."""

from django.db import migrations

from cooperatives.vocabulary import add_missing_synonyms


def grow(apps, schema_editor):
    add_missing_synonyms(apps)


class Migration(migrations.Migration):
    dependencies = [("cooperatives", "0011_event_occasions_are_things")]

    operations = [migrations.RunPython(grow, migrations.RunPython.noop)]
