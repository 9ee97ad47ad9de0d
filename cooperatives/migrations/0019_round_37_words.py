"""Words round 37 showed buyers use and no list held (docs/vocabulary.md, "After round
37"): care told as help with the day ("wsparcie przy codziennych czynnościach"), fruit and
leaves washed and sorted as food preparation ("mycie liści", "przebieranie owoców"), bat
boxes as joinery. Edits made in the admin are kept."""

from django.db import migrations

from cooperatives.vocabulary import grow_vocabularies


class Migration(migrations.Migration):
    dependencies = [("cooperatives", "0018_round_27_words")]

    operations = [migrations.RunPython(grow_vocabularies, migrations.RunPython.noop)]
