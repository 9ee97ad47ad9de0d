"""The conversation between a company and a cooperative about one need.

A company shortlists cooperatives and asks them (an inquiry, or a request for
quotes to several at once); a cooperative may also offer itself for a need.
Each message is written by one of the two sides, which is what "unread" counts
against: a reader has not seen what the other side wrote since they last opened
the inquiry (:class:`InquiryReading`).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from partners.models.needs import Need


class Side(models.TextChoices):
    """The two parties of an inquiry."""

    COMPANY = "company", _("company")
    COOPERATIVE = "cooperative", _("cooperative")


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
    """A company and a cooperative talking about a need; both sides write and see the status.

    ``agreed`` is the inquiry whose quote the company accepted (it has an order);
    ``not_chosen`` the others once that happened.
    """

    class Status(models.TextChoices):
        NEW = "new", _("new")
        IN_TALKS = "in_talks", _("in talks")
        QUOTED = "quoted", _("quote sent")
        AGREED = "agreed", _("agreed")
        DECLINED = "declined", _("declined")
        NOT_CHOSEN = "not_chosen", _("quote not chosen")

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
    started_by = models.CharField(
        _("started by"), max_length=12, choices=Side.choices, default=Side.COMPANY
    )
    requests_quote = models.BooleanField(_("asks for a quote"), default=False)
    message = models.TextField(_("message"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True)
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

    @property
    def decided(self) -> bool:
        """The company has chosen (this one or another): nothing more to quote or decline."""
        return self.status in {self.Status.AGREED, self.Status.NOT_CHOSEN}


class InquiryReply(models.Model):
    """A message in an inquiry after the first one, from either side."""

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    side = models.CharField(max_length=12, choices=Side.choices, default=Side.COMPANY)
    message = models.TextField(_("message"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.author}: {self.message[:40]}"


class InquiryReading(models.Model):
    """When a person last opened an inquiry: what the other side wrote after it is unread."""

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="readings")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["inquiry", "user"], name="one_reading_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.user} read {self.inquiry} at {self.read_at:%Y-%m-%d %H:%M}"


class ContactPerson(models.Model):
    """How the other side reaches a person who writes in inquiries: their name and phone.

    Asked once on the first message and kept, so every message a person writes
    is signed the same way; the e-mail is the account's own.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contact_person"
    )
    name = models.CharField(_("your name"), max_length=120, blank=True)
    phone = models.CharField(_("your phone"), max_length=40, blank=True)

    def __str__(self) -> str:
        return self.name or str(self.user)
