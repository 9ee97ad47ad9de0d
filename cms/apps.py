from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    """Site-wide pages, templates, accounts glue and the development services."""

    name = "cms"
    verbose_name = _("Site")

    def ready(self):
        from cms import freshness, public_cache

        # Kept public figures and map features are forgotten when the directory changes.
        public_cache.watch()
        # Publishing a person's change renews the profile's "verified on". Connected here,
        # before the search app's ready() connects its own receiver, so the index sees it.
        freshness.connect()
