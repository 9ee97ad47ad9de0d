"""Put the publications index under the home page of a site that exists (a new site gets it
from publications.models.PublicationsIndexPage.get_or_create), under the regional moderation
workflow when the site has it."""

from django.db import migrations
from django.utils import timezone

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEP = 4  # treebeard's characters per level of the page tree


def _next_child_path(Page, parent) -> str:
    children = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
    last = children.order_by("-path").values_list("path", flat=True).first()
    number = 0
    for char in (last or parent.path + "0000")[-STEP:]:
        number = number * 36 + ALPHABET.index(char)
    number += 1
    digits = ""
    for _ in range(STEP):
        number, rest = divmod(number, 36)
        digits = ALPHABET[rest] + digits
    return parent.path + digits


def create_index(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    HomePage = apps.get_model("cms", "HomePage")
    Index = apps.get_model("publications", "PublicationsIndexPage")
    home = HomePage.objects.first()
    if home is None or Index.objects.exists():
        return
    if Page.objects.filter(path__startswith=home.path, depth=home.depth + 1, slug="publikacje").exists():
        return
    index_type, _ = ContentType.objects.get_or_create(
        app_label="publications", model="publicationsindexpage"
    )
    now = timezone.now()
    title = "Z regionów: aktualności, poradniki, wydarzenia"
    index = Index.objects.create(
        title=title,
        draft_title=title,
        slug="publikacje",
        content_type=index_type,
        path=_next_child_path(Page, home),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}publikacje/",
        locale_id=home.locale_id,
        live=True,
        first_published_at=now,
        last_published_at=now,
    )
    Page.objects.filter(pk=home.pk).update(numchild=home.numchild + 1)
    workflow = Workflow.objects.filter(name="ROPS").first()
    if workflow:
        WorkflowPage.objects.get_or_create(page_id=index.pk, defaults={"workflow": workflow})


def remove_index(apps, schema_editor):
    Index = apps.get_model("publications", "PublicationsIndexPage")
    Page = apps.get_model("wagtailcore", "Page")
    for index in Index.objects.all():
        if index.numchild == 0:
            parent_path = index.path[: -STEP]
            index.delete()
            parent = Page.objects.get(path=parent_path)
            Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild - 1)


class Migration(migrations.Migration):
    dependencies = [
        ("publications", "0001_initial"),
        ("cms", "0009_workflow_names"),
    ]

    operations = [migrations.RunPython(create_index, remove_index)]
