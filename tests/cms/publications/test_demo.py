"""The demo's publications, and the section an administrator's approval opens."""

import pytest
from django.utils import timezone

from cms.models import Organisation
from cms.models.publications import EventPage, GuidePage, NewsPage, SectionPage, upcoming_events
from cms.publications.demo import publish_demo
from cms.wagtail_hooks import apply_organisation_rights
from tests.cms.factories import OrganisationFactory, RegionalCentreFactory, member_of

pytestmark = pytest.mark.django_db


def test_demo_publishes_three_guides_three_news_and_four_events_once():
    centre = RegionalCentreFactory(name="ROPS (demo)")
    author = member_of(centre)
    assert publish_demo(centre, author) == 10
    assert publish_demo(centre, author) == 10
    assert GuidePage.objects.live().count() == 3
    assert NewsPage.objects.live().count() == 3
    events = EventPage.objects.live()
    assert events.count() == 4
    assert events.filter(voivodeship__teryt="30").count() == 4
    coming = upcoming_events()
    assert coming.filter(online=False).count() == 2
    assert coming.filter(online=True).count() == 1
    assert events.filter(start__lt=timezone.now()).count() == 1
    # Every guide has its English version.
    assert all(guide.title_en and guide.body_en for guide in GuidePage.objects.all())


def test_saving_an_approved_centre_in_the_admin_opens_its_section_only_for_publishers():
    owes = OrganisationFactory(name="OWES Kalisz", kind=Organisation.Kind.OWES)
    cooperative = OrganisationFactory(name="Spółdzielnia", kind=Organisation.Kind.COOPERATIVE)
    waiting = OrganisationFactory(
        name="ROPS niezatwierdzony", kind=Organisation.Kind.REGIONAL_CENTRE, approved=False
    )
    for organisation in (owes, cooperative, waiting):
        apply_organisation_rights(None, organisation)
    assert list(SectionPage.objects.values_list("title", flat=True)) == ["OWES Kalisz"]
    owes.refresh_from_db()
    assert owes.page.specific.__class__ is SectionPage
