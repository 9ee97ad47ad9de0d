"""Voivodeships and powiats with their TERYT codes: the regions every profile sits in."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

# The 16 voivodeships and their TERYT codes (seeded by migration 0003).
VOIVODESHIPS = {
    "02": "dolnośląskie",
    "04": "kujawsko-pomorskie",
    "06": "lubelskie",
    "08": "lubuskie",
    "10": "łódzkie",
    "12": "małopolskie",
    "14": "mazowieckie",
    "16": "opolskie",
    "18": "podkarpackie",
    "20": "podlaskie",
    "22": "pomorskie",
    "24": "śląskie",
    "26": "świętokrzyskie",
    "28": "warmińsko-mazurskie",
    "30": "wielkopolskie",
    "32": "zachodniopomorskie",
}


def voivodeship_key(value: str) -> str:
    """How ``value`` names a voivodeship, made comparable: its two-digit TERYT code, or its
    lower-case name without the word "województwo" ("Województwo Łódzkie" → "łódzkie")."""
    value = (value or "").strip().lower().removeprefix("województwo ").strip()
    return value.zfill(2) if value.isdigit() else value


class Voivodeship(index.Indexed, models.Model):
    teryt = models.CharField(_("TERYT code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=40, unique=True)

    panels = [FieldPanel("teryt"), FieldPanel("name")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("voivodeship")
        verbose_name_plural = _("voivodeships")

    def __str__(self) -> str:
        return self.name

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        """(TERYT code, name) pairs, for filter forms."""
        return [(voivodeship.teryt, voivodeship.name) for voivodeship in cls.objects.all()]


class Powiat(index.Indexed, models.Model):
    """A county; added when a profile needs one (the TERYT code may be filled later)."""

    voivodeship = models.ForeignKey(
        Voivodeship, on_delete=models.PROTECT, related_name="powiats", verbose_name=_("voivodeship")
    )
    name = models.CharField(_("name"), max_length=60)
    teryt = models.CharField(_("TERYT code"), max_length=4, blank=True)

    panels = [FieldPanel("voivodeship"), FieldPanel("name"), FieldPanel("teryt")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["voivodeship__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["voivodeship", "name"], name="unique_powiat_name")
        ]
        verbose_name = _("powiat")
        verbose_name_plural = _("powiats")

    def __str__(self) -> str:
        return f"{self.name} ({self.voivodeship})"
