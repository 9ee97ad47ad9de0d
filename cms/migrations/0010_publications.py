"""The publications' pages (regional centres' and OWES' news, guides and events), and their index
under the home page of a site that exists (a new site gets it from
cms.models.publications.PublicationsIndexPage.get_or_create), under the regional moderation
workflow when the site has it."""

import django.db.models.deletion
import wagtail.fields
from django.conf import settings
from django.db import migrations, models
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
    Index = apps.get_model("cms", "PublicationsIndexPage")
    home = HomePage.objects.first()
    if home is None or Index.objects.exists():
        return
    if Page.objects.filter(path__startswith=home.path, depth=home.depth + 1, slug="publikacje").exists():
        return
    index_type, _ = ContentType.objects.get_or_create(
        app_label="cms", model="publicationsindexpage"
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
    Index = apps.get_model("cms", "PublicationsIndexPage")
    Page = apps.get_model("wagtailcore", "Page")
    for index in Index.objects.all():
        if index.numchild == 0:
            parent_path = index.path[: -STEP]
            index.delete()
            parent = Page.objects.get(path=parent_path)
            Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild - 1)


class Migration(migrations.Migration):

    dependencies = [
        ('cms', '0009_workflow_names'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='PublicationsIndexPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, verbose_name='introduction')),
                ('intro_en', models.TextField(blank=True, verbose_name='introduction in English')),
            ],
            options={
                'verbose_name': 'publications index',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.CreateModel(
            name='EventPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, help_text='One or two sentences in plain language.', verbose_name='summary')),
                ('body', wagtail.fields.StreamField([('heading', 0), ('paragraph', 1)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'form_classname': 'title', 'label': 'Heading'}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul'], 'label': 'Paragraph'})}, verbose_name='body')),
                ('title_en', models.CharField(blank=True, max_length=255, verbose_name='title in English')),
                ('intro_en', models.TextField(blank=True, verbose_name='summary in English')),
                ('body_en', wagtail.fields.StreamField([('heading', 0), ('paragraph', 1)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'form_classname': 'title', 'label': 'Heading'}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul'], 'label': 'Paragraph'})}, verbose_name='body in English')),
                ('start', models.DateTimeField(verbose_name='starts')),
                ('end', models.DateTimeField(blank=True, null=True, verbose_name='ends')),
                ('place', models.CharField(blank=True, help_text='The venue and its address.', max_length=255, verbose_name='place')),
                ('town', models.CharField(blank=True, max_length=100, verbose_name='town')),
                ('online', models.BooleanField(default=False, verbose_name='online')),
                ('voivodeship', models.ForeignKey(blank=True, help_text='Left empty: the voivodeship of your section.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='cms.voivodeship', verbose_name='voivodeship')),
            ],
            options={
                'verbose_name': 'event',
                'verbose_name_plural': 'events',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.CreateModel(
            name='GuidePage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, help_text='One or two sentences in plain language.', verbose_name='summary')),
                ('body', wagtail.fields.StreamField([('heading', 0), ('paragraph', 1)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'form_classname': 'title', 'label': 'Heading'}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul'], 'label': 'Paragraph'})}, verbose_name='body')),
                ('title_en', models.CharField(blank=True, max_length=255, verbose_name='title in English')),
                ('intro_en', models.TextField(blank=True, verbose_name='summary in English')),
                ('body_en', wagtail.fields.StreamField([('heading', 0), ('paragraph', 1)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'form_classname': 'title', 'label': 'Heading'}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul'], 'label': 'Paragraph'})}, verbose_name='body in English')),
                ('voivodeship', models.ForeignKey(blank=True, help_text='Left empty: the voivodeship of your section.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='cms.voivodeship', verbose_name='voivodeship')),
            ],
            options={
                'verbose_name': 'guide',
                'verbose_name_plural': 'guides',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.CreateModel(
            name='NewsPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, help_text='One or two sentences in plain language.', verbose_name='summary')),
                ('body', wagtail.fields.StreamField([('heading', 0), ('paragraph', 1)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'form_classname': 'title', 'label': 'Heading'}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul'], 'label': 'Paragraph'})}, verbose_name='body')),
                ('title_en', models.CharField(blank=True, max_length=255, verbose_name='title in English')),
                ('intro_en', models.TextField(blank=True, verbose_name='summary in English')),
                ('body_en', wagtail.fields.StreamField([('heading', 0), ('paragraph', 1)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'form_classname': 'title', 'label': 'Heading'}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'ol', 'ul'], 'label': 'Paragraph'})}, verbose_name='body in English')),
                ('voivodeship', models.ForeignKey(blank=True, help_text='Left empty: the voivodeship of your section.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='cms.voivodeship', verbose_name='voivodeship')),
            ],
            options={
                'verbose_name': 'news item',
                'verbose_name_plural': 'news',
            },
            bases=('wagtailcore.page',),
        ),
        migrations.CreateModel(
            name='SectionPage',
            fields=[
                ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('intro', models.TextField(blank=True, verbose_name='introduction')),
                ('intro_en', models.TextField(blank=True, verbose_name='introduction in English')),
                ('voivodeship', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='cms.voivodeship', verbose_name='voivodeship')),
            ],
            options={
                'verbose_name': "publisher's section",
                'verbose_name_plural': "publishers' sections",
            },
            bases=('wagtailcore.page',),
        ),
        migrations.RunPython(create_index, remove_index),
    ]
