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
from cooperatives.models.reserved import qualifies_for_reserved_contracts, reserved_share
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
    # Art. 94 of the public procurement act: employees from the groups it names (people
    # with disabilities included, who are also counted on their own above), and the day the
    # cooperative stated it, which the profile and the search results show beside the share.
    employees_reserved_groups = models.PositiveIntegerField(
        _("employees from the groups named in art. 94"),
        null=True,
        blank=True,
        help_text=_(
            "People with disabilities, unemployed, homeless, refugees and the other groups the "
            "public procurement act names, people with disabilities included. At least 30% of "
            "the employees lets you take part in contracts reserved under art. 94."
        ),
    )
    employees_reserved_groups_on = models.DateField(
        _("stated on"),
        null=True,
        blank=True,
        help_text=_("The day this number was true. Left empty, today's date is used."),
    )
    # From a WTZ to paid work: the figure the founding report counts (0.38 % nationally).
    workers_from_wtz = models.PositiveIntegerField(
        _("workers who came from a WTZ"),
        null=True,
        blank=True,
        help_text=_("Employees who were participants of an occupational therapy workshop."),
    )
    workers_from_workshops = ParentalManyToManyField(
        "workshops.WorkshopPage",
        blank=True,
        related_name="alumni_cooperatives",
        verbose_name=_("workshops they came from"),
        help_text=_("Optional: which of the workshops you work with they came from."),
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
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("employees_reserved_groups"),
                        FieldPanel("employees_reserved_groups_on"),
                    ]
                ),
                FieldPanel("workers_from_wtz"),
                FieldPanel("workers_from_workshops"),
            ],
            heading=_("Reserved contracts and workers from a WTZ"),
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
        errors = {}
        beyond_total = _("This cannot be more than the number of employees.")
        for name in (
            "employees_with_disabilities",
            "employees_reserved_groups",
            "workers_from_wtz",
        ):
            stated = getattr(self, name)
            if None not in (self.employees_total, stated) and stated > self.employees_total:
                errors[name] = beyond_total
        if (
            "employees_reserved_groups" not in errors
            and self.employees_reserved_groups is not None
            and self.employees_with_disabilities is not None
            and self.employees_reserved_groups < self.employees_with_disabilities
        ):
            errors["employees_reserved_groups"] = _(
                "People with disabilities belong to these groups: this cannot be fewer than "
                "the employees with disabilities."
            )
        if errors:
            raise ValidationError(errors)
        if self.employees_reserved_groups is not None and self.employees_reserved_groups_on is None:
            self.employees_reserved_groups_on = timezone.localdate()

    @property
    def may_take_reserved_contracts(self) -> bool:
        """Whether the stated staff reach art. 94's 30 % (cooperatives.models.reserved)."""
        return qualifies_for_reserved_contracts(
            self.employees_reserved_groups, self.employees_total
        )

    @property
    def reserved_groups_share(self):
        """The share of staff from art. 94's groups in per cent (one decimal), or None."""
        return reserved_share(self.employees_reserved_groups, self.employees_total)

    def reserved_groups_statement(self) -> dict | None:
        """What the profile states for art. 94, in the form the search results carry it
        (search.query.reserved_statement); None when no count from the groups is stated."""
        if self.employees_reserved_groups is None:
            return None
        share = self.reserved_groups_share
        return {
            "employees": self.employees_reserved_groups,
            "employees_total": self.employees_total,
            "share_percent": float(share) if share is not None else None,
            "stated_on": self.employees_reserved_groups_on,
        }

    def listed_workers_from_workshops(self):
        return self.listed_links("workers_from_workshops")

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
