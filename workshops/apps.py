from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    """Occupational therapy workshops (WTZ): their pages and views."""

    name = "workshops"
    verbose_name = _("Occupational therapy workshops")
