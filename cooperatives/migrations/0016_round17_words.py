"""Words round 17 showed buyers use and no list held (docs/vocabulary.md, "After round
17"): shampoo and body bars ("kostki do mycia włosów") as soap's things, the cuts of
vegetables ("pomidory w plastry", "cebula w piórka") as food preparation, and "put
together" as light assembly. Edits made in the admin are kept."""

from django.db import migrations

from cooperatives.vocabulary import add_missing_synonyms, move_things


def grow(apps, schema_editor):
    add_missing_synonyms(apps)
    move_things(apps)


class Migration(migrations.Migration):
    dependencies = [("cooperatives", "0015_everyday_words_second_batch")]

    operations = [migrations.RunPython(grow, migrations.RunPython.noop)]
