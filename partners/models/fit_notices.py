"""Which need and cooperative have been introduced to each other, so no one hears of it twice."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FitNotice(models.Model):
    """One need and one cooperative that fits it, once someone was told of the pair.

    A new need tells the cooperatives it fits (``told`` = cooperative); a newly
    published cooperative tells the companies whose open needs it fits (``told`` =
    company). Either way the pair is introduced once: an edit of the need, a
    republished profile or a second worker running the same job finds the row and
    tells nobody again.
    """

    class Told(models.TextChoices):
        COOPERATIVE = "cooperative", _("the cooperative")
        COMPANY = "company", _("the company")

    need = models.ForeignKey("partners.Need", on_delete=models.CASCADE, related_name="fit_notices")
    cooperative = models.ForeignKey(
        "cooperatives.CooperativePage", on_delete=models.CASCADE, related_name="fit_notices"
    )
    told = models.CharField(_("told"), max_length=12, choices=Told.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["need", "cooperative"], name="fit_notice_once_per_pair")
        ]
        verbose_name = _("fit notice")
        verbose_name_plural = _("fit notices")

    def __str__(self) -> str:
        return f"{self.need_id} ↔ {self.cooperative_id} ({self.told})"
