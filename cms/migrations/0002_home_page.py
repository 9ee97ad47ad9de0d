"""Replace Wagtail's placeholder root child with Kooperacja's home page and point the site at it."""

from django.db import migrations

from cms.site_setup import install_home_page


def create_home_page(apps, schema_editor):
    install_home_page(apps)


def remove_home_page(apps, schema_editor):
    apps.get_model("cms", "HomePage").objects.filter(depth=2, slug="home").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_home_page, remove_home_page)]
