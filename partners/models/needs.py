"""A company's outsourcing need, and its life: open, then fulfilled, withdrawn or expired."""

import datetime as dt

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from partners.models.pages import PartnerPage

# How often a quantity recurs; blank for a one-off amount (interfaces.md, `quantity_per`).
QUANTITY_PERIODS = [("day", _("a day")), ("week", _("a week")), ("month", _("a month"))]


class NeedQuerySet(models.QuerySet):
    def open(self, today: dt.date | None = None):
        """Needs still looking for a cooperative on ``today``: open, and not past their deadline.

        A need whose deadline has passed is expired even before ``expire_needs`` has
        written so, so no list, count or quote treats it as open in between.
        """
        today = today or timezone.localdate()
        return self.filter(status=Need.Status.OPEN).filter(
            Q(deadline__isnull=True) | Q(deadline__gte=today)
        )

    def past_deadline(self, today: dt.date):
        """Open needs whose last day was before ``today``: the ones to expire."""
        return self.filter(status=Need.Status.OPEN, deadline__lt=today)


class Need(index.Indexed, models.Model):
    """A company's outsourcing need: what, how much, where and by when.

    ``closed`` is kept for the directory import (interfaces.md: ``open``/``closed``):
    a need closed without saying why. The company itself closes a need as fulfilled
    or withdrawn; a need past its deadline expires.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        FULFILLED = "fulfilled", _("fulfilled")
        WITHDRAWN = "withdrawn", _("withdrawn")
        EXPIRED = "expired", _("expired")
        CLOSED = "closed", _("closed")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    partner = models.ForeignKey(
        PartnerPage, on_delete=models.CASCADE, related_name="needs", verbose_name=_("company")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    capabilities = models.ManyToManyField(
        "cooperatives.Capability", blank=True, related_name="needs", verbose_name=_("kind of work")
    )
    quantity = models.CharField(_("quantity"), max_length=120, blank=True)
    quantity_value = models.DecimalField(
        _("amount"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    quantity_unit = models.CharField(
        _("unit"), max_length=20, blank=True, help_text=_("For example szt., kg, m², meals.")
    )
    quantity_per = models.CharField(
        _("how often"), max_length=5, blank=True, choices=QUANTITY_PERIODS
    )
    street = models.CharField(_("street and number"), max_length=120, blank=True)
    postal_code = models.CharField(_("postcode"), max_length=6, blank=True)
    city = models.CharField(_("town"), max_length=80, blank=True)
    voivodeship = models.ForeignKey(
        "cms.Voivodeship", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    required_certifications = models.ManyToManyField(
        "cooperatives.Certification",
        blank=True,
        related_name="needs",
        verbose_name=_("required certificates"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = NeedQuerySet.as_manager()

    panels = [
        FieldPanel("partner"),
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("capabilities"),
        FieldRowPanel([FieldPanel("quantity"), FieldPanel("deadline"), FieldPanel("status")]),
        FieldRowPanel(
            [FieldPanel("quantity_value"), FieldPanel("quantity_unit"), FieldPanel("quantity_per")]
        ),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
                FieldPanel("voivodeship"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Where"),
        ),
        FieldPanel("required_certifications"),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("description")]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("outsourcing need")
        verbose_name_plural = _("outsourcing needs")

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        """Still looking for a cooperative today (the rule of :meth:`NeedQuerySet.open`)."""
        return self.status == self.Status.OPEN and (
            self.deadline is None or self.deadline >= timezone.localdate()
        )

    @property
    def measured_quantity(self) -> str:
        """The parsed quantity in words, e.g. "400 posiłków a day"; empty when not given."""
        if self.quantity_value is None:
            return ""
        amount = f"{self.quantity_value.normalize():f}"
        text = f"{amount} {self.quantity_unit}".strip()
        return f"{text} {self.get_quantity_per_display()}" if self.quantity_per else text
