"""Add the terms of the per-trade vocabulary review after round 5's blind score
(docs/vocabulary.md, "Round 5") to capabilities that already exist: work terms to the
synonyms, things made to the things (light assembly gets things for the first time).
Edits made in the admin are kept."""

from django.db import migrations

from cooperatives.vocabulary import grow_vocabularies


class Migration(migrations.Migration):
    dependencies = [("cooperatives", "0009_round4_vocabulary")]

    operations = [migrations.RunPython(grow_vocabularies, migrations.RunPython.noop)]
