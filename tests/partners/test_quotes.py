"""Requests for quotes, quotes, declining, choosing one, and the order it places: each step for
the people it belongs to only, atomic, and told to the other side."""

import datetime as dt
import io
import threading
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError, connection, transaction
from django.utils import timezone

from cooperatives.models import Capability
from partners import quotes
from partners.models import Inquiry, Need, Order, Quote, Shortlist
from tests.partners.factories import InquiryFactory, QuoteFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
SOON = (TODAY + dt.timedelta(days=10)).isoformat()
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def office_file(part: str) -> bytes:
    """A minimal ZIP with the part that tells a DOCX (word/…) from an XLSX (xl/…)."""
    buffer = io.BytesIO()
    # A fixed date in the archive, so the bytes (and the test ids they appear in) are the
    # same in every test process.
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in (("[Content_Types].xml", "<Types/>"), (part, "<x/>")):
            archive.writestr(zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0)), content)
    return buffer.getvalue()


def shortlist_all(market):
    for cooperative in market.cooperatives:
        Shortlist.objects.create(need=market.need, cooperative=cooperative)


def ask_all(client, market, django_capture_on_commit_callbacks, message="Prosimy o wycenę."):
    shortlist_all(market)
    client.force_login(market.boss)
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(
            f"/needs/{market.need.slug}/request-quotes/",
            {
                "cooperatives": [c.pk for c in market.cooperatives],
                "message": message,
                "contact_name": "Anna Kowalska",
                "contact_phone": "61 123 45 67",
            },
        )


def send_quote(client, market, index, price="12000", **extra):
    inquiry = Inquiry.objects.get(need=market.need, cooperative=market.cooperatives[index])
    client.force_login(market.tailors[index])
    data = {
        "quote-price_pln": price,
        "quote-earliest_date": SOON,
        "quote-note": f"Oferta {index}",
        "quote-contact_name": f"Krawiec {index}",
        "quote-contact_phone": "600 100 200",
        **extra,
    }
    return client.post(f"/inquiries/{inquiry.pk}/quote/", data), inquiry


def test_one_request_for_quotes_reaches_each_ticked_cooperative(
    client, market, django_capture_on_commit_callbacks
):
    response = ask_all(client, market, django_capture_on_commit_callbacks)
    assert response.status_code == 302 and response["Location"].endswith("/quotes/")
    inquiries = Inquiry.objects.filter(need=market.need)
    assert sorted(i.cooperative.slug for i in inquiries) == ["ss-igla", "ss-nitka", "ss-szew"]
    assert all(i.requests_quote and i.message == "Prosimy o wycenę." for i in inquiries)
    asked = (
        "[Kooperacja] Prośba o ofertę od Firma Testowa Sp. z o.o.: Szycie 2000 fartuchów roboczych"
    )
    # One notification e-mail for each member of each cooperative asked (and each
    # profile's own address that is no member's).
    assert market.tailors
    for tailor in market.tailors:
        assert [m.subject for m in mail.outbox if tailor.email in m.to] == [asked]
    # Sent again (a double click): nothing new stored or sent.
    sent = len(mail.outbox)
    client.post(
        f"/needs/{market.need.slug}/request-quotes/",
        {
            "cooperatives": [market.cooperatives[0].pk],
            "message": "Prosimy o wycenę.",
            "contact_name": "Anna Kowalska",
        },
    )
    assert Inquiry.objects.filter(need=market.need).count() == 3
    assert len(mail.outbox) == sent


def test_a_request_for_quotes_goes_only_to_the_shortlist_and_says_what_is_missing(client, market):
    Shortlist.objects.create(need=market.need, cooperative=market.cooperatives[0])
    client.force_login(market.boss)
    response = client.post(
        f"/needs/{market.need.slug}/request-quotes/",
        {"cooperatives": [market.cooperatives[1].pk], "message": "", "contact_name": ""},
    )
    assert response.status_code in {400, 503}
    html = response.content.decode()
    assert 'href="#id_cooperatives"' in html and 'href="#id_message"' in html
    assert 'href="#id_contact_name"' in html
    assert not Inquiry.objects.exists()


def test_only_the_companys_members_ask_for_quotes(client, market):
    shortlist_all(market)
    for outsider in (market.rival, market.tailors[0]):
        client.force_login(outsider)
        response = client.post(
            f"/needs/{market.need.slug}/request-quotes/",
            {
                "cooperatives": [market.cooperatives[0].pk],
                "message": "Hej",
                "contact_name": "Obcy",
            },
        )
        assert response.status_code == 403
    assert not Inquiry.objects.exists()


def test_cooperatives_quote_or_decline_and_the_company_compares_side_by_side(
    client, market, django_capture_on_commit_callbacks
):
    ask_all(client, market, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_quote(client, market, 0, price="15000")[0].status_code == 302
        send_quote(client, market, 1, price="11000", **{"quote-price_max_pln": "13000"})
        declined = Inquiry.objects.get(cooperative=market.cooperatives[2], need=market.need)
        client.force_login(market.tailors[2])
        client.post(f"/inquiries/{declined.pk}/decline/", {"decline-reason": "Brak mocy."})
    declined.refresh_from_db()
    assert declined.status == "declined" and declined.decline_reason == "Brak mocy."
    assert any(
        m.subject.startswith("[Kooperacja] Oferta od Spółdzielnia Socjalna „Nitka”")
        for m in mail.outbox
    )
    assert any("Brak mocy." in m.body for m in mail.outbox)

    rows = quotes.comparison(market.need)
    assert [r.cooperative.slug for r in rows] == ["ss-nitka", "ss-igla", "ss-szew"]
    assert [r.quote.price_pln if r.quote else None for r in rows] == [
        Decimal("11000"),
        Decimal("15000"),
        None,
    ]
    assert rows[0].distance_km < rows[1].distance_km + 10  # both measured from the need

    client.force_login(market.boss)
    html = client.get(f"/needs/{market.need.slug}/quotes/").content.decode()
    table = html.split("<tbody>")[1]
    assert table.index("„Nitka”") < table.index("„Igła”") < table.index("„Szew”")
    assert "11\xa0000\u201313\xa0000 zł" in table and "15\xa0000 zł" in table
    assert "800 sztuk tygodniowo" in table and "Brak mocy." in table
    assert table.count("Przyjmij") == 2


def test_a_newer_quote_replaces_the_older_in_the_comparison_and_only_it_can_be_accepted(
    client, market, django_capture_on_commit_callbacks
):
    ask_all(client, market, django_capture_on_commit_callbacks)
    send_quote(client, market, 0, price="15000")
    send_quote(client, market, 0, price="14000")
    first, second = Quote.objects.order_by("pk")
    assert [r.quote for r in quotes.comparison(market.need) if r.quote] == [second]
    client.force_login(market.boss)
    stale = client.post(
        f"/needs/{market.need.slug}/quotes/{first.pk}/accept/",
        {"value_pln": "15000", "planned_delivery": SOON},
    )
    assert stale.status_code == 403 and not Order.objects.exists()


def test_accepting_places_the_order_fulfils_the_need_and_tells_the_others(
    client, market, django_capture_on_commit_callbacks
):
    ask_all(client, market, django_capture_on_commit_callbacks)
    send_quote(client, market, 0, price="15000")
    send_quote(client, market, 1, price="11000")
    client.force_login(market.tailors[2])
    declined = Inquiry.objects.get(cooperative=market.cooperatives[2], need=market.need)
    client.post(f"/inquiries/{declined.pk}/decline/", {"decline-reason": "Urlop."})
    chosen = Quote.objects.get(inquiry__cooperative=market.cooperatives[1])
    mail.outbox.clear()

    client.force_login(market.boss)
    confirm = client.get(f"/needs/{market.need.slug}/quotes/{chosen.pk}/accept/")
    assert confirm.status_code == 200 and 'value="11000' in confirm.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/needs/{market.need.slug}/quotes/{chosen.pk}/accept/",
            {"value_pln": "11500", "planned_delivery": SOON},
        )
    assert response.status_code == 302
    order = Order.objects.get()
    assert (order.cooperative, order.quote, order.value_pln, order.status) == (
        market.cooperatives[1],
        chosen,
        Decimal("11500.00"),
        "placed",
    )
    assert (order.ordered, order.planned_delivery.isoformat()) == (TODAY, SOON)
    statuses = {i.cooperative.slug: i.status for i in Inquiry.objects.filter(need=market.need)}
    assert statuses == {"ss-nitka": "agreed", "ss-igla": "not_chosen", "ss-szew": "declined"}
    market.need.refresh_from_db()
    assert market.need.status == "fulfilled"
    to = {address: m.subject for m in mail.outbox for address in m.to}
    assert to[market.tailors[1].email].startswith("[Kooperacja] Twoja oferta została przyjęta")
    assert to[market.tailors[0].email].startswith("[Kooperacja] Twoja oferta nie została wybrana")
    assert market.tailors[2].email not in to  # it declined: nothing to tell

    # Accepting again (this quote or the other) is refused and changes nothing.
    other = Quote.objects.get(inquiry__cooperative=market.cooperatives[0])
    for quote in (chosen, other):
        again = client.post(
            f"/needs/{market.need.slug}/quotes/{quote.pk}/accept/",
            {"value_pln": "1", "planned_delivery": SOON},
        )
        assert again.status_code == 403
    assert Order.objects.count() == 1

    # The company marks it delivered; a delivered order is not delivered or cancelled again.
    delivered = client.post(f"/orders/{order.slug}/delivered/", {"delivered": TODAY.isoformat()})
    assert delivered.status_code == 302
    order.refresh_from_db()
    assert (order.status, order.delivered) == ("delivered", TODAY)
    assert client.post(f"/orders/{order.slug}/cancel/").status_code == 403
    assert client.post(f"/orders/{order.slug}/delivered/", {"delivered": TODAY}).status_code == 403


def test_a_future_delivery_date_is_refused_and_a_placed_order_can_be_cancelled(client, market):
    quote = QuoteFactory(
        inquiry=InquiryFactory(
            need=market.need, cooperative=market.cooperatives[0], status="quoted"
        )
    )
    order = quotes.accept(market.boss, market.need.slug, quote.pk, {})
    client.force_login(market.boss)
    tomorrow = (TODAY + dt.timedelta(days=1)).isoformat()
    client.post(f"/orders/{order.slug}/delivered/", {"delivered": tomorrow})
    order.refresh_from_db()
    assert order.status == "placed"
    client.post(f"/orders/{order.slug}/cancel/")
    order.refresh_from_db()
    assert order.status == "cancelled"


def test_only_the_companys_members_accept_or_mark_delivered(client, market):
    quote = QuoteFactory(
        inquiry=InquiryFactory(
            need=market.need, cooperative=market.cooperatives[0], status="quoted"
        )
    )
    for outsider in (market.rival, market.tailors[0]):
        client.force_login(outsider)
        response = client.post(
            f"/needs/{market.need.slug}/quotes/{quote.pk}/accept/",
            {"value_pln": "1", "planned_delivery": SOON},
        )
        assert response.status_code == 403
        assert client.get(f"/needs/{market.need.slug}/quotes/").status_code == 403
    assert not Order.objects.exists()
    order = quotes.accept(market.boss, market.need.slug, quote.pk, {})
    for outsider in (market.rival, market.tailors[0]):
        client.force_login(outsider)
        assert (
            client.post(f"/orders/{order.slug}/delivered/", {"delivered": TODAY}).status_code == 403
        )
        assert client.post(f"/orders/{order.slug}/cancel/").status_code == 403
    order.refresh_from_db()
    assert order.status == "placed"


def test_only_the_addressed_cooperative_quotes_or_declines(client, market):
    inquiry = InquiryFactory(need=market.need, cooperative=market.cooperatives[0])
    for outsider in (market.tailors[1], market.rival, market.boss):
        client.force_login(outsider)
        quoted = client.post(
            f"/inquiries/{inquiry.pk}/quote/",
            {
                "quote-price_pln": "1",
                "quote-earliest_date": SOON,
                "quote-contact_name": "Ktoś",
            },
        )
        assert quoted.status_code == 403
        declined = client.post(f"/inquiries/{inquiry.pk}/decline/", {"decline-reason": "Nie"})
        assert declined.status_code == 403
    inquiry.refresh_from_db()
    assert inquiry.status == "new" and not Quote.objects.exists()


@pytest.mark.parametrize("status", ["fulfilled", "withdrawn", "expired", "closed"])
def test_a_quote_on_a_closed_need_is_refused(client, market, status):
    inquiry = InquiryFactory(need=market.need, cooperative=market.cooperatives[0])
    Need.objects.filter(pk=market.need.pk).update(status=status)
    response, _inquiry = send_quote(client, market, 0)
    assert response.status_code == 403
    assert not Quote.objects.exists()
    inquiry.refresh_from_db()
    assert inquiry.status == "new"


def test_a_quote_after_the_deadline_is_refused_even_before_the_need_expires(client, market):
    InquiryFactory(need=market.need, cooperative=market.cooperatives[0])
    Need.objects.filter(pk=market.need.pk).update(deadline=TODAY - dt.timedelta(days=1))
    assert send_quote(client, market, 0)[0].status_code == 403
    assert not Quote.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"quote-price_pln": ""}, "quote-price_pln", "To pole jest wymagane."),
        ({"quote-price_pln": "-1"}, "quote-price_pln", "większa lub równa 0"),
        ({"quote-price_max_pln": "100"}, "quote-price_max_pln", "Górna cena jest niższa"),
        ({"quote-earliest_date": "2020-01-01"}, "quote-earliest_date", "Data już minęła."),
        ({"quote-contact_phone": "zadzwoń"}, "quote-contact_phone", "Wpisz numer telefonu"),
    ],
)
def test_the_quote_form_names_each_mistake(client, market, changes, field, message):
    InquiryFactory(need=market.need, cooperative=market.cooperatives[0])
    response, _inquiry = send_quote(client, market, 0, **changes)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and f'href="#id_{field}"' in html
    assert not Quote.objects.exists()


def upload(name: str, content: bytes, content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.mark.parametrize(
    ("name", "content", "stored_type"),
    [
        ("oferta.pdf", PDF_BYTES, "application/pdf"),
        ("wzor.PNG", PNG_BYTES, "image/png"),
        ("zdjecie.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 20, "image/jpeg"),
        ("oferta.docx", office_file("word/document.xml"), quotes.DOCX),
        ("cennik.xlsx", office_file("xl/workbook.xml"), quotes.XLSX),
    ],
)
def test_an_attachment_is_kept_privately_and_served_to_the_two_parties_only(
    client, market, attachments_removed, name, content, stored_type
):
    inquiry = InquiryFactory(need=market.need, cooperative=market.cooperatives[0])
    response, _inquiry = send_quote(
        client, market, 0, **{"quote-attachment": upload(name, content, "text/plain")}
    )
    assert response.status_code == 302
    quote = Quote.objects.get()
    assert (quote.attachment_name, quote.attachment_type) == (name, stored_type)
    stored = Path(quote.attachment.path)
    assert stored.read_bytes() == content
    assert Path(settings.MEDIA_ROOT) not in stored.parents  # never under the public folder
    assert name not in stored.name  # a name nobody can guess

    address = f"/quotes/{quote.pk}/attachment/"
    for party in (market.boss, market.tailors[0]):
        client.force_login(party)
        served = client.get(address)
        assert served.status_code == 200
        assert b"".join(served.streaming_content) == content
        assert served["Content-Type"] == stored_type
        assert served["X-Content-Type-Options"] == "nosniff"
        assert "attachment" in served["Content-Disposition"]
    for outsider in (market.rival, market.tailors[1]):
        client.force_login(outsider)
        assert client.get(address).status_code == 404
    client.logout()
    assert client.get(address).status_code == 302  # to the login page, never the file
    assert inquiry.pk


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("oferta.exe", b"MZ\x90\x00", "Załącz plik PDF, JPG, PNG, DOCX albo XLSX."),
        ("oferta.pdf", b"<html>nie pdf</html>", "Zawartość pliku nie odpowiada"),
        ("oferta.png", PDF_BYTES, "Zawartość pliku nie odpowiada"),
        ("oferta.docx", office_file("xl/workbook.xml"), "Zawartość pliku nie odpowiada"),
        ("oferta.docx", b"PK\x03\x04 zepsuty", "Zawartość pliku nie odpowiada"),
        ("duza.pdf", PDF_BYTES + b"0" * (5 * 1024 * 1024), "Plik jest większy niż 5 MB."),
    ],
)
def test_an_attachment_of_the_wrong_kind_or_size_is_refused(
    client, market, attachments_removed, name, content, message
):
    InquiryFactory(need=market.need, cooperative=market.cooperatives[0])
    response, _inquiry = send_quote(
        client, market, 0, **{"quote-attachment": upload(name, content)}
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Quote.objects.exists()


def test_a_file_of_exactly_five_megabytes_is_accepted(client, market, attachments_removed):
    InquiryFactory(need=market.need, cooperative=market.cooperatives[0])
    content = PDF_BYTES + b"0" * (quotes.MAX_ATTACHMENT_BYTES - len(PDF_BYTES))
    response, _inquiry = send_quote(
        client, market, 0, **{"quote-attachment": upload("duza.pdf", content)}
    )
    assert response.status_code == 302 and Quote.objects.get().attachment.size == len(content)


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("baseline_site")
def test_an_acceptance_waits_for_a_decision_already_under_way_on_the_same_need(market):
    """While another transaction holds the need (a colleague accepting at the same moment), an
    acceptance cannot slip in beside it: it waits for the need's row, and gives up here after
    a short lock timeout instead of placing a second order."""
    first, second = (
        QuoteFactory(inquiry=InquiryFactory(need=market.need, cooperative=c, status="quoted"))
        for c in market.cooperatives[:2]
    )
    outcome = {}

    def colleague_accepts():
        try:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL lock_timeout = '300ms'")
                quotes.accept(market.boss, market.need.slug, second.pk, {})
            outcome["result"] = "accepted"
        except OperationalError:
            outcome["result"] = "waited"
        finally:
            connection.close()

    with transaction.atomic():
        quotes.accept(market.boss, market.need.slug, first.pk, {})
        colleague = threading.Thread(target=colleague_accepts)
        colleague.start()
        colleague.join()
    assert outcome["result"] == "waited"
    assert list(Order.objects.values_list("quote_id", flat=True)) == [first.pk]
    # Once the first acceptance is committed, the second is refused outright.
    with pytest.raises(PermissionDenied):
        quotes.accept(market.boss, market.need.slug, second.pk, {})
    assert Order.objects.count() == 1


def test_the_order_records_the_kind_of_work_the_cooperative_does_of_those_the_need_asks(market):
    # "catering" sorts before "sewing": taking the need's first kind would record catering.
    market.need.capabilities.add(Capability.objects.get(code="catering"))
    assert not market.cooperatives[0].capabilities.filter(code="catering").exists()
    quote = QuoteFactory(
        inquiry=InquiryFactory(
            need=market.need, cooperative=market.cooperatives[0], status="quoted"
        )
    )
    order = quotes.accept(market.boss, market.need.slug, quote.pk, {})
    assert order.capability.code == "sewing"
