from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    """Business partners, their outsourcing needs, inquiries and partnerships."""

    name = "partners"
    verbose_name = _("Business partners")
