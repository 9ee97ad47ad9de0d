"""Buyers' everyday words for each trade (docs/vocabulary.md, "Everyday words"): the verbs
of the steps ("poskładać pudełka", "przepuścić przez skaner", "obrać ziemniaki"),
diminutives and colloquial names of things ("skrzyneczki", "broszurki"), trade slang
("nakład egzemplarzy", "pokos") and plain English ("pick up the phone"). Edits made in the
admin are kept."""

from django.db import migrations

from cooperatives.vocabulary import grow_vocabularies


class Migration(migrations.Migration):
    dependencies = [("cooperatives", "0013_round9_vocabulary")]

    operations = [migrations.RunPython(grow_vocabularies, migrations.RunPython.noop)]
