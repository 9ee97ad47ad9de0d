"""Company pages: the public list of business partners and each company's profile."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Page

from cms.identifiers import validate_nip
from cms.models import GALLERY_PANELS
from cms.models.pages import DirectoryIndexPage, ProfilePage


class PartnerIndexPage(DirectoryIndexPage):
    """The public list of business partners."""

    subpage_types = ["partners.PartnerPage"]
    profile_kind = "partner"
    template = "cms/directory_index_page.html"

    class Meta:
        verbose_name = _("partner directory")


class PartnerPage(ProfilePage):
    """A company that gives work to cooperatives."""

    nip = models.CharField(_("NIP"), max_length=13, blank=True, validators=[validate_nip])
    sector = models.CharField(_("sector"), max_length=120, blank=True)

    content_panels = [
        *Page.content_panels,
        *ProfilePage.profile_panels,
        FieldRowPanel([FieldPanel("nip"), FieldPanel("sector")]),
        *ProfilePage.contact_panels,
        *ProfilePage.address_panels,
        *GALLERY_PANELS,
    ]
    parent_page_types = ["partners.PartnerIndexPage"]
    template = "partners/partner_page.html"

    class Meta:
        verbose_name = _("business partner")
        verbose_name_plural = _("business partners")
