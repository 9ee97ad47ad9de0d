"""Words rounds 22 to 24 showed buyers use and no list held (docs/vocabulary.md, "After
round 24"): a print job told by its specification ("okładka na kredzie", "zszyte
zszywkami", "nakład", "print run") and the small publications ordered ("tomik wierszy",
"śpiewnik", "karty do głosowania") as printing, laundry told by its result ("czyste i
suche"), dog beds and horse rugs as sewing's things. Edits made in the admin are kept."""

from django.db import migrations

from cooperatives.vocabulary import grow_vocabularies


class Migration(migrations.Migration):
    dependencies = [("cooperatives", "0016_rounds_17_to_21_words")]

    operations = [migrations.RunPython(grow_vocabularies, migrations.RunPython.noop)]
