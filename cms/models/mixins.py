"""Fields every directory profile shares, each mixin with its own admin panels.

Workshop, cooperative and partner pages compose these; the panels live
beside the fields they edit.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from cms.identifiers import validate_krs, validate_nip, validate_postal_code, validate_regon


class ContactMixin(models.Model):
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)

    contact_panels = [
        MultiFieldPanel(
            [FieldPanel("email"), FieldPanel("phone"), FieldPanel("website")], heading=_("Contact")
        )
    ]

    class Meta:
        abstract = True


class MapPointMixin(models.Model):
    """A point on the map (typed, or filled from the import)."""

    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("For the map, e.g. 52.4064"),
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("For the map, e.g. 16.9252"),
    )

    class Meta:
        abstract = True

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class AddressMixin(MapPointMixin):
    """A postal address, its region, and a map point (typed, or filled from the import)."""

    street = models.CharField(_("street and number"), max_length=120, blank=True)
    postal_code = models.CharField(
        _("postcode"), max_length=6, blank=True, validators=[validate_postal_code]
    )
    city = models.CharField(_("town"), max_length=80, blank=True)
    voivodeship = models.ForeignKey(
        "cms.Voivodeship",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("voivodeship"),
    )
    powiat = models.ForeignKey(
        "cms.Powiat",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("powiat"),
    )

    address_panels = [
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("voivodeship"), FieldPanel("powiat")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Address and map point"),
        )
    ]

    class Meta:
        abstract = True


class IdentifiersMixin(models.Model):
    """Registry numbers, checked where they have a checksum."""

    nip = models.CharField(_("NIP"), max_length=13, blank=True, validators=[validate_nip])
    regon = models.CharField(_("REGON"), max_length=14, blank=True, validators=[validate_regon])
    krs = models.CharField(_("KRS"), max_length=10, blank=True, validators=[validate_krs])

    identifier_panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("nip"), FieldPanel("regon"), FieldPanel("krs")])],
            heading=_("Registry numbers"),
        )
    ]

    class Meta:
        abstract = True


class GalleryImage(Orderable):
    """A photo on any profile page; alternative text is required for screen-reader users."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.CASCADE, related_name="+", verbose_name=_("image")
    )
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")


GALLERY_PANELS = [InlinePanel("gallery_images", heading=_("Photos"), label=_("Photo"))]
