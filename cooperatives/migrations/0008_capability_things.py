"""Each capability gets its list of things made (cooperatives/vocabulary.py THINGS), moved
out of its synonyms: the taxonomy reads a thing named after another kind of work as that
work's object (search/taxonomy.py). Lines editors wrote that are no seed thing stay."""

from django.db import migrations, models

from cooperatives.vocabulary import move_things


def things_apart(apps, schema_editor):
    move_things(apps)


def things_back(apps, schema_editor):
    Capability = apps.get_model("cooperatives", "Capability")
    for capability in Capability.objects.exclude(things=""):
        capability.synonyms = "\n".join(
            line for line in (capability.synonyms, capability.things) if line.strip()
        )
        capability.things = ""
        capability.save(update_fields=["synonyms", "things"])


class Migration(migrations.Migration):
    dependencies = [("cooperatives", "0007_round3_vocabulary")]

    operations = [
        migrations.AddField(
            model_name="capability",
            name="things",
            field=models.TextField(
                blank=True,
                help_text=(
                    "Names of things this work makes (mugs, tablecloths), one per line. A "
                    "request naming them alone asks for this work; named after another kind "
                    "of work (packing mugs, a laundry for tablecloths) they are that work's "
                    "objects."
                ),
                verbose_name="things made",
            ),
        ),
        migrations.RunPython(things_apart, things_back),
    ]
