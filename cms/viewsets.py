"""Regions, organisations and memberships in the Wagtail admin (grouped under Directory)."""

from wagtail.snippets.views.snippets import SnippetViewSet

from cms.models import Membership, Organisation, Powiat, Voivodeship


class VoivodeshipViewSet(SnippetViewSet):
    model = Voivodeship
    icon = "site"
    list_display = ["name", "teryt"]


class PowiatViewSet(SnippetViewSet):
    model = Powiat
    icon = "site"
    list_display = ["name", "voivodeship", "teryt"]
    list_filter = ["voivodeship"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "kind", "voivodeship", "approved"]
    list_filter = ["kind", "approved"]
    search_fields = ["name"]


class MembershipViewSet(SnippetViewSet):
    model = Membership
    icon = "user"
    list_display = ["user", "organisation", "role", "status"]
    list_filter = ["status", "role"]
