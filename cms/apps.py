from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    """Site-wide pages, templates, accounts glue and the development services."""

    name = "cms"
    verbose_name = _("Site")
