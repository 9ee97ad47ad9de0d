"""An inquiry as its two parties read it: who speaks for each side, the thread of messages
and quotes signed the same way, and what is still unread.

Every message is signed with its writer's name and organisation on both sides;
the contact shown for a side is the person of that side who wrote last (their
name, e-mail and phone), or, before anyone of it has written, the public
contact of its profile. "Unread" is what the other side wrote since a person
last opened the inquiry.
"""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, F, OuterRef, Q, Subquery
from django.utils import timezone

from cms.roles import member_page_ids
from partners.models import (
    ContactPerson,
    Inquiry,
    InquiryReading,
    InquiryReply,
    Quote,
    Side,
)
from partners.needs import needs_of

# -- who writes: each side's person, signed the same way everywhere


def contact_of(user) -> ContactPerson:
    """The name and phone ``user`` signs with (blank until they give them)."""
    return ContactPerson.objects.filter(user=user).first() or ContactPerson(user=user)


def keep_contact(user, name: str, phone: str) -> None:
    """Remember the name and phone a person gave with a message, for the next ones."""
    if name or phone:
        ContactPerson.objects.update_or_create(
            user=user, defaults={"name": name.strip(), "phone": phone.strip()}
        )


@dataclass
class Person:
    """Who wrote, as the other side sees them."""

    name: str
    email: str
    phone: str
    organisation: str


@dataclass
class Message:
    """One entry of the thread: the first message, a reply or a quote."""

    written_at: object
    side: str
    person: Person
    text: str
    quote: Quote | None = None
    new: bool = False


@dataclass
class Party:
    """One side of an inquiry: its organisation and the person to contact there."""

    side: str
    organisation: object
    person: Person | None


def _people(user_ids) -> dict:
    return {
        contact.user_id: contact
        for contact in ContactPerson.objects.filter(user_id__in=[u for u in user_ids if u])
    }


def _person(user, side: str, inquiry: Inquiry, contacts: dict) -> Person:
    organisation = inquiry.cooperative if side == Side.COOPERATIVE else inquiry.need.partner
    if user is None:
        return Person("", "", "", organisation.title)
    contact = contacts.get(user.pk)
    name = (contact.name if contact else "") or user.get_full_name() or user.email
    return Person(name, user.email, contact.phone if contact else "", organisation.title)


def thread(inquiry: Inquiry, reader_side: str | None = None, last_read=None) -> list[Message]:
    """Everything written in ``inquiry``, oldest first, each signed by person and organisation;
    what the other side of ``reader_side`` wrote after ``last_read`` (or ever, when the reader
    never opened it) is marked new."""
    replies = list(inquiry.replies.select_related("author"))
    quotes = list(inquiry.quotes.select_related("author"))
    authors = [inquiry.sent_by_id, *(r.author_id for r in replies), *(q.author_id for q in quotes)]
    contacts = _people(authors)
    messages = [
        Message(
            inquiry.created_at,
            inquiry.started_by,
            _person(inquiry.sent_by, inquiry.started_by, inquiry, contacts),
            inquiry.message,
        )
    ]
    messages += [
        Message(r.created_at, r.side, _person(r.author, r.side, inquiry, contacts), r.message)
        for r in replies
    ]
    messages += [
        Message(
            q.created_at,
            Side.COOPERATIVE,
            _person(q.author, Side.COOPERATIVE, inquiry, contacts),
            q.note,
            quote=q,
        )
        for q in quotes
    ]
    for message in messages:
        message.new = (
            reader_side is not None
            and message.side != reader_side
            and (last_read is None or message.written_at > last_read)
        )
    return sorted(messages, key=lambda message: message.written_at)


def parties(inquiry: Inquiry, messages: list[Message]) -> list[Party]:
    """The company and the cooperative, each with the person of theirs who wrote last, or the
    public contact of their profile while nobody of theirs has written."""
    result = []
    for side, page in (
        (Side.COMPANY, inquiry.need.partner),
        (Side.COOPERATIVE, inquiry.cooperative),
    ):
        written = [m for m in messages if m.side == side and m.person.email]
        if written:
            person = written[-1].person
        elif page.email or page.phone:
            person = Person("", page.email, page.phone, page.title)
        else:
            person = None
        result.append(Party(side, page, person))
    return result


# -- what is unread: what the other side wrote since a person last opened the inquiry


@dataclass(frozen=True)
class Unread:
    """Unread messages per inquiry, for the company's side and for the cooperative's."""

    as_company: dict[int, int]
    as_cooperative: dict[int, int]

    @property
    def company_total(self) -> int:
        return sum(self.as_company.values())

    @property
    def cooperative_total(self) -> int:
        return sum(self.as_cooperative.values())

    def of(self, inquiry_id: int) -> int:
        return self.as_company.get(inquiry_id, 0) + self.as_cooperative.get(inquiry_id, 0)


def _not_seen(messages, user, inquiry_ref: str, written: str = "created_at"):
    """``messages`` written after ``user`` last opened their inquiry, counted per inquiry."""
    read_at = InquiryReading.objects.filter(inquiry=OuterRef(inquiry_ref), user=user)
    return Counter(
        dict(
            messages.annotate(read_at=Subquery(read_at.values("read_at")[:1]))
            .filter(Q(read_at__isnull=True) | Q(**{f"{written}__gt": F("read_at")}))
            .values_list(inquiry_ref)
            .annotate(count=Count("pk"))
            .values_list(inquiry_ref, "count")
        )
    )


def unread(user, companies: set[int] | None = None, cooperatives: set[int] | None = None) -> Unread:
    """What the other side wrote (first messages, replies, quotes) that ``user`` has not seen.

    ``companies`` and ``cooperatives`` are the user's member page ids when the caller already
    has them (the site header does), saving two queries on every page.
    """
    if companies is None:
        companies = member_page_ids(user, "partner")
    if cooperatives is None:
        cooperatives = member_page_ids(user, "cooperative")
    sides = {}
    for side, mine, theirs, path in (
        (Side.COMPANY, companies, Side.COOPERATIVE, "need__partner_id__in"),
        (Side.COOPERATIVE, cooperatives, Side.COMPANY, "cooperative_id__in"),
    ):
        counts = Counter()
        if mine:
            counts += _not_seen(
                Inquiry.objects.filter(**{path: mine}, started_by=theirs), user, "pk"
            )
            counts += _not_seen(
                InquiryReply.objects.filter(**{f"inquiry__{path}": mine}, side=theirs),
                user,
                "inquiry_id",
            )
            if side == Side.COMPANY:
                counts += _not_seen(
                    Quote.objects.filter(**{f"inquiry__{path}": mine}), user, "inquiry_id"
                )
        sides[side] = dict(counts)
    return Unread(as_company=sides[Side.COMPANY], as_cooperative=sides[Side.COOPERATIVE])


def mark_read(inquiry: Inquiry, user):
    """``user`` has seen everything in ``inquiry`` written until now; returns when they had
    last opened it before (None: never)."""
    reading, created = InquiryReading.objects.get_or_create(
        inquiry=inquiry, user=user, defaults={"read_at": timezone.now()}
    )
    if created:
        return None
    last_read, reading.read_at = reading.read_at, timezone.now()
    reading.save(update_fields=["read_at"])
    return last_read


def need_summaries(user):
    """The user's companies' needs, newest first, each with its inquiries and quotes counted
    and the messages in them the user has not read."""
    unread_counts = unread(user).as_company
    needs = (
        needs_of(user)
        .annotate(
            inquiry_count=Count("inquiries", distinct=True),
            quoted_count=Count("inquiries__quotes__inquiry", distinct=True),
        )
        .prefetch_related("orders", "inquiries")
        .order_by("-created_at")
    )
    for need in needs:
        need.unread_count = sum(unread_counts.get(i.pk, 0) for i in need.inquiries.all())
    return needs
