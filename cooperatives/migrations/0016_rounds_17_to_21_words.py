"""Words rounds 17 to 21 showed buyers use and no list held (docs/vocabulary.md, "After
round 17" to "After round 21"): shampoo and body bars ("kostki do mycia włosów") as soap's
things, the cuts of vegetables ("pomidory w plastry", "cebula w piórka") as food
preparation, "put together", "snap into" and perfective steps ("wkręcić", "nasunąć",
"zatrzasnąć") as light assembly, sleeve covers as sewing's things, "mieć w komputerze" as
digitisation, "przygotowanie do wysyłki", foil bags and subscription boxes as co-packing,
plugs as electrical assembly's things, newsletters and bulletins as printing, calls taken
and care in English, laundry told by its result ("wysuszone i poskładane"), car park
marshals and occasions for event support; "wtyczki" alone is retired from IT services (an
extension lead's plugs are no site's plug-ins). Edits made in the admin are kept."""

from django.db import migrations

from cooperatives.vocabulary import grow_vocabularies


class Migration(migrations.Migration):
    dependencies = [("cooperatives", "0015_everyday_words_second_batch")]

    operations = [migrations.RunPython(grow_vocabularies, migrations.RunPython.noop)]
