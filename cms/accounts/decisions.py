"""Deciding a registration or a claim: the decision is stamped once, and told to the person
who asked.

:func:`tell_decision` is the one place a decision leaves the site. It is a
notification (:func:`cms.notices.notify`): on the site, and an e-mail through the
site's mail path (in production the queue of :mod:`cms.mail`, written in the same
transaction as the decision, so a decision rolled back sends nothing).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cms.models import Claim, NotificationKind, Registration
from cms.models.joining import JoiningRequest
from cms.notices import notify


def record(item: JoiningRequest, by, approved: bool, reason: str = "") -> JoiningRequest:
    """Stamp the decision on ``item`` (``by`` is None when the site decided by itself, on
    evidence) and tell the person who asked. A refusal must say why: they read it."""
    if not item.pending:
        raise ValidationError(_("This has already been decided."), code="decided")
    reason = (reason or "").strip()
    if not approved and not reason:
        raise ValidationError(
            _("Give the reason for the refusal: the person who asked will read it."),
            code="reason_required",
        )
    item.status = item.Status.APPROVED if approved else item.Status.REFUSED
    item.reason = "" if approved else reason
    item.decided_by = by
    item.decided_at = timezone.now()
    item.save(update_fields=["status", "reason", "decided_by", "decided_at"])
    tell_decision(item)
    return item


def _message(item: JoiningRequest) -> tuple[str, str]:
    approved = item.status == item.Status.APPROVED
    names = {"name": item.subject}
    if isinstance(item, Registration):
        if approved:
            subject = _("Your registration of %(name)s was approved") % names
            body = _(
                "Your registration of %(name)s on Kooperacja was approved. You manage the "
                "organisation now and may invite your colleagues."
            )
        else:
            subject = _("Your registration of %(name)s was refused") % names
            body = _("Your registration of %(name)s on Kooperacja was refused.")
    elif isinstance(item, Claim):
        if approved:
            subject = _("Your claim to the profile of %(name)s was approved") % names
            body = _(
                "Your claim to the profile of %(name)s on Kooperacja was approved: you are a "
                "member of its organisation now."
            )
        else:
            subject = _("Your claim to the profile of %(name)s was refused") % names
            body = _("Your claim to the profile of %(name)s on Kooperacja was refused.")
    else:
        raise TypeError(f"not a joining request: {item!r}")
    lines = [body % names]
    if not approved:
        lines.append(_("The reason given: %(reason)s") % {"reason": item.reason})
    lines.append(
        _("Your organisations: %(link)s")
        % {"link": settings.WAGTAILADMIN_BASE_URL + reverse("my-organisations")}
    )
    return subject, "\n\n".join(lines) + "\n"


def tell_decision(item: JoiningRequest) -> None:
    """Tell the person who asked what was decided, in the language they asked in: on the
    site, and by e-mail unless they turned decisions off."""
    with translation.override(item.language):
        subject, body = _message(item)
        notify([item.person], NotificationKind.DECISION, subject, body, reverse("my-organisations"))
