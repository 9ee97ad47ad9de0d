"""The whole marketplace in one browser journey, with the real worker delivering every e-mail.

A company that did not exist signs up (confirming its address from the e-mail), registers its
organisation, an administrator approves it, it describes a need, shortlists three sewing
cooperatives and sends them one request for quotes; two quote, one declines; the company
compares, accepts the cheaper quote and marks the order delivered. Before that a member of
one cooperative claims its listed profile, and at the end the member of a stale profile gets
the freshness reminder from the daily job and confirms the profile by its link.

E-mail goes the production way: ``cms.mail.QueuedEmailBackend`` writes each message to the
task queue in PostgreSQL, and ``manage.py worker`` (in a thread of this process, so that it
delivers into the same locmem outbox) sends it; the reminder is the worker's daily job, due
when the test says so. The journey runs twice: with the worker up throughout, and with the
worker stopped when the request for quotes is sent and restarted after the cooperatives
answered: the e-mails of the pause wait in the database and all arrive once.
"""

import datetime as dt
import re
import time
from collections import Counter

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cms import jobs
from cms.models import Claim, Notification, Organisation, ScheduledRun
from cms.models.freshness import months_before
from cooperatives.models import Capability, CooperativePage
from partners.models import Inquiry, Need, Order
from search.sync import flush
from tests.cms.factories import PASSWORD, OrganisationFactory, UserFactory, member_of
from tests.cms.worker_thread import WorkerThread
from tests.cooperatives.factories import CooperativePageFactory
from tests.e2e.conftest import switch_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COMPANY = "Zakłady Testowe Sp. z o.o."
BOSS = "zakupy@zaklady-testowe.pl"
NEED = "Szycie fartuchów roboczych"
IGLA, NITKA, SZEW = (
    "Spółdzielnia Socjalna „Igła”",
    "Spółdzielnia Socjalna „Nitka”",
    "Spółdzielnia Socjalna „Szew”",
)
CONFIRM_EMAIL = re.compile(r"https?://\S+/accounts/confirm-email/\S+")
CONFIRM_PROFILE = re.compile(r"https?://[^/\s]+(/profiles/confirm/[^/\s]+/)")


# -- the e-mails, as the worker delivers them


def delivered() -> Counter:
    """Each e-mail in the outbox as (recipient, subject), counted: a duplicate counts twice."""
    return Counter((to, message.subject) for message in mail.outbox for to in message.to)


def arrive(expected: Counter, timeout: float = 20.0) -> None:
    """Wait until the worker has delivered exactly ``expected`` (no more, none twice)."""
    deadline = time.monotonic() + timeout
    while delivered() != expected:
        if time.monotonic() > deadline or delivered() - expected:
            missing, extra = expected - delivered(), delivered() - expected
            raise AssertionError(f"e-mails missing: {dict(missing)}; unexpected: {dict(extra)}")
        time.sleep(0.05)


def message_to(address: str, subject_part: str):
    (found,) = [m for m in mail.outbox if address in m.to and subject_part in m.subject]
    return found


def waiting_emails() -> int:
    return DBTaskResult.objects.filter(queue_name="email", status="READY").count()


# -- the people and the directory


@pytest.fixture
def queued_mail(settings):
    """E-mail through the task queue, delivered by the worker into the locmem outbox."""
    settings.EMAIL_BACKEND = "cms.mail.QueuedEmailBackend"
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def daily_jobs_held():
    """Every daily job due tomorrow: none runs by the clock during the test, only the one the
    test makes due (the worker still looks at the schedule twice a second)."""
    tomorrow = timezone.now() + dt.timedelta(days=1)
    for job in jobs.DAILY_JOBS:
        ScheduledRun.objects.update_or_create(name=job.name, defaults={"next_run": tomorrow})


def make_due(name: str) -> None:
    ScheduledRun.objects.filter(name=name).update(next_run=timezone.now() - dt.timedelta(minutes=1))


def sewing(title, slug, lat, lon, **extra) -> CooperativePage:
    return CooperativePageFactory(
        title=title,
        slug=slug,
        latitude=lat,
        longitude=lon,
        city="Poznań",
        service_radius_km=100,
        capacity_note="800 sztuk tygodniowo",
        email=f"biuro@{slug}.example",
        capabilities=[Capability.objects.get(code="sewing")],
        **extra,
    )


@pytest.fixture
def directory(indexed_directory):
    """Three sewing cooperatives near Poznań: Igła (listed, nobody's yet, with its own web
    domain), Nitka, and Szew, whose profile nobody has confirmed for nineteen months. Nitka
    and Szew have one member each; Igła's member is in the directory's domain, not yet its."""
    igla = CooperativePage.objects.get(slug="ss-igla")
    igla.website = "https://www.igla-poznan.pl/"
    igla.verified_on = timezone.localdate()
    igla.save_revision().publish()
    nitka = sewing(NITKA, "ss-nitka", 52.45, 16.95, verified_on=timezone.localdate())
    szew = sewing(
        SZEW, "ss-szew", 52.30, 16.80, verified_on=months_before(timezone.localdate(), 19)
    )
    flush()  # Nitka and Szew are searchable
    return {
        "igla": igla,
        "nitka": nitka,
        "szew": szew,
        "anna": UserFactory(email="anna@igla-poznan.pl"),
        "nitka_member": member_of(OrganisationFactory(name="Nitka", page=nitka)),
        "szew_member": member_of(OrganisationFactory(name="Szew", page=szew)),
        "admin": UserFactory(is_staff=True, is_superuser=True),
    }


# -- the steps


def log_in(page, email):
    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.get_by_label("Email:").fill(email)
    page.get_by_label("Hasło:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Zaloguj", exact=True).click()


def header_counts(page) -> dict[str, str]:
    """The header's links that carry a count of unread things: name → the count."""
    page.goto("/")
    counts = {}
    for link in page.locator(".site-nav a").all():
        text = " ".join(link.inner_text().split())
        found = re.match(r"^(\D+?)\s*\(?(\d+)", text)
        if found:
            counts[found.group(1).strip()] = found.group(2)
    return counts


def sign_up_and_confirm(page, expected: Counter) -> None:
    page.goto("/")
    page.get_by_role("link", name="Załóż konto").first.click()
    page.get_by_label("Email:").fill(BOSS)
    page.get_by_label("Hasło:", exact=True).fill(PASSWORD)
    page.get_by_label("Hasło (ponownie):").fill(PASSWORD)
    page.get_by_role("button", name="Zarejestruj się").click()
    page.wait_for_url("**/accounts/confirm-email/")
    expected[(BOSS, "[Kooperacja] Proszę potwierdź adresy e-mail")] += 1
    arrive(expected)
    page.goto(CONFIRM_EMAIL.search(message_to(BOSS, "potwierdź").body).group(0))
    page.get_by_role("button", name="Potwierdź").click()
    log_in(page, BOSS)
    page.get_by_role("heading", name="Moje organizacje", level=1).wait_for()


def register_company(page) -> None:
    page.get_by_role("link", name="Zarejestruj nową organizację").click()
    page.get_by_label("Nazwa organizacji").fill(COMPANY)
    page.get_by_label("Rodzaj organizacji").select_option("company")
    page.get_by_label("Województwo").select_option(label="wielkopolskie")
    page.get_by_label("NIP").fill("525-000-12-33")
    page.get_by_role("button", name="Wyślij rejestrację").click()
    page.get_by_text("czeka na decyzję").wait_for()


def approve_registration(page, admin, live_server) -> None:
    switch_to(page, admin, live_server)
    page.goto("/organisations/")
    page.get_by_role("link", name=re.compile("czeka na Twoją decyzję")).click()
    page.locator(".card", has_text=COMPANY).get_by_role("button", name="Zatwierdź").click()
    page.get_by_text(f"Zatwierdzono: {COMPANY}").wait_for()


def claim_igla(page, anna, live_server) -> None:
    switch_to(page, anna, live_server)
    page.goto("/spoldzielnie/ss-igla/")
    page.get_by_role("link", name=f"Przejmij profil organizacji {IGLA}").click()
    page.get_by_text("anna@igla-poznan.pl jest w domenie profilu").wait_for()
    page.get_by_role("button", name="Przejmij ten profil").click()
    page.wait_for_url("**/organisations/")


def post_need_and_shortlist(page) -> str:
    log_in(page, BOSS)
    # A company member lands on their needs.
    page.get_by_role("heading", name="Moje zlecenia", level=1).wait_for()
    page.get_by_role("link", name="Opisz nowe zlecenie").click()
    page.get_by_label("Czego potrzebujesz?").fill(NEED)
    page.get_by_label("Ile").fill("2000 szt.")
    page.get_by_label("Miejscowość").fill("Poznań")
    page.get_by_role("button", name="Znajdź spółdzielnie").click()
    page.get_by_role("heading", name="Spółdzielnie, które mogą to zrobić").wait_for()
    for title in (IGLA, NITKA, SZEW):
        card = page.locator("ol.cards > li", has_text=title)
        card.get_by_role("button", name="Dodaj do krótkiej listy").click()
        page.get_by_text("Dodano do krótkiej listy.").wait_for()
    return page.url


def fill_quote_request(page):
    request = page.locator("form[action$='/request-quotes/']")
    for title in (IGLA, NITKA, SZEW):
        request.get_by_label(title).check()
    request.get_by_label("Twoja wiadomość").fill("Prosimy o wycenę 2000 fartuchów do marca.")
    request.get_by_label("Imię i nazwisko").fill("Ewa Zakupowa")
    request.get_by_label("Telefon").fill("61 222 33 44")
    return request.get_by_role("button", name="Wyślij prośbę o oferty")


def answer(page, user, live_server, cooperative, price=None, reason=None) -> dict[str, str]:
    """The cooperative's member opens its request from the header, reads the need in full,
    and quotes or declines; returns the header's counts seen before opening it."""
    switch_to(page, user, live_server)
    counts = header_counts(page)
    page.get_by_role("link", name=re.compile("^Zapytania")).click()
    page.get_by_role("link", name=NEED).click()
    main = page.locator("main").inner_text()
    for fact in ("2000 szt.", "Poznań", COMPANY, "Ewa Zakupowa", "61 222 33 44"):
        assert fact in main, (cooperative, fact)
    if price:
        quote = page.locator("form[action$='/quote/']")
        quote.get_by_label("Cena w zł").fill(price)
        quote.get_by_label("Najwcześniejszy termin dostawy").fill("2030-02-01")
        quote.get_by_label("Uwagi").fill("Z dostawą do magazynu.")
        quote.get_by_label("Imię i nazwisko").fill(f"Krawcowa z {cooperative}")
        quote.get_by_role("button", name="Złóż ofertę").click()
        page.get_by_text("Oferta wysłana do:").wait_for()
    else:
        page.get_by_label("Dlaczego nie możecie się tego podjąć?").fill(reason)
        page.get_by_role("button", name="Odmów").click()
        page.get_by_text("Odmówiliście.").wait_for()
    return counts


def accept_cheaper_and_deliver(page, need_slug) -> None:
    page.get_by_role("link", name=re.compile("^Moje zlecenia")).click()
    page.get_by_role("link", name="Porównaj oferty").click()
    page.wait_for_url(f"**/needs/{need_slug}/quotes/")
    rows = page.locator("table tbody tr")
    assert [NITKA in rows.nth(0).inner_text(), IGLA in rows.nth(1).inner_text()] == [True, True]
    assert "Nie mamy wolnych maszyn." in rows.nth(2).inner_text()
    rows.nth(0).get_by_role("link", name="Przyjmij").click()
    page.get_by_role("button", name="Złóż zamówienie").click()
    page.get_by_text("Zamówienie złożone w:").wait_for()
    page.get_by_role("button", name="Oznacz jako dostarczone").click()
    page.get_by_text("Zamówienie oznaczone jako dostarczone.").wait_for()


def renew_from_the_reminder(page, szew) -> None:
    page.context.clear_cookies()  # the link works without signing in
    page.goto(szew.url)
    assert page.locator(".message--warning").inner_text().startswith("Dane niepotwierdzone od")
    reminder = message_to(szew_member_email(szew), "aktualny")
    page.goto(CONFIRM_PROFILE.search(reminder.body).group(1))
    page.get_by_role("button", name="Tak, wszystko jest nadal aktualne").click()
    page.wait_for_url(f"**{szew.url}")
    assert "potwierdzony jako aktualny" in page.locator(".messages").inner_text()
    assert page.locator(".message--warning").count() == 0


def szew_member_email(szew) -> str:
    return Organisation.objects.get(page=szew).memberships.get().user.email


# -- the journey


@pytest.mark.parametrize("pause", [False, True], ids=["worker-throughout", "worker-paused"])
def test_a_new_company_orders_from_one_of_three_cooperatives_and_everyone_hears_of_it(
    page, live_server, directory, queued_mail, daily_jobs_held, pause, capsys
):
    started = time.perf_counter()
    worker = WorkerThread().start()
    try:
        run_journey(page, live_server, directory, worker, pause)
    finally:
        worker.stop()
    seconds = time.perf_counter() - started
    with capsys.disabled():
        print(f"\nmarketplace journey ({'paused' if pause else 'running'} worker): {seconds:.1f} s")


def run_journey(page, live_server, d, worker, pause) -> None:
    expected = Counter()
    anna, nitka_member, szew_member = d["anna"], d["nitka_member"], d["szew_member"]

    sign_up_and_confirm(page, expected)
    register_company(page)
    claim_igla(page, anna, live_server)
    assert Claim.objects.get().status == "approved"  # her address is on Igła's domain
    claimed = f"[Kooperacja] Przejęcie profilu organizacji {IGLA} zostało zatwierdzone"
    expected[(anna.email, claimed)] += 1
    approve_registration(page, d["admin"], live_server)
    expected[(BOSS, f"[Kooperacja] Rejestracja organizacji {COMPANY} została zatwierdzona")] += 1
    arrive(expected)

    post_need_and_shortlist(page)
    need = Need.objects.get(title=NEED)
    send = fill_quote_request(page)
    if pause:
        worker.stop()  # it ends the pass at hand: what it delivers, it has delivered now
    before_pause = delivered()
    send.click()
    page.get_by_text("Prośba o ofertę wysłana do:").wait_for()
    asked = f"[Kooperacja] Prośba o ofertę od {COMPANY}: {NEED}"
    for address in (anna.email, nitka_member.email, "biuro@ss-nitka.example"):
        expected[(address, asked)] += 1
    for address in (szew_member.email, "biuro@ss-szew.example"):
        expected[(address, asked)] += 1
    # The daily job of reminders falls due (with the worker down: it is enqueued on restart).
    make_due("freshness_reminders")

    cooperative_counts = answer(page, anna, live_server, IGLA, price="15000")
    # On the site: her claim decided, the new need that fits Igła (by e-mail only in the
    # daily digest), and the request for a quote.
    assert cooperative_counts == {"Zapytania": "1", "Powiadomienia": "3"}
    assert sorted(Notification.objects.filter(user=anna).values_list("kind", flat=True)) == [
        "decision",
        "new_need",
        "reply",
    ]
    assert answer(page, nitka_member, live_server, NITKA, price="11000") == {
        "Zapytania": "1",
        "Powiadomienia": "2",  # the new need, the request
    }
    answer(page, szew_member, live_server, SZEW, reason="Nie mamy wolnych maszyn.")
    for cooperative in (IGLA, NITKA):
        expected[(BOSS, f"[Kooperacja] Oferta od {cooperative}: {NEED}")] += 1
    expected[(BOSS, f"[Kooperacja] {SZEW} odmawia: {NEED}")] += 1
    reminder = f"[Kooperacja] Czy profil {SZEW} jest nadal aktualny?"
    expected[(szew_member.email, reminder)] += 1

    if pause:
        # Nothing of the pause went out: the five requests and three answers wait in
        # PostgreSQL, and the reminder is not even enqueued (the worker reads the clock).
        assert delivered() == before_pause
        assert waiting_emails() == 5 + 3
        assert not DBTaskResult.objects.filter(task_path="cms.jobs.freshness_reminders").exists()
        worker.start()
    arrive(expected)

    # The company sees its unread answers in the header, compares, orders and gets it.
    switch_to(page, Organisation.objects.get(name=COMPANY).memberships.get().user, live_server)
    assert header_counts(page) == {"Moje zlecenia": "3", "Powiadomienia": "4"}
    accept_cheaper_and_deliver(page, need.slug)
    order = Order.objects.get()
    assert (order.cooperative.title, order.status) == (NITKA, "delivered")
    assert sorted(Inquiry.objects.values_list("cooperative__title", "status")) == [
        (IGLA, "not_chosen"),
        (NITKA, "agreed"),
        (SZEW, "declined"),
    ]
    for address in (nitka_member.email, "biuro@ss-nitka.example"):
        expected[(address, f"[Kooperacja] Twoja oferta została przyjęta: {NEED}")] += 1
    expected[(anna.email, f"[Kooperacja] Twoja oferta nie została wybrana: {NEED}")] += 1
    arrive(expected)

    renew_from_the_reminder(page, d["szew"])
    assert CooperativePage.objects.get(pk=d["szew"].pk).verified_on == timezone.localdate()

    # Nothing more comes, nothing twice: every e-mail task ran once, and the outbox is exact.
    time.sleep(0.5)
    assert delivered() == expected
    assert waiting_emails() == 0
    assert DBTaskResult.objects.filter(queue_name="email").count() == len(mail.outbox)
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
