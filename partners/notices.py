"""What the company journey tells people by e-mail: one function per event.

Each function decides who hears about the event and what they read, and sends
it after the change commits (a rolled-back change tells nobody). E-mail goes
through Django's mail, which in production is the queue of :mod:`cms.mail`.
Keeping every notice here is what lets the events later go to on-site
notifications or the task queue as well, by changing this module alone.
"""

from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from cms.models import Membership, Organisation
from partners.models import Inquiry, Order, Quote


def _members(page, kind: str) -> list[str]:
    """The e-mail addresses of the people behind a profile: its active members and its own."""
    members = Membership.objects.filter(
        organisation__page=page,
        organisation__kind=kind,
        organisation__approved=True,
        status=Membership.Status.ACTIVE,
    ).values_list("user__email", flat=True)
    return sorted({*members, *([page.email] if page.email else [])})


def cooperative_addresses(cooperative) -> list[str]:
    return _members(cooperative, Organisation.Kind.COOPERATIVE)


def company_addresses(partner) -> list[str]:
    return _members(partner, Organisation.Kind.COMPANY)


def _link(inquiry: Inquiry, request) -> str:
    link = reverse("inquiry", args=[inquiry.pk])
    return request.build_absolute_uri(link) if request is not None else link


def _send(subject: str, body: str, recipients: list[str]) -> None:
    if recipients:
        transaction.on_commit(lambda: send_mail(subject, body, None, recipients))


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
    _send(subject, body, cooperative_addresses(inquiry.cooperative))


def offer_received(inquiry: Inquiry, request=None) -> None:
    """A cooperative offered itself for a company's need."""
    names = {"cooperative": inquiry.cooperative.title, "need": inquiry.need.title}
    _send(
        _("%(cooperative)s offers to do: %(need)s") % names,
        _("%(cooperative)s offers to do: %(need)s\n\n%(message)s\n\nAnswer here: %(link)s\n")
        % {**names, "message": inquiry.message, "link": _link(inquiry, request)},
        company_addresses(inquiry.need.partner),
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
        company_addresses(inquiry.need.partner),
    )


def inquiry_declined(inquiry: Inquiry, request=None) -> None:
    """A cooperative declined, with its reason."""
    names = {"cooperative": inquiry.cooperative.title, "need": inquiry.need.title}
    _send(
        _("%(cooperative)s declined: %(need)s") % names,
        _("%(cooperative)s cannot take on: %(need)s\n\n%(reason)s\n\n%(link)s\n")
        % {**names, "reason": inquiry.decline_reason, "link": _link(inquiry, request)},
        company_addresses(inquiry.need.partner),
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
        cooperative_addresses(order.cooperative),
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
        cooperative_addresses(inquiry.cooperative),
    )
