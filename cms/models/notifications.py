"""What the site tells a person: on-site notifications, and how each kind reaches them by e-mail.

Every notice is a row here, whatever the person chose for e-mail: the list at
``/notifications/`` is the record of what happened to their needs, inquiries
and requests, and "off" means "no e-mail", not "never tell me". How a kind is
e-mailed (at once, in the morning digest, or not at all) is a
:class:`NotificationPreference`; a person without a row for a kind gets its
default (:data:`DEFAULT_DELIVERY`). The rules that write and send them are in
:mod:`cms.notices`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class NotificationKind(models.TextChoices):
    NEW_NEED = "new_need", _("New needs that fit your cooperative")
    REPLY = "reply", _("Replies and quotes on your inquiries")
    STATUS = "status", _("Changes of status of needs, inquiries, quotes and orders")
    NEW_COOPERATIVE = "new_cooperative", _("New cooperatives that fit your open needs")
    DECISION = "decision", _("Decisions on your registrations and claims")


class Delivery(models.TextChoices):
    IMMEDIATELY = "immediately", _("E-mail at once")
    DAILY = "daily", _("One e-mail a day (in the morning)")
    OFF = "off", _("No e-mail (on the site only)")


# New needs can come by the dozen on a busy day: a cooperative reads them once, in the morning.
# Everything else answers something the person did, so it is worth an e-mail at once.
DEFAULT_DELIVERY = {
    NotificationKind.NEW_NEED: Delivery.DAILY,
    NotificationKind.REPLY: Delivery.IMMEDIATELY,
    NotificationKind.STATUS: Delivery.IMMEDIATELY,
    NotificationKind.NEW_COOPERATIVE: Delivery.IMMEDIATELY,
    NotificationKind.DECISION: Delivery.IMMEDIATELY,
}


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """One thing a person was told, with where to look at it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=pgettext_lazy("notification", "person"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=NotificationKind.choices)
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(pgettext_lazy("notification", "text"), blank=True)
    # A path on this site ("/potrzeby/…") or an absolute address of it; opening the
    # notification goes there.
    url = models.CharField(pgettext_lazy("notification", "address"), max_length=500, blank=True)
    created = models.DateTimeField(pgettext_lazy("notification", "created"), default=timezone.now)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)
    # The language title and body were written in: the e-mail around them speaks it too.
    language = models.CharField(max_length=8, default=settings.LANGUAGE_CODE, editable=False)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created", "-pk"]
        indexes = [
            models.Index(fields=["user", "-created"], name="notification_newest"),
            # The header counts unread notifications on every page a signed-in person opens.
            models.Index(
                fields=["user"], condition=Q(read_at__isnull=True), name="notification_unread"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.kind} · {self.title}"

    @property
    def unread(self) -> bool:
        return self.read_at is None


class NotificationPreference(models.Model):
    """How one person wants one kind of notification e-mailed (a row only once they chose)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=pgettext_lazy("notification", "person"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=NotificationKind.choices)
    delivery = models.CharField(_("e-mail"), max_length=12, choices=Delivery.choices)

    class Meta:
        verbose_name = _("notification setting")
        verbose_name_plural = _("notification settings")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.kind}: {self.delivery}"
