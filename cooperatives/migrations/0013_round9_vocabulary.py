"""Round 9's vocabulary (docs/vocabulary.md, "Round 9"): vehicles become transport's things
(a garage's "tyre swap for 8 delivery vans" is no transport), the cleaning verbs buyers
write ("odkurzyć", "umyć okna"), and app making retired from IT (the IT cooperatives
support, test and keep sites; nobody here builds apps). Edits made in the admin are kept."""

from django.db import migrations

from cooperatives.vocabulary import grow_vocabularies


class Migration(migrations.Migration):
    dependencies = [("cooperatives", "0012_round7_8_vocabulary")]

    operations = [migrations.RunPython(grow_vocabularies, migrations.RunPython.noop)]
