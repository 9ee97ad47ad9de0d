"""Partnerships: lasting cooperation of a cooperative and a company, often with a WTZ and
local government (the tripartite model of the founding cases)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from cms.models import MapPointMixin
from partners.models.pages import PartnerPage


class PartnershipQuerySet(models.QuerySet):
    def in_region(self, teryt: str):
        """Partnerships in the voivodeship with TERYT code ``teryt`` (``Partnership.region``)."""
        return self.filter(**{f"{Partnership.REGION_THROUGH}voivodeship__teryt": teryt})

    def listed(self):
        """Partnerships anyone may see: both the cooperative and the company are listed."""
        cooperatives = self.model._meta.get_field("cooperative").related_model
        return self.filter(
            cooperative__in=cooperatives.objects.listed(),
            partner__in=PartnerPage.objects.listed(),
        )


class Partnership(MapPointMixin, models.Model):
    """A lasting cooperation: a cooperative and a company, often with a WTZ and local government.

    Its map point, when given, is where the work happens; without one the map
    joins the parties' own points.
    """

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        ACTIVE = "active", _("active")
        ENDED = "ended", _("ended")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    cooperative = models.ForeignKey(
        "cooperatives.CooperativePage",
        on_delete=models.CASCADE,
        related_name="partnerships",
        verbose_name=_("cooperative"),
    )
    partner = models.ForeignKey(
        PartnerPage,
        on_delete=models.CASCADE,
        related_name="partnerships",
        verbose_name=_("company"),
    )
    workshops = models.ManyToManyField(
        "workshops.WorkshopPage",
        blank=True,
        related_name="partnerships",
        verbose_name=_("workshops"),
    )
    local_government = models.CharField(_("local government or NGO"), max_length=200, blank=True)
    started = models.DateField(_("started"), null=True, blank=True)
    work = models.TextField(_("work done"), blank=True)
    description = models.TextField(_("description"), blank=True)
    capabilities = models.ManyToManyField(
        "cooperatives.Capability",
        blank=True,
        related_name="partnerships",
        verbose_name=_("kind of work"),
    )
    jobs_created = models.PositiveIntegerField(
        _("jobs for people with disabilities"), null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )

    objects = PartnershipQuerySet.as_manager()

    # A partnership's region is its cooperative's: filters, counts, cards and the map say so.
    REGION_THROUGH = "cooperative__"

    panels = [
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("cooperative"), FieldPanel("partner")]),
        FieldPanel("workshops"),
        FieldPanel("local_government"),
        FieldRowPanel([FieldPanel("started"), FieldPanel("status"), FieldPanel("jobs_created")]),
        FieldPanel("work"),
        FieldPanel("description"),
        FieldPanel("capabilities"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
    ]

    class Meta:
        ordering = ["-started"]
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")

    def __str__(self) -> str:
        return f"{self.cooperative} + {self.partner}"

    @property
    def region(self):
        """The voivodeship the partnership is counted in: its cooperative's."""
        return self.cooperative.voivodeship
