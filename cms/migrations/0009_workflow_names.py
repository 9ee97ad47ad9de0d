"""Rename the moderation workflow and its task so that Wagtail's buttons read as sentences.

Wagtail puts the names, untranslated, into "Submit to %(workflow_name)s" ("Wyślij do …")
and "Resubmit to %(task_name)s" ("Wyślij ponownie do …"): "Wyślij do Moderacja regionalna"
was not Polish. The regional centre's acronym reads right in both languages (see
cms.models.moderation). The names are written here, not imported: a migration keeps saying
what it said when it ran.
"""

from django.db import migrations

RENAMES = {
    # model: (old name, new name)
    "Workflow": ("Moderacja regionalna", "ROPS"),
    "Task": ("Zatwierdzenie przez ROPS", "ROPS"),
}


def rename(apps, direction: int) -> None:
    for model_name, names in RENAMES.items():
        old, new = names[::direction]
        apps.get_model("wagtailcore", model_name).objects.filter(name=old).update(name=new)


def forwards(apps, schema_editor):
    rename(apps, 1)


def backwards(apps, schema_editor):
    rename(apps, -1)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0008_freshness"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
