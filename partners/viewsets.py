"""Needs and partnerships in the Wagtail admin (grouped under Directory by cms)."""

from wagtail.snippets.views.snippets import SnippetViewSet

from partners.models import Need, Partnership


class NeedViewSet(SnippetViewSet):
    model = Need
    icon = "list-ul"
    list_display = ["title", "partner", "status", "deadline"]
    list_filter = ["status"]


class PartnershipViewSet(SnippetViewSet):
    model = Partnership
    icon = "group"
    list_display = ["slug", "cooperative", "partner", "status", "jobs_created"]
    list_filter = ["status"]
