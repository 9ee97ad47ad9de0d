"""The data every site starts with: the home page and the 16 voivodeships.

Migrations call these with their historical model registry; the browser
tests call them with the live registry to restore a site that a
transactional test has flushed. Both are idempotent.
"""

from cms.models.regions import VOIVODESHIPS

HOME_INTRO = (
    "<p>Kooperacja łączy firmy ze spółdzielniami socjalnymi i warsztatami terapii "
    "zajęciowej (WTZ). Opisz, czego potrzebujesz, a pokażemy, kto w pobliżu może to zrobić.</p>"
)


def install_home_page(apps) -> None:
    """Put the home page under the root (replacing Wagtail's placeholder) and the site on it."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("cms", "HomePage")
    if HomePage.objects.exists():
        return
    Page.objects.filter(depth=2, content_type__app_label="wagtailcore", slug="home").delete()
    locale = Locale.objects.order_by("pk").first() or Locale.objects.create(language_code="pl")
    if not Page.objects.filter(depth=1).exists():
        Page.objects.create(
            title="Root",
            draft_title="Root",
            slug="root",
            path="0001",
            depth=1,
            numchild=0,
            url_path="/",
            locale=locale,
            content_type=ContentType.objects.get_for_model(Page),
        )
    home_type, _ = ContentType.objects.get_or_create(app_label="cms", model="homepage")
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
        intro=HOME_INTRO,
        live=True,
    )
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost",
        port=80,
        root_page_id=home.pk,
        is_default_site=True,
        site_name="Kooperacja",
    )


def seed_voivodeships(apps) -> None:
    Voivodeship = apps.get_model("cms", "Voivodeship")
    for teryt, name in VOIVODESHIPS.items():
        Voivodeship.objects.update_or_create(teryt=teryt, defaults={"name": name})
