"""Business partners, their outsourcing needs, and partnerships with cooperatives."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import NoReverseMatch, resolve, reverse
from django.utils.crypto import get_random_string
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from cms.identifiers import validate_nip
from cms.models import GALLERY_PANELS, MapPointMixin
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


# The page (URL name in partners/urls.py) of each kind of record whose slug is in its address.
SLUG_PAGES = {"need": "need-matches", "partnership": "partnership"}


def leads_to_its_page(model, slug: str) -> bool:
    """Whether the address a ``model`` record with ``slug`` gets reaches its own page.

    A need called "new" would get /needs/new/, which is the form for a new
    need: the URL patterns themselves say which slugs are fixed routes, so a
    route added beside the page later is avoided too.
    """
    page = SLUG_PAGES.get(model._meta.model_name)
    if page is None:
        return True
    try:
        return resolve(reverse(page, kwargs={"slug": slug})).url_name == page
    except NoReverseMatch:
        return False


def free_slug(model, text: str, fallback: str) -> str:
    """A slug for a new ``model`` record (a need, a partnership) made from ``text``, or from
    ``fallback`` when ``text`` has no letters; a random ending makes it unique when taken,
    or when the address would lead to a fixed route instead (see :func:`leads_to_its_page`)."""
    base = slugify(text)[:100] or fallback
    slug = base
    while model.objects.filter(slug=slug).exists() or not leads_to_its_page(model, slug):
        slug = f"{base}-{get_random_string(5).lower()}"
    return slug


class Need(index.Indexed, models.Model):
    """A company's outsourcing need: what, how much, where and by when."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
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
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("partner"),
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("capabilities"),
        FieldRowPanel([FieldPanel("quantity"), FieldPanel("deadline"), FieldPanel("status")]),
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


class Shortlist(models.Model):
    """A cooperative a company put aside for one of its needs."""

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="shortlist")
    cooperative = models.ForeignKey(
        "cooperatives.CooperativePage", on_delete=models.CASCADE, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["need", "cooperative"], name="shortlisted_once")
        ]

    def __str__(self) -> str:
        return f"{self.need} ☆ {self.cooperative}"


class Inquiry(models.Model):
    """A company asking a cooperative about a need; both sides write replies and see the status."""

    class Status(models.TextChoices):
        NEW = "new", _("new")
        IN_TALKS = "in_talks", _("in talks")
        AGREED = "agreed", _("agreed")
        DECLINED = "declined", _("declined")

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="inquiries")
    cooperative = models.ForeignKey(
        "cooperatives.CooperativePage",
        on_delete=models.CASCADE,
        related_name="inquiries",
        verbose_name=_("cooperative"),
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    message = models.TextField(_("message"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(fields=["need", "cooperative"], name="one_inquiry_per_pair")
        ]
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")

    def __str__(self) -> str:
        return f"{self.need} → {self.cooperative}"


class InquiryReply(models.Model):
    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    message = models.TextField(_("message"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.author}: {self.message[:40]}"
