from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperativesConfig(AppConfig):
    """Social cooperatives: their pages and the capability taxonomy."""

    name = "cooperatives"
    verbose_name = _("Social cooperatives")
