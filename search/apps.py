from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The matching engine: Elasticsearch documents, analysis, queries and index sync."""

    name = "search"
    verbose_name = _("Matching")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from search import signals

        signals.connect()
