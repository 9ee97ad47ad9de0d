"""Social cooperatives' pages: the directory listing and each cooperative's public profile."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.models import GALLERY_PANELS, IdentifiersMixin
from cms.models.pages import DirectoryIndexPage, ProfilePage
from cooperatives.models.capacity import CooperativePageForm, lead_time_sentence
from cooperatives.models.snippets import Capability, Certification

# The longest lead time a profile may state: a year.
MAX_LEAD_TIME_DAYS = 365


class CooperativeIndexPage(DirectoryIndexPage):
    """The public list of cooperatives, with filters."""

    subpage_types = ["cooperatives.CooperativePage"]
    profile_kind = "cooperative"
    template = "cms/directory_index_page.html"

    class Meta:
        verbose_name = _("cooperative directory")


class CooperativePage(IdentifiersMixin, ProfilePage):
    """A social cooperative's public profile: what it does, how much, where, with which marks."""

    capabilities = ParentalManyToManyField(
        Capability, related_name="cooperatives", verbose_name=_("what we do")
    )
    founded = models.DateField(_("founded"), null=True, blank=True)
    service_radius_km = models.PositiveIntegerField(
        _("service radius (km)"),
        null=True,
        blank=True,
        help_text=_("How far from your address you take orders."),
    )
    employees_total = models.PositiveIntegerField(_("employees"), null=True, blank=True)
    employees_with_disabilities = models.PositiveIntegerField(
        _("employees with disabilities"), null=True, blank=True
    )
    capacity_note = models.TextField(
        _("capacity"),
        blank=True,
        help_text=_("Units per week, people, equipment, shifts: what a buyer needs to plan."),
    )
    lead_time_days = models.PositiveSmallIntegerField(
        _("lead time (days)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_LEAD_TIME_DAYS)],
        help_text=_("Days from an order to the first delivery (0 to 365)."),
    )
    accepts_orders = models.BooleanField(_("accepts orders"), default=True)
    workshops = ParentalManyToManyField(
        "workshops.WorkshopPage",
        blank=True,
        related_name="cooperatives",
        verbose_name=_("founding or partner workshops (WTZ)"),
    )

    schema_type = "Organization"
    base_form_class = CooperativePageForm

    content_panels = [
        *Page.content_panels,
        *ProfilePage.profile_panels,
        MultiFieldPanel(
            [
                FieldPanel("capabilities", widget=forms.CheckboxSelectMultiple),
                FieldPanel("accepts_orders"),
                FieldPanel("capacity_note"),
                FieldRowPanel([FieldPanel("lead_time_days"), FieldPanel("service_radius_km")]),
                FieldPanel("founded"),
                FieldRowPanel(
                    [FieldPanel("employees_total"), FieldPanel("employees_with_disabilities")]
                ),
            ],
            heading=_("Work and capacity"),
        ),
        InlinePanel(
            "capacities",
            heading=_("How much you can make"),
            label=_("Capacity"),
            help_text=_(
                "For each kind of work you do: how much you can make in a day, a week or a "
                "month, e.g. 800 pieces a week of sewing or 150 meals a day of catering. "
                "Companies looking for a large amount see whether you can take it on."
            ),
        ),
        InlinePanel(
            "certificates", heading=_("Certificates and quality marks"), label=_("Certificate")
        ),
        FieldPanel("workshops"),
        *IdentifiersMixin.identifier_panels,
        *ProfilePage.contact_panels,
        *ProfilePage.address_panels,
        *GALLERY_PANELS,
    ]
    search_fields = [*ProfilePage.search_fields, index.FilterField("accepts_orders")]
    parent_page_types = ["cooperatives.CooperativeIndexPage"]
    template = "cooperatives/cooperative_page.html"

    class Meta:
        verbose_name = _("cooperative")
        verbose_name_plural = _("cooperatives")

    def clean(self):
        super().clean()
        if (
            self.employees_total is not None
            and self.employees_with_disabilities is not None
            and self.employees_with_disabilities > self.employees_total
        ):
            raise ValidationError(
                {
                    "employees_with_disabilities": _(
                        "This cannot be more than the number of employees."
                    )
                }
            )

    def stated_capacities(self) -> list[dict]:
        """The capacities as the import format writes them, in the editor's order."""
        return [capacity.as_record() for capacity in self.capacities.all()]

    def lead_time(self) -> str:
        """The lead time as a sentence for the profile; empty when it is not stated."""
        return "" if self.lead_time_days is None else lead_time_sentence(self.lead_time_days)

    def listed_workshops(self):
        return self.listed_links("workshops")

    def valid_certificates(self):
        today = timezone.localdate()
        return [
            certificate for certificate in self.certificates.all() if certificate.is_valid(today)
        ]

    def lapsed_certificates(self):
        today = timezone.localdate()
        return [
            certificate
            for certificate in self.certificates.all()
            if not certificate.is_valid(today)
        ]


class CooperativeCertificate(Orderable):
    """A certificate a cooperative holds, with its issuer and dates; shown only while valid."""

    page = ParentalKey(CooperativePage, on_delete=models.CASCADE, related_name="certificates")
    certification = models.ForeignKey(
        Certification, on_delete=models.PROTECT, related_name="+", verbose_name=_("type")
    )
    issuer = models.CharField(_("issued by"), max_length=120, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)

    panels = [
        FieldPanel("certification"),
        FieldPanel("issuer"),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def clean(self):
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": _("The end date is before the start date.")})

    def is_valid(self, today) -> bool:
        return (self.valid_from is None or self.valid_from <= today) and (
            self.valid_until is None or today <= self.valid_until
        )
