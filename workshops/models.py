"""Occupational therapy workshops (WTZ): their profile pages."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from cms.identifiers import validate_nip
from cms.models import GALLERY_PANELS, IdentifiersMixin
from cms.models.pages import DirectoryIndexPage, ProfilePage


class WorkshopIndexPage(DirectoryIndexPage):
    """The public list of workshops, with filters."""

    subpage_types = ["workshops.WorkshopPage"]
    profile_kind = "workshop"
    template = "cms/directory_index_page.html"

    class Meta:
        verbose_name = _("workshop directory")


class WorkshopPage(IdentifiersMixin, ProfilePage):
    """A WTZ's public profile.

    A WTZ is not a business and cannot invoice: orders go through its
    operator (a foundation, association or local government unit) or the
    cooperative beside it, so the profile says who invoices.
    """

    operator = models.CharField(
        _("operator"),
        max_length=200,
        blank=True,
        help_text=_("The organisation that runs the WTZ."),
    )
    operator_nip = models.CharField(
        _("operator's NIP"), max_length=13, blank=True, validators=[validate_nip]
    )
    ordering_note = models.TextField(
        _("how to order"),
        blank=True,
        help_text=_("Which legal entity takes the order and issues the invoice."),
    )
    participants = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    activity_areas = ParentalManyToManyField(
        "cooperatives.Capability",
        blank=True,
        related_name="workshops",
        verbose_name=_("workshop areas"),
    )

    content_panels = [
        *Page.content_panels,
        *ProfilePage.profile_panels,
        MultiFieldPanel(
            [
                FieldPanel("operator"),
                FieldPanel("operator_nip"),
                FieldPanel("ordering_note"),
                FieldPanel("participants"),
                FieldPanel("activity_areas", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Workshop"),
        ),
        *IdentifiersMixin.identifier_panels,
        *ProfilePage.contact_panels,
        *ProfilePage.address_panels,
        *GALLERY_PANELS,
    ]
    parent_page_types = ["workshops.WorkshopIndexPage"]
    template = "workshops/workshop_page.html"

    class Meta:
        verbose_name = _("workshop (WTZ)")
        verbose_name_plural = _("workshops (WTZ)")

    def listed_cooperatives(self):
        return self.listed_links("cooperatives")
