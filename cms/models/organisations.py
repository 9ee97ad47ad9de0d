"""Organisations, their members and invitations.

A person (an allauth user) belongs to organisations through memberships.
A membership starts as an invitation accepted or a request approved; only
an active membership gives rights. Workshop and cooperative members edit
their organisation's own pages; company members never edit pages; members
of a regional centre moderate the profiles of their voivodeship.
"""

import secrets

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from cms.models.mixins import IdentifiersMixin


class Organisation(IdentifiersMixin, models.Model):
    class Kind(models.TextChoices):
        WORKSHOP = "workshop", _("occupational therapy workshop (WTZ)")
        COOPERATIVE = "cooperative", _("social cooperative")
        COMPANY = "company", _("company")
        REGIONAL_CENTRE = "regional_centre", _("regional centre (ROPS)")
        OWES = "owes", _("social economy support centre (OWES)")

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    voivodeship = models.ForeignKey(
        "cms.Voivodeship",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("voivodeship"),
        help_text=_("For a regional centre: the voivodeship it moderates."),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("profile page"),
        help_text=_("The page (and everything below it) its members may edit."),
    )
    approved = models.BooleanField(
        _("approved"), default=False, help_text=_("Members get their rights only once approved.")
    )
    editors_group = models.OneToOneField(
        Group, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("voivodeship"),
        *IdentifiersMixin.identifier_panels,
        FieldPanel("page"),
        FieldPanel("approved"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    @property
    def edits_pages(self) -> bool:
        return self.kind in (self.Kind.WORKSHOP, self.Kind.COOPERATIVE)


class Membership(models.Model):
    class Role(models.TextChoices):
        MEMBER = "member", _("member")
        MANAGER = "manager", _("manager (can invite)")

    class Status(models.TextChoices):
        REQUESTED = "requested", _("asked to join")
        ACTIVE = "active", _("active")
        REJECTED = "rejected", _("rejected")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED
    )
    message = models.TextField(_("message"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="one_membership_each")
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        return f"{self.user} @ {self.organisation} ({self.status})"


def _invitation_token() -> str:
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    """An e-mailed invitation to join an organisation; the link works once, for that address."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail"))
    role = models.CharField(
        _("role"), max_length=10, choices=Membership.Role.choices, default=Membership.Role.MEMBER
    )
    token = models.CharField(max_length=64, unique=True, default=_invitation_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)

    VALID_DAYS = 14

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"

    @property
    def expired(self) -> bool:
        return timezone.now() - self.created_at > timezone.timedelta(days=self.VALID_DAYS)
