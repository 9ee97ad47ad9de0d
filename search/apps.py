from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The matching engine: Elasticsearch documents, analysis, queries and index sync."""

    name = "search"
    verbose_name = _("Matching")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms import listing
        from search import signals
        from search.directory import listing_word_search

        signals.connect()
        # The listings' word filter reads words as the matcher does (one engine behind
        # every search box); cms.listing cannot import the engine, so it is handed in.
        listing.use_word_search(listing_word_search)
