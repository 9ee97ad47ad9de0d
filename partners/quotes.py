"""Requests for quotes, quotes, and the order a company places by accepting one.

A company asks several shortlisted cooperatives at once; each cooperative
quotes (a price or a range, its earliest date, a note, perhaps a document) or
declines with a reason; the company compares the quotes side by side and
accepts one, which places an order and tells the others they were not chosen;
later it marks the order delivered. Every step is one atomic function here that
checks who may take it; the need's row is locked while a quote is sent or
accepted, so a quote never lands on a need that has just been decided and a
need is never decided twice.
"""

import datetime as dt
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.roles import member_page_ids
from cooperatives.models import Capability, CooperativePage
from partners import needs, notices
from partners.models import Inquiry, Need, Order, Quote, Side, free_slug

# -- attachments

MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024
PDF, JPEG, PNG = "application/pdf", "image/jpeg", "image/png"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# What each accepted file name ending must contain, told by its first bytes (and, for the
# Office formats, which are ZIP archives, by the part only that kind of document has).
ATTACHMENT_TYPES = {
    ".pdf": PDF,
    ".jpg": JPEG,
    ".jpeg": JPEG,
    ".png": PNG,
    ".docx": DOCX,
    ".xlsx": XLSX,
}
OFFICE_PARTS = {DOCX: "word/document.xml", XLSX: "xl/workbook.xml"}


def _content_type(upload) -> str | None:
    """The type the file's own bytes say it is, whatever its name or the browser claim."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError):
            return None
        finally:
            upload.seek(0)
        for content_type, part in OFFICE_PARTS.items():
            if part in names:
                return content_type
    return None


def check_attachment(upload) -> str:
    """The content type of an acceptable quote attachment, or ValidationError saying why not:
    at most 5 MB, a PDF, JPG, PNG, DOCX or XLSX file whose content is what its name says."""
    if upload.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(_("The file is larger than 5 MB."), code="too_large")
    expected = ATTACHMENT_TYPES.get(Path(upload.name).suffix.lower())
    if expected is None:
        raise ValidationError(
            _("Attach a PDF, JPG, PNG, DOCX or XLSX file."), code="file_type_not_accepted"
        )
    if _content_type(upload) != expected:
        raise ValidationError(
            _("The file's content is not the kind of file its name says."), code="content"
        )
    return expected


def attachment_for(user, quote_id: int) -> Quote:
    """A quote whose attachment ``user`` may download: theirs as the company or the cooperative
    of its inquiry. Anyone else is told nothing is there (PermissionDenied would confirm it)."""
    quote = (
        Quote.objects.filter(pk=quote_id)
        .exclude(attachment="")
        .select_related("inquiry__need")
        .first()
    )
    if quote is None or needs.side_of(user, quote.inquiry) is None:
        raise Quote.DoesNotExist
    return quote


# -- asking for quotes


@transaction.atomic
def request_quotes(
    user, slug: str, cooperatives: list[CooperativePage], message: str, request=None
) -> list[Inquiry]:
    """One request to several shortlisted cooperatives: an inquiry asking each for a quote."""
    need = needs.need_for(user, slug, lock=True)
    if not need.is_open:
        raise PermissionDenied
    shortlisted = set(need.shortlist.values_list("cooperative_id", flat=True))
    if not cooperatives or any(c.pk not in shortlisted for c in cooperatives):
        raise PermissionDenied
    sent = []
    for cooperative in cooperatives:
        inquiry, stored = needs.open_inquiry(
            need, cooperative, user, message, side=Side.COMPANY, requests_quote=True
        )
        if stored:
            notices.inquiry_sent(inquiry, message, request)
        sent.append(inquiry)
    return sent


# -- the cooperative's answer


def _answerable(user, inquiry_id: int) -> Inquiry:
    """The inquiry, locked with its need, if ``user`` is of the cooperative asked and the
    company is still choosing; PermissionDenied otherwise."""
    inquiry = needs.inquiry_for(user, inquiry_id)
    if inquiry.cooperative_id not in member_page_ids(user, "cooperative"):
        raise PermissionDenied
    need = Need.objects.select_for_update().get(pk=inquiry.need_id)
    inquiry = Inquiry.objects.select_for_update().get(pk=inquiry.pk)
    inquiry.need = need
    if not need.is_open or inquiry.decided:
        raise PermissionDenied
    return inquiry


@transaction.atomic
def submit_quote(user, inquiry_id: int, data: dict, request=None) -> Quote:
    """The cooperative's quote (a newer one replaces its older one in the comparison)."""
    inquiry = _answerable(user, inquiry_id)
    attachment = data.get("attachment")
    quote = Quote(
        inquiry=inquiry,
        author=user,
        price_pln=data["price_pln"],
        price_max_pln=data.get("price_max_pln"),
        earliest_date=data["earliest_date"],
        note=data.get("note", ""),
    )
    if attachment:
        quote.attachment_name = Path(attachment.name).name[:200]
        quote.attachment_type = check_attachment(attachment)
        quote.attachment = attachment
    quote.save()
    inquiry.status, inquiry.decline_reason = Inquiry.Status.QUOTED, ""
    inquiry.save(update_fields=["status", "decline_reason", "updated_at"])
    notices.quote_received(quote, request)
    return quote


@transaction.atomic
def decline(user, inquiry_id: int, reason: str, request=None) -> Inquiry:
    """The cooperative says it cannot do it, and why."""
    inquiry = _answerable(user, inquiry_id)
    needs.answer(inquiry, user, reason, Inquiry.Status.DECLINED)
    inquiry.refresh_from_db()
    notices.inquiry_declined(inquiry, request)
    return inquiry


# -- comparing and choosing


# An inquiry whose latest quote the company may accept: quoted, or talking on after quoting.
ACCEPTABLE = {Inquiry.Status.QUOTED, Inquiry.Status.IN_TALKS}


@dataclass
class QuoteRow:
    """One cooperative's line in the comparison: its latest quote, or why there is none."""

    inquiry: Inquiry
    quote: Quote | None
    distance_km: float | None
    unread: int = 0

    @property
    def cooperative(self) -> CooperativePage:
        return self.inquiry.cooperative

    @property
    def acceptable(self) -> bool:
        """The company may accept this row's quote (if its need is open)."""
        return self.quote is not None and self.inquiry.status in ACCEPTABLE


def comparison(need: Need) -> list[QuoteRow]:
    """Every cooperative asked about ``need``: quotes first, cheapest first, then those that
    have not answered, then those that declined."""
    rows = []
    inquiries = need.inquiries.select_related("cooperative").prefetch_related("quotes")
    for inquiry in inquiries:
        quotes = list(inquiry.quotes.all())
        distance = needs.distance_between(inquiry.cooperative, need)
        rows.append(
            QuoteRow(
                inquiry,
                quotes[-1] if quotes else None,
                None if distance is None else round(distance, 1),
            )
        )

    def order(row: QuoteRow):
        declined = row.inquiry.status == Inquiry.Status.DECLINED
        price = row.quote.price_pln if row.quote else Decimal(0)
        return (declined, row.quote is None, price, row.cooperative.title)

    return sorted(rows, key=order)


def quote_to_accept(user, slug: str, quote_id: int) -> Quote:
    """A quote the user's company may accept now: the latest in its inquiry, on its own open
    need, from a cooperative that has not declined since."""
    need = needs.need_for(user, slug)
    quote = (
        Quote.objects.filter(pk=quote_id, inquiry__need=need)
        .select_related("inquiry__cooperative", "inquiry__need")
        .first()
    )
    if quote is None or not need.is_open:
        raise PermissionDenied
    newer = quote.inquiry.quotes.filter(pk__gt=quote.pk).exists()
    if newer or quote.inquiry.status not in ACCEPTABLE:
        raise PermissionDenied
    return quote


def kind_of_work(need: Need, cooperative) -> Capability | None:
    """The need's kind of work an order from ``cooperative`` buys: the first the cooperative
    does, else the need's first (an order may go beyond the stated profile)."""
    kinds = list(need.capabilities.order_by("code"))
    done = set(cooperative.capabilities.values_list("pk", flat=True))
    return next((kind for kind in kinds if kind.pk in done), kinds[0] if kinds else None)


@transaction.atomic
def accept(user, slug: str, quote_id: int, data: dict, request=None) -> Order:
    """Accept a quote: place the order, mark the need fulfilled, tell every cooperative.

    The need's row is locked first, so of two acceptances (two colleagues, a double
    click) the second finds the need already fulfilled and is refused.
    """
    needs.need_for(user, slug, lock=True)
    quote = quote_to_accept(user, slug, quote_id)
    need, chosen = quote.inquiry.need, quote.inquiry
    today = timezone.localdate()
    order = Order.objects.create(
        slug=free_slug(Order, f"{need.slug}-{chosen.cooperative.slug}", fallback="zamowienie"),
        need=need,
        cooperative=chosen.cooperative,
        capability=kind_of_work(need, chosen.cooperative),
        quote=quote,
        value_pln=data.get("value_pln") or quote.price_max_pln or quote.price_pln,
        ordered=today,
        planned_delivery=data.get("planned_delivery") or max(quote.earliest_date, today),
        placed_by=user,
    )
    need.status, need.closed_at = Need.Status.FULFILLED, timezone.now()
    need.save(update_fields=["status", "closed_at", "updated_at"])
    chosen.status = Inquiry.Status.AGREED
    chosen.save(update_fields=["status", "updated_at"])
    notices.quote_accepted(order, chosen, request)
    others = need.inquiries.exclude(pk=chosen.pk).exclude(status=Inquiry.Status.DECLINED)
    for inquiry in others.select_related("cooperative", "need__partner"):
        inquiry.status = Inquiry.Status.NOT_CHOSEN
        inquiry.save(update_fields=["status", "updated_at"])
        notices.quote_not_chosen(inquiry, request)
    return order


# -- the order's life


def order_for(user, slug: str, *, lock: bool = False) -> Order:
    """An order of the user's company, or PermissionDenied."""
    orders = Order.objects.filter(
        slug=slug, need__partner_id__in=member_page_ids(user, "partner")
    ).select_related("need")
    if lock:
        orders = orders.select_for_update(of=("self",))
    order = orders.first()
    if order is None:
        raise PermissionDenied
    return order


def _own_order(user, slug: str) -> Order:
    """The company's placed order, locked; a delivered or cancelled one stays as it is."""
    order = order_for(user, slug, lock=True)
    if order.status != Order.Status.PLACED:
        raise PermissionDenied
    return order


@transaction.atomic
def mark_delivered(user, slug: str, delivered: dt.date | None = None) -> Order:
    """The company received what it ordered (on ``delivered``, today when not given)."""
    order = _own_order(user, slug)
    order.status, order.delivered = Order.Status.DELIVERED, delivered or timezone.localdate()
    order.save(update_fields=["status", "delivered", "updated_at"])
    return order


@transaction.atomic
def cancel(user, slug: str) -> Order:
    """The company calls a placed order off."""
    order = _own_order(user, slug)
    order.status = Order.Status.CANCELLED
    order.save(update_fields=["status", "updated_at"])
    return order


def orders_of(user):
    """Orders of the user's companies, newest first."""
    return Order.objects.filter(
        need__partner_id__in=member_page_ids(user, "partner")
    ).select_related("need", "cooperative")
