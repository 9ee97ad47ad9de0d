from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    """Business partners, their outsourcing needs, inquiries and partnerships."""

    name = "partners"
    verbose_name = _("Business partners")

    def ready(self):
        from django.db.models.signals import m2m_changed
        from wagtail.signals import page_published

        from cooperatives.models import CooperativePage
        from partners import fit_notices

        # A cooperative published for the first time, or gaining a kind of work, tells the
        # companies whose open needs it fits (in the background, each pair once).
        page_published.connect(
            fit_notices.cooperative_published,
            sender=CooperativePage,
            dispatch_uid="partners-fit-notices-published",
        )
        m2m_changed.connect(
            fit_notices.cooperative_kinds_added,
            sender=CooperativePage.capabilities.through,
            dispatch_uid="partners-fit-notices-kinds",
        )
