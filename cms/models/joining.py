"""How a person comes to an organisation they have no member of yet: registering a new one,
or claiming a directory profile that was listed without them (by an import, say).

Both wait for a decision by someone with authority over them (an administrator,
the regional centre of their voivodeship, the profile's own organisation) and
keep it, with the reason for a refusal, so the person who asked can read it.
Nothing here gives a right: an approval creates the organisation or the
membership that does (:mod:`cms.accounts.registrations`, :mod:`cms.accounts.claims`).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cms.models.mixins import IdentifiersMixin
from cms.models.organisations import Organisation


class JoiningRequest(models.Model):
    """What a registration and a claim share: the decision and who made it."""

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("decision", "waiting for a decision")
        APPROVED = "approved", pgettext_lazy("decision", "approved")
        REFUSED = "refused", pgettext_lazy("decision", "refused")

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    reason = models.TextField(
        _("reason"), blank=True, help_text=_("Why it was refused; the person who asked reads it.")
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    # The language the person asked in: the decision is e-mailed to them in it.
    language = models.CharField(max_length=8, default=settings.LANGUAGE_CODE, editable=False)
    created_at = models.DateTimeField(_("asked at"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["created_at"]

    @property
    def pending(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def person(self):
        """Who asked, and is told the decision."""
        raise NotImplementedError

    @property
    def subject(self) -> str:
        """The name of the organisation or profile asked for."""
        raise NotImplementedError


class Registration(IdentifiersMixin, JoiningRequest):
    """A new organisation as its registrant described it; the organisation itself is created
    only when the registration is approved, so a refusal leaves nothing behind."""

    registrant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("registered by"),
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Organisation.Kind.choices)
    voivodeship = models.ForeignKey(
        "cms.Voivodeship",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("voivodeship"),
    )
    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registration",
        verbose_name=_("organisation"),
    )

    class Meta(JoiningRequest.Meta):
        verbose_name = _("registration of an organisation")
        verbose_name_plural = _("registrations of organisations")
        # Two people registering the same entity at the same moment: the second is refused
        # by the database if the check before it raced (see registrations.register).
        constraints = [
            models.UniqueConstraint(
                fields=[identifier],
                condition=Q(status="pending") & ~Q(**{identifier: ""}),
                name=f"one_pending_registration_per_{identifier}",
            )
            for identifier in ("nip", "regon", "krs")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()}, {self.get_status_display()})"

    @property
    def person(self):
        return self.registrant

    @property
    def subject(self) -> str:
        return self.name


class Claim(JoiningRequest):
    """A person's claim to a listed directory profile: "this is my organisation"."""

    claimant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="claims",
        verbose_name=_("claimant"),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="claims",
        verbose_name=_("profile"),
    )
    message = models.TextField(_("message"), blank=True)
    # The claimant's verified address on the profile's own domain, when that approved it.
    evidence_email = models.EmailField(_("verified address on the profile's domain"), blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="claims",
        verbose_name=_("organisation"),
    )

    class Meta(JoiningRequest.Meta):
        verbose_name = _("claim of a profile")
        verbose_name_plural = _("claims of profiles")
        constraints = [
            models.UniqueConstraint(
                fields=["claimant", "page"],
                condition=Q(status="pending"),
                name="one_pending_claim_per_profile_and_person",
            )
        ]

    def __str__(self) -> str:
        return f"{self.claimant} → {self.page} ({self.get_status_display()})"

    @property
    def person(self):
        return self.claimant

    @property
    def subject(self) -> str:
        return self.page.title
