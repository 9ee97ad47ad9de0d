"""The cooperatives' vocabularies in the Wagtail admin (grouped under Directory by cms)."""

from wagtail.snippets.views.snippets import SnippetViewSet

from cooperatives.models import Capability, Certification


class CapabilityViewSet(SnippetViewSet):
    model = Capability
    icon = "tag"
    list_display = ["code", "label_pl", "label_en"]
    search_fields = ["label_pl", "label_en"]
    ordering = ["label_pl"]


class CertificationViewSet(SnippetViewSet):
    model = Certification
    icon = "success"
    list_display = ["code", "label_pl", "label_en", "issuer"]
