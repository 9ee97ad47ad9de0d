"""The kinds of directory profile — workshop, cooperative, partner — in one registry.

Everything that treats the three kinds alike reads them from here: the
import and export, the page created for a newly approved organisation, the
search documents and their sync signals, the map's layers and the regional
dashboard. Models are named by their labels and resolved when asked for, so
this ground-floor module imports no catalogue app.

A kind's ``code`` is the word of the public contracts (the import format's
``type``, the GeoJSON ``kind``, the search index). An organisation that owns
such a profile has its own word for its kind: a company (``company``) owns
a partner profile.
"""

from dataclasses import dataclass

from django.apps import apps
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class ProfileKind:
    code: str
    organisation_kind: str
    page_model_label: str
    index_model_label: str
    # The listing page created under the home page the first time it is needed.
    index_title: str
    index_slug: str
    # The many-to-many field of kinds of work ("" when the profile has none).
    capability_field: str
    map_label: Promise
    map_colour: str
    map_letter: str

    @property
    def page_model(self):
        return apps.get_model(self.page_model_label)

    @property
    def index_model(self):
        return apps.get_model(self.index_model_label)


WORKSHOP = ProfileKind(
    code="workshop",
    organisation_kind="workshop",
    page_model_label="workshops.WorkshopPage",
    index_model_label="workshops.WorkshopIndexPage",
    index_title="Warsztaty terapii zajęciowej",
    index_slug="warsztaty",
    capability_field="activity_areas",
    map_label=_("Occupational therapy workshops (WTZ)"),
    map_colour="#6a2c91",
    map_letter="W",
)
COOPERATIVE = ProfileKind(
    code="cooperative",
    organisation_kind="cooperative",
    page_model_label="cooperatives.CooperativePage",
    index_model_label="cooperatives.CooperativeIndexPage",
    index_title="Spółdzielnie socjalne",
    index_slug="spoldzielnie",
    capability_field="capabilities",
    map_label=_("Social cooperatives"),
    map_colour="#0b5a3c",
    map_letter="S",
)
PARTNER = ProfileKind(
    code="partner",
    organisation_kind="company",
    page_model_label="partners.PartnerPage",
    index_model_label="partners.PartnerIndexPage",
    index_title="Partnerzy biznesowi",
    index_slug="partnerzy",
    capability_field="",
    map_label=_("Companies"),
    map_colour="#1d4f91",
    map_letter="F",
)

# In the order the directory lists them everywhere (import, export, map legend).
PROFILE_KINDS: dict[str, ProfileKind] = {
    kind.code: kind for kind in (WORKSHOP, COOPERATIVE, PARTNER)
}


def profile_kind(code: str) -> ProfileKind:
    """The kind called ``code`` (KeyError for anything else)."""
    return PROFILE_KINDS[code]


def kind_of_organisation(organisation_kind: str) -> ProfileKind | None:
    """The profile kind an organisation of ``organisation_kind`` owns (None: it owns none)."""
    for kind in PROFILE_KINDS.values():
        if kind.organisation_kind == organisation_kind:
            return kind
    return None


def kind_of_model(model) -> ProfileKind | None:
    """The profile kind whose page model is ``model`` (or a subclass's); None for others."""
    for kind in PROFILE_KINDS.values():
        if issubclass(model, kind.page_model):
            return kind
    return None
