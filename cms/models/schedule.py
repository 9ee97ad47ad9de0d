"""When each scheduled job last ran and runs next: one row per job, shared by every worker.

django-tasks queues work but has no clock. The workers (``manage.py worker``)
look here every minute; the one that locks a due job's row enqueues it and
moves its next run on, in one transaction, so a daily job is enqueued once a
day however many workers run (:mod:`cms.schedule`).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ScheduledRun(models.Model):
    name = models.CharField(_("job"), max_length=100, unique=True)
    last_run = models.DateTimeField(_("last run"), null=True, blank=True)
    next_run = models.DateTimeField(_("next run"))

    class Meta:
        verbose_name = _("scheduled job")
        verbose_name_plural = _("scheduled jobs")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} (next: {self.next_run:%Y-%m-%d %H:%M})"
