"""Keep the occasions of event support ("konferencja", "festyn", "piknik", …) among its
things, not its synonyms (cooperatives/vocabulary.py THINGS): they say what the work is
for, not the work. Edits made in the admin are kept."""

from django.db import migrations

from cooperatives.vocabulary import move_things


def occasions_to_things(apps, schema_editor):
    move_things(apps)


class Migration(migrations.Migration):
    dependencies = [("cooperatives", "0010_round5_vocabulary")]

    operations = [migrations.RunPython(occasions_to_things, migrations.RunPython.noop)]
