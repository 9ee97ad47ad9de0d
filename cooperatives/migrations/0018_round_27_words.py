"""Words round 27 showed buyers use and no list held (docs/vocabulary.md, "After round
27"): assembly told as putting together from parts ("złożenie z 5 części"), a book's
binding ("grzbiet klejony", "miękka okładka") as printing, searchable PDFs as
digitisation. Edits made in the admin are kept."""

from django.db import migrations

from cooperatives.vocabulary import grow_vocabularies


class Migration(migrations.Migration):
    dependencies = [("cooperatives", "0017_rounds_22_to_24_words")]

    operations = [migrations.RunPython(grow_vocabularies, migrations.RunPython.noop)]
