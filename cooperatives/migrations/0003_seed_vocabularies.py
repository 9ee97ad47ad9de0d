"""Seed the capability and certificate codes of interfaces.md (labels stay editable)."""

from django.db import migrations

from cooperatives.vocabulary import CAPABILITIES, CERTIFICATIONS


def seed(apps, schema_editor):
    Capability = apps.get_model("cooperatives", "Capability")
    Certification = apps.get_model("cooperatives", "Certification")
    for code, (label_pl, label_en, synonyms) in CAPABILITIES.items():
        Capability.objects.get_or_create(
            code=code, defaults={"label_pl": label_pl, "label_en": label_en, "synonyms": synonyms}
        )
    for code, (label_pl, label_en, issuer) in CERTIFICATIONS.items():
        Certification.objects.get_or_create(
            code=code, defaults={"label_pl": label_pl, "label_en": label_en, "issuer": issuer}
        )


class Migration(migrations.Migration):
    dependencies = [("cooperatives", "0002_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
