"""Brokered help: a company asks its regional centre to find cooperatives for a need, the
centre recommends some, and every contact between them is written down on the need.

Regional centres and OWES shortlist suppliers for buyers by hand today; these
records let them do it with the matcher's help and let the dashboard measure it
(requests received, days to the first recommendation, needs that ended in an order).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.models.needs import Need


class BrokeredRequest(models.Model):
    """A company's request to the regional centre of its need's voivodeship for help.

    One request per need is open at a time; it is answered by the first
    recommendation the centre sends, after which the company may ask again.
    ``voivodeship`` is the centre asked, kept as it was on the day: a need
    moved later stays counted where it was asked.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("waiting for the regional centre")
        ANSWERED = "answered", _("answered")

    need = models.ForeignKey(
        Need, on_delete=models.CASCADE, related_name="brokered_requests", verbose_name=_("need")
    )
    voivodeship = models.ForeignKey(
        "cms.Voivodeship", on_delete=models.PROTECT, related_name="+", verbose_name=_("region")
    )
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(_("asked at"), default=timezone.now)
    # When the first recommendation answering it was sent.
    answered_at = models.DateTimeField(_("first recommendation at"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("request for help")
        verbose_name_plural = _("requests for help")
        constraints = [
            models.UniqueConstraint(
                fields=["need"],
                condition=Q(status="open"),
                name="one_open_brokered_request_per_need",
            )
        ]

    def __str__(self) -> str:
        return f"{self.need} → {self.voivodeship}"


class Recommendation(models.Model):
    """Cooperatives a regional centre recommends for a need, with a note.

    Composed first (``sent_at`` empty: one draft per need, shared by the
    centre's officers) and then sent, after which it no longer changes.
    """

    need = models.ForeignKey(
        Need, on_delete=models.CASCADE, related_name="recommendations", verbose_name=_("need")
    )
    # The request it answers; empty when the centre recommended without being asked.
    request = models.ForeignKey(
        BrokeredRequest,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recommendations",
    )
    cooperatives = models.ManyToManyField(
        "cooperatives.CooperativePage", related_name="+", verbose_name=_("cooperatives")
    )
    note = models.TextField(_("note"), blank=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["sent_at", "pk"]
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        constraints = [
            models.UniqueConstraint(
                fields=["need"], condition=Q(sent_at__isnull=True), name="one_draft_per_need"
            )
        ]

    def __str__(self) -> str:
        return f"{self.need} ({self.sent_at or 'draft'})"


class Contact(models.Model):
    """One line of a need's contact log: who did what, and when.

    Seen by the company and the regional centre of the need, nobody else.
    """

    class Kind(models.TextChoices):
        REQUEST = "request", _("request for help")
        RECOMMENDATION = "recommendation", _("recommendation sent")
        SHORTLISTED = "shortlisted", _("shortlisted from the recommendation")
        NOTE = "note", _("note")

    class Side(models.TextChoices):
        COMPANY = "company", _("company")
        CENTRE = "centre", _("regional centre")

    need = models.ForeignKey(Need, on_delete=models.CASCADE, related_name="contacts")
    kind = models.CharField(_("what"), max_length=20, choices=Kind.choices)
    side = models.CharField(_("side"), max_length=10, choices=Side.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("text"), blank=True)
    cooperative = models.ForeignKey(
        "cooperatives.CooperativePage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self) -> str:
        return f"{self.need}: {self.kind} ({self.created_at:%Y-%m-%d})"
