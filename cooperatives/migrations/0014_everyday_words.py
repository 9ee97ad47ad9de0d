"""Buyers' everyday words for each trade (docs/vocabulary.md, "Everyday words"): the verbs
of the steps ("poskładać pudełka", "przepuścić przez skaner", "obrać ziemniaki"),
diminutives and colloquial names of things ("skrzyneczki", "broszurki"), trade slang
("nakład egzemplarzy", "pokos") and plain English ("pick up the phone"). Edits made in the
admin are kept."""

from django.db import migrations

from cooperatives.vocabulary import add_missing_synonyms, move_things


def grow(apps, schema_editor):
    add_missing_synonyms(apps)
    move_things(apps)


class Migration(migrations.Migration):
    dependencies = [("cooperatives", "0013_round9_vocabulary")]

    operations = [migrations.RunPython(grow, migrations.RunPython.noop)]
