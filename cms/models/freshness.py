"""How fresh a directory profile is: when it was last confirmed, and when its owners were asked.

Buyers distrust stale listings. A profile counts from the day a person last
confirmed it (``verified_on``); one nobody has confirmed yet counts from the
day it was last published. A year later its members are asked whether it is
still right (:mod:`cms.freshness` sends the reminders and records them
here); after eighteen months it is *stale*: marked so on its page, ranked
lower by the matcher and listed for its regional centre to chase.

The ages are calendar months, not days: a profile confirmed on 31 August is
a year old on 31 August, and six months old on the last day of February.
"""

import calendar
import datetime as dt

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A profile is due for a reminder when it was confirmed this many months ago or earlier …
REMIND_AFTER_MONTHS = 12
# … and is stale when it was confirmed longer ago than this.
STALE_AFTER_MONTHS = 18
# Its members are reminded at most once in this many days.
REMIND_AGAIN_AFTER_DAYS = 30


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day of the month ``months`` earlier, or that month's last day when it is shorter."""
    month_index = day.year * 12 + day.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def is_stale(verified_since: dt.date | None, today: dt.date) -> bool:
    """Confirmed (or, never confirmed, published) more than eighteen months before ``today``?"""
    return verified_since is not None and verified_since < months_before(today, STALE_AFTER_MONTHS)


class FreshnessMixin:
    """What a profile page says about its own freshness (no fields: ``verified_on`` stays on
    :class:`~cms.models.pages.ProfilePage`, the publish date is Wagtail's)."""

    @property
    def verified_since(self) -> dt.date | None:
        """The day the profile was last confirmed, or else last published."""
        if self.verified_on:
            return self.verified_on
        if self.last_published_at:
            return timezone.localdate(self.last_published_at)
        return None

    @property
    def stale(self) -> bool:
        return is_stale(self.verified_since, timezone.localdate())


class FreshnessReminder(models.Model):
    """One "is your profile still right?" reminder sent to the members of a profile.

    The newest row of a profile says when its members were last asked, so a
    profile is reminded again a month later at the earliest, however often the
    daily job runs; a second run the same day finds the day's row and sends
    nothing (the unique pair also stops two workers racing).
    """

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="freshness_reminders",
        verbose_name=_("profile page"),
    )
    sent_on = models.DateField(_("sent on"))
    # What the profile's date was when the reminder went out (for the history of a profile).
    verified_since = models.DateField(_("confirmed or published on"), null=True, blank=True)
    recipients = models.PositiveIntegerField(_("people reminded"), default=0)

    class Meta:
        verbose_name = _("freshness reminder")
        verbose_name_plural = _("freshness reminders")
        ordering = ["-sent_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["page", "sent_on"], name="one_reminder_a_day")
        ]

    def __str__(self) -> str:
        return f"{self.page_id} · {self.sent_on}"
