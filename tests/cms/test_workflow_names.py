"""The moderation workflow's names read as sentences where Wagtail puts them, in both languages."""

from importlib import import_module

import pytest
from django.apps import apps
from django.utils import translation
from wagtail.models import Task, Workflow, WorkflowTask

from cms.models.moderation import RegionalApprovalTask, ensure_moderation_workflow

pytestmark = pytest.mark.django_db

renaming = import_module("cms.migrations.0009_workflow_names")


def submit_button(workflow: Workflow, language: str) -> str:
    """The label of Wagtail's button, in its own words and translation."""
    with translation.override(language):
        return translation.gettext("Submit to %(workflow_name)s") % {"workflow_name": workflow.name}


def test_the_submit_button_reads_as_a_sentence_in_polish_and_english():
    workflow = ensure_moderation_workflow()
    assert submit_button(workflow, "pl") == "Wyślij do ROPS"
    assert submit_button(workflow, "en") == "Submit to ROPS"
    assert [task.name for task in workflow.tasks] == ["ROPS"]


def test_the_migration_renames_a_site_made_with_the_old_names_and_back():
    # Wagtail's own migrations leave a "Moderators approval" workflow and task.
    workflows, tasks = Workflow.objects.count(), Task.objects.count()
    workflow = Workflow.objects.create(name="Moderacja regionalna")
    task = RegionalApprovalTask.objects.create(name="Zatwierdzenie przez ROPS")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    other = Workflow.objects.create(name="Redakcja aktualności")

    renaming.forwards(apps, None)

    assert Workflow.objects.get(pk=workflow.pk).name == "ROPS"
    assert Task.objects.get(pk=task.pk).name == "ROPS"
    assert Workflow.objects.get(pk=other.pk).name == "Redakcja aktualności"
    # The site's own set-up finds it under the new name: still one workflow, one task.
    assert ensure_moderation_workflow() == workflow
    assert Workflow.objects.count() == workflows + 2
    assert Task.objects.count() == tasks + 1

    renaming.backwards(apps, None)
    assert Workflow.objects.get(pk=workflow.pk).name == "Moderacja regionalna"
    assert Task.objects.get(pk=task.pk).name == "Zatwierdzenie przez ROPS"
