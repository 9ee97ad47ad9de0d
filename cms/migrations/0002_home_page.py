"""Replace Wagtail's placeholder root child with Kooperacja's home page and point the site at it."""

from django.db import migrations

INTRO = (
    "<p>Kooperacja łączy firmy ze spółdzielniami socjalnymi i warsztatami terapii "
    "zajęciowej (WTZ). Opisz, czego potrzebujesz, a pokażemy, kto w pobliżu może to zrobić.</p>"
)


def create_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("cms", "HomePage")

    # wagtailcore's own initial data leaves a plain "Welcome" page at depth 2.
    Page.objects.filter(depth=2, content_type__app_label="wagtailcore", slug="home").delete()

    home_type, _ = ContentType.objects.get_or_create(app_label="cms", model="homepage")
    locale = Locale.objects.order_by("pk").first()
    home = HomePage.objects.create(
        title="Kooperacja",
        draft_title="Kooperacja",
        slug="home",
        content_type=home_type,
        path="00010001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        intro=INTRO,
        live=True,
    )
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost", port=80, root_page_id=home.pk, is_default_site=True,
        site_name="Kooperacja",
    )


def remove_home_page(apps, schema_editor):
    apps.get_model("cms", "HomePage").objects.filter(depth=2, slug="home").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_home_page, remove_home_page)]
