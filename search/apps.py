from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _


def register_of_localities_installed(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """The matcher reads villages from the register of localities that ``make`` installs
    from the npm registry; without it every request would fail at its first village."""
    from search.places import villages

    if villages.REGISTER.exists():
        return []
    return [
        checks.Error(
            f"The register of Polish localities is missing: {villages.REGISTER}",
            hint="Run `make demo` or `npm ci` in the project's directory to install it.",
            id="search.E001",
        )
    ]


class SearchConfig(AppConfig):
    """The matching engine: Elasticsearch documents, analysis, queries and index sync."""

    name = "search"
    verbose_name = _("Matching")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms import listing
        from search import signals
        from search.directory import listing_word_search

        checks.register(register_of_localities_installed)
        signals.connect()
        # The listings' word filter reads words as the matcher does (one engine behind
        # every search box); cms.listing cannot import the engine, so it is handed in.
        listing.use_word_search(listing_word_search)
