"""Sections and publications for the tests, made as an editor and a moderator would leave them:
pages below a section, published through a revision."""

from datetime import timedelta

import factory
from django.utils import timezone

from cms.models import Organisation, Voivodeship
from cms.models.publications import EventPage, GuidePage, NewsPage
from cms.publications.sections import open_section
from tests.cms.factories import OrganisationFactory


def section_of(name="ROPS Poznań", teryt="30", kind=Organisation.Kind.REGIONAL_CENTRE):
    """An approved publishing organisation of voivodeship ``teryt`` and its open section."""
    organisation = OrganisationFactory(
        name=name, kind=kind, voivodeship=Voivodeship.objects.get(teryt=teryt)
    )
    return organisation, open_section(organisation)


def publish(section, page, published_at=None, live=True):
    """``page`` added below ``section``; published (first on ``published_at``) unless
    ``live=False``, which leaves a draft."""
    if published_at:
        page.first_published_at = published_at
    page.live = False
    section.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish(skip_permission_checks=True)
        page.refresh_from_db()
    return page


class NewsPageFactory(factory.Factory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Aktualność {n}")
    slug = factory.Sequence(lambda n: f"aktualnosc-{n}")
    intro = "Krótko o tym, co się wydarzyło."


class GuidePageFactory(factory.Factory):
    class Meta:
        model = GuidePage

    title = factory.Sequence(lambda n: f"Poradnik {n}")
    slug = factory.Sequence(lambda n: f"poradnik-{n}")
    intro = "Jak to zrobić, krok po kroku."


class EventPageFactory(factory.Factory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Spotkanie {n}")
    slug = factory.Sequence(lambda n: f"spotkanie-{n}")
    intro = "Spotkanie informacyjne."
    start = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    end = factory.LazyAttribute(lambda event: event.start + timedelta(hours=2))
    town = "Poznań"
