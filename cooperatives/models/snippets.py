"""The snippets matching relies on: kinds of work (capabilities) and kinds of certificate."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


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
    things = models.TextField(
        _("things made"),
        blank=True,
        help_text=_(
            "Names of things this work makes (mugs, tablecloths), one per line. A request "
            "naming them alone asks for this work; named after another kind of work (packing "
            "mugs, a laundry for tablecloths) they are that work's objects."
        ),
    )

    panels = [
        FieldPanel("code"),
        FieldPanel("label_pl"),
        FieldPanel("label_en"),
        FieldPanel("synonyms"),
        FieldPanel("things"),
    ]
    search_fields = [index.SearchField("label_pl"), index.SearchField("label_en")]

    class Meta(BilingualLabelMixin.Meta):
        verbose_name = _("capability")
        verbose_name_plural = _("capabilities")

    def synonym_list(self) -> list[str]:
        return [line.strip() for line in self.synonyms.splitlines() if line.strip()]

    def thing_list(self) -> list[str]:
        return [line.strip() for line in self.things.splitlines() if line.strip()]

    def term_list(self) -> list[str]:
        """Every word for this work a buyer may write: synonyms and things."""
        return self.synonym_list() + self.thing_list()


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
