"""What the company journey tells people by e-mail: one function per event.

Each function decides who hears about the event and what they read, and sends
it after the change commits (a rolled-back change tells nobody). E-mail goes
through Django's mail, which in production is the queue of :mod:`cms.mail`.
Each goes out as a notification (:func:`cms.notices.notify`): on the site, and by
e-mail as each member chose, with an unsubscribe link for its kind; a profile's
own address that is no member's gets the plain e-mail.
"""

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from cms.models import Membership, NotificationKind, Organisation
from cms.notices import SUBJECT_PREFIX, notify
from partners.models import Inquiry, Order, Quote

COOPERATIVE, COMPANY = Organisation.Kind.COOPERATIVE, Organisation.Kind.COMPANY
REPLY, STATUS = NotificationKind.REPLY, NotificationKind.STATUS


def _members(page, kind: str) -> list:
    """The people behind a profile: the active members of its approved organisation."""
    return list(
        get_user_model()
        .objects.filter(
            memberships__organisation__page=page,
            memberships__organisation__kind=kind,
            memberships__organisation__approved=True,
            memberships__status=Membership.Status.ACTIVE,
            is_active=True,
        )
        .distinct()
    )


def _link(inquiry: Inquiry, request) -> str:
    link = reverse("inquiry", args=[inquiry.pk])
    return request.build_absolute_uri(link) if request is not None else link


def _send(subject: str, body: str, page, kind: str, notice: str, inquiry: Inquiry) -> None:
    """After the change commits: a notification (on the site, and by e-mail as each member
    chose) for the members behind ``page``, and a plain e-mail to the profile's own
    address when no member has it."""
    members = _members(page, kind)
    extra = [page.email] if page.email and page.email not in {m.email for m in members} else []

    def deliver():
        notify(members, notice, subject, body, reverse("inquiry", args=[inquiry.pk]))
        if extra:
            send_mail(SUBJECT_PREFIX + subject, body, None, extra)

    transaction.on_commit(deliver)


def inquiry_sent(inquiry: Inquiry, message: str, request=None) -> None:
    """A company asked a cooperative about a need, or for a quote."""
    names = {"company": inquiry.need.partner.title, "need": inquiry.need.title}
    if inquiry.requests_quote:
        subject = _("Request for a quote from %(company)s: %(need)s") % names
        opening = _("%(company)s asks you for a quote for: %(need)s") % names
    else:
        subject = _("New inquiry from %(company)s: %(need)s") % names
        opening = _("%(company)s asks about: %(need)s") % names
    body = _("%(opening)s\n\n%(message)s\n\nReply here: %(link)s\n") % {
        "opening": opening,
        "message": message,
        "link": _link(inquiry, request),
    }
    _send(subject, body, inquiry.cooperative, COOPERATIVE, REPLY, inquiry)


def offer_received(inquiry: Inquiry, request=None) -> None:
    """A cooperative offered itself for a company's need."""
    names = {"cooperative": inquiry.cooperative.title, "need": inquiry.need.title}
    _send(
        _("%(cooperative)s offers to do: %(need)s") % names,
        _("%(cooperative)s offers to do: %(need)s\n\n%(message)s\n\nAnswer here: %(link)s\n")
        % {**names, "message": inquiry.message, "link": _link(inquiry, request)},
        inquiry.need.partner,
        COMPANY,
        REPLY,
        inquiry,
    )


def quote_received(quote: Quote, request=None) -> None:
    """A cooperative sent (or changed) its quote."""
    inquiry = quote.inquiry
    names = {"cooperative": inquiry.cooperative.title, "need": inquiry.need.title}
    _send(
        _("Quote from %(cooperative)s: %(need)s") % names,
        _(
            "%(cooperative)s sent a quote for: %(need)s\n\nCompare the quotes and choose "
            "here: %(link)s\n"
        )
        % {**names, "link": _link(inquiry, request)},
        inquiry.need.partner,
        COMPANY,
        REPLY,
        inquiry,
    )


def inquiry_declined(inquiry: Inquiry, request=None) -> None:
    """A cooperative declined, with its reason."""
    names = {"cooperative": inquiry.cooperative.title, "need": inquiry.need.title}
    _send(
        _("%(cooperative)s declined: %(need)s") % names,
        _("%(cooperative)s cannot take on: %(need)s\n\n%(reason)s\n\n%(link)s\n")
        % {**names, "reason": inquiry.decline_reason, "link": _link(inquiry, request)},
        inquiry.need.partner,
        COMPANY,
        STATUS,
        inquiry,
    )


def quote_accepted(order: Order, inquiry: Inquiry, request=None) -> None:
    """The company accepted the cooperative's quote: an order is placed."""
    names = {"company": order.need.partner.title, "need": order.need.title}
    _send(
        _("Your quote was accepted: %(need)s") % names,
        _(
            "%(company)s accepted your quote for: %(need)s\n\nThe order is placed; the "
            "details are here: %(link)s\n"
        )
        % {**names, "link": _link(inquiry, request)},
        order.cooperative,
        COOPERATIVE,
        STATUS,
        inquiry,
    )


def quote_not_chosen(inquiry: Inquiry, request=None) -> None:
    """The company chose another cooperative for this need."""
    names = {"company": inquiry.need.partner.title, "need": inquiry.need.title}
    _send(
        _("Your quote was not chosen: %(need)s") % names,
        _(
            "%(company)s chose another cooperative for: %(need)s\n\nThank you for your "
            "quote. %(link)s\n"
        )
        % {**names, "link": _link(inquiry, request)},
        inquiry.cooperative,
        COOPERATIVE,
        STATUS,
        inquiry,
    )
