"""Buyers' everyday words, a second batch (docs/vocabulary.md, "Everyday words"): sewing's
words, left out of 0014 while a profile's words beyond "enough" added a step to its score
(search/query.py), and for every trade the objects buyers hand over or order, named as
they name them ("togi", "torebki strunowe", "arkusze ocen", "kostka do mycia rąk"), the
verbs of the steps in the forms they write ("przesypać", "zgrzać", "poszatkować",
"zmyć podłogę") and plain English ("peel", "bag up", "scan to PDF"); "czyszczenie" alone
is retired from cleaning (an aquarium's filters are no office to clean). Edits made in the
admin are kept."""

from django.db import migrations

from cooperatives.vocabulary import grow_vocabularies


class Migration(migrations.Migration):
    dependencies = [("cooperatives", "0014_everyday_words")]

    operations = [migrations.RunPython(grow_vocabularies, migrations.RunPython.noop)]
