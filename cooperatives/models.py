"""Social cooperatives: their profile pages and the vocabularies matching relies on."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.models import GALLERY_PANELS, IdentifiersMixin
from cms.models.pages import DirectoryIndexPage, ProfilePage


class BilingualLabelMixin(models.Model):
    """A code with a Polish and an English label; ``label`` follows the active language."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    label_pl = models.CharField(_("Polish label"), max_length=120)
    label_en = models.CharField(_("English label"), max_length=120)

    class Meta:
        abstract = True
        ordering = ["label_pl"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.label_en if (get_language() or "pl").startswith("en") else self.label_pl

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        """(code, label) pairs in the active language, for filter forms."""
        return [(item.code, item.label) for item in cls.objects.all()]

    @classmethod
    def known(cls, codes: list[str]) -> list[str]:
        """``codes`` when each exists; else a ValueError naming the ones that do not (for API
        parameter validation: the message is the 400's)."""
        found = set(cls.objects.filter(code__in=codes).values_list("code", flat=True))
        unknown = sorted(set(codes) - found)
        if unknown:
            plural = "s" if len(unknown) > 1 else ""
            raise ValueError(f"unknown code{plural}: {', '.join(unknown)}")
        return codes


class Capability(index.Indexed, BilingualLabelMixin):
    """Something a cooperative or workshop can do for a company (sewing, catering, …)."""

    synonyms = models.TextField(
        _("synonyms"),
        blank=True,
        help_text=_("Other words companies use for this, one per line, in Polish or English."),
    )

    panels = [
        FieldPanel("code"),
        FieldPanel("label_pl"),
        FieldPanel("label_en"),
        FieldPanel("synonyms"),
    ]
    search_fields = [index.SearchField("label_pl"), index.SearchField("label_en")]

    class Meta(BilingualLabelMixin.Meta):
        verbose_name = _("capability")
        verbose_name_plural = _("capabilities")

    def synonym_list(self) -> list[str]:
        return [line.strip() for line in self.synonyms.splitlines() if line.strip()]


class Certification(index.Indexed, BilingualLabelMixin):
    """A kind of certificate or quality mark (HACCP, Zakup Prospołeczny, …)."""

    issuer = models.CharField(_("usual issuer"), max_length=120, blank=True)

    panels = [
        FieldPanel("code"),
        FieldPanel("label_pl"),
        FieldPanel("label_en"),
        FieldPanel("issuer"),
    ]
    search_fields = [index.SearchField("label_pl"), index.SearchField("label_en")]

    class Meta(BilingualLabelMixin.Meta):
        verbose_name = _("certificate type")
        verbose_name_plural = _("certificate types")


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
    accepts_orders = models.BooleanField(_("accepts orders"), default=True)
    workshops = ParentalManyToManyField(
        "workshops.WorkshopPage",
        blank=True,
        related_name="cooperatives",
        verbose_name=_("founding or partner workshops (WTZ)"),
    )

    schema_type = "Organization"

    content_panels = [
        *Page.content_panels,
        *ProfilePage.profile_panels,
        MultiFieldPanel(
            [
                FieldPanel("capabilities", widget=forms.CheckboxSelectMultiple),
                FieldPanel("accepts_orders"),
                FieldPanel("capacity_note"),
                FieldRowPanel([FieldPanel("service_radius_km"), FieldPanel("founded")]),
                FieldRowPanel(
                    [FieldPanel("employees_total"), FieldPanel("employees_with_disabilities")]
                ),
            ],
            heading=_("Work and capacity"),
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
