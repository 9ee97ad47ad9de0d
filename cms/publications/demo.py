"""What the demo's regional centre has published: three guides, three news items and four
events (two coming up in Wielkopolska, one online, one past), so `make demo` shows each kind.

The guides are written for this site from what the founding report and the WTZ project's
news describe; nobody's name or contact is in them. Event dates count from the day the demo
is set up. Running it again keeps what is already there.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone
from wagtail.rich_text import RichText

from cms.models import Organisation
from cms.models.publications import EventPage, GuidePage, NewsPage
from cms.publications.calendar import WARSAW
from cms.publications.sections import open_section


def _body(*blocks):
    """Stream blocks from ("h", text) headings and ("p", html) paragraphs."""
    return [
        ("heading", text) if kind == "h" else ("paragraph", RichText(text)) for kind, text in blocks
    ]


GUIDES = [
    {
        "slug": "zalozenie-spoldzielni-przy-wtz",
        "title": "Jak założyć spółdzielnię socjalną przy WTZ: etapy modelu",
        "intro": (
            "Warsztat terapii zajęciowej przygotowuje do pracy, ale sam pracy nie daje. "
            "Spółdzielnia socjalna założona obok warsztatu może ją dać: oto kolejne kroki."
        ),
        "body": _body(
            ("h", "1. Rozpoznanie"),
            (
                "p",
                "<p>Zacznijcie od dwóch pytań: którzy uczestnicy warsztatu są gotowi do pracy "
                "i czego potrzebują firmy oraz urzędy w okolicy. Dobra spółdzielnia robi to, "
                "co uczestnicy już ćwiczą w pracowniach, i to, za co ktoś w pobliżu chce "
                "płacić: szycie, ceramikę, gastronomię, sprzątanie, pielęgnację zieleni.</p>",
            ),
            ("h", "2. Grupa inicjatywna i założyciele"),
            (
                "p",
                "<p>Spółdzielnię socjalną mogą założyć osoby prawne, na przykład stowarzyszenie "
                "lub fundacja prowadząca warsztat razem z gminą albo powiatem. Grupa "
                "inicjatywna ustala, kto wnosi lokal, kto wkład, kto prowadzi księgowość "
                "i kto będzie opiekunem zatrudnionych osób.</p>",
            ),
            ("h", "3. Partner biznesowy i pierwsze zlecenie"),
            (
                "p",
                "<p>Najpewniejszy start to stałe zlecenia od jednej firmy, która zna swoje "
                "potrzeby i może przeszkolić przyszłych pracowników. Opiszcie usługę razem "
                "z nią: ilości, terminy, jakość, cenę. Regionalny ośrodek pomoże znaleźć "
                "taką firmę.</p>",
            ),
            ("h", "4. Rejestracja i pieniądze na start"),
            (
                "p",
                "<p>Statut, wpis do KRS, biznesplan. Ośrodek wsparcia ekonomii społecznej "
                "(OWES) doradza przy każdym z tych kroków i informuje o dotacjach na "
                "utworzenie miejsc pracy.</p>",
            ),
            ("h", "5. Zatrudnienie i wsparcie w pracy"),
            (
                "p",
                "<p>Uczestnik, który podejmuje pracę w spółdzielni, zwalnia miejsce w "
                "warsztacie dla kolejnej osoby. Przez pierwsze miesiące potrzebuje trenera "
                "pracy i stałego opiekuna. Zapiszcie w profilu spółdzielni, ile osób przeszło "
                "z warsztatu do pracy: te liczby pokazuje panel regionu.</p>",
            ),
        ),
        "title_en": "Founding a social cooperative at a WTZ: the stages of the model",
        "intro_en": (
            "An occupational therapy workshop prepares people for work but cannot employ them. "
            "A social cooperative set up beside it can: these are the steps."
        ),
        "body_en": _body(
            ("h", "1. Find out"),
            (
                "p",
                "<p>Start with two questions: which participants are ready to work, and what do "
                "companies and offices nearby need? A good cooperative does what participants "
                "already practise in the workshop, for which someone nearby will pay: sewing, "
                "ceramics, catering, cleaning, green-area care.</p>",
            ),
            ("h", "2. The founding group"),
            (
                "p",
                "<p>Legal persons may found a social cooperative: for example the association or "
                "foundation running the workshop together with the gmina or powiat. The group "
                "agrees who provides premises, money, bookkeeping and day-to-day support.</p>",
            ),
            ("h", "3. A business partner and the first order"),
            (
                "p",
                "<p>The surest start is regular work from one company that knows what it needs "
                "and can train the future staff. Describe the service together: quantities, "
                "deadlines, quality, price. The regional centre helps find such a company.</p>",
            ),
            ("h", "4. Registration and start-up money"),
            (
                "p",
                "<p>Statute, entry in the KRS register, business plan. The social economy "
                "support centre (OWES) advises at each step and knows the grants for new "
                "jobs.</p>",
            ),
            ("h", "5. Work, with support"),
            (
                "p",
                "<p>A participant who takes a job frees a place in the workshop for the next "
                "person. In the first months they need a job coach. Record on the "
                "cooperative's profile how many people came from the workshop: the regional "
                "dashboard counts them.</p>",
            ),
        ),
    },
    {
        "slug": "zamawianie-u-spoldzielni-i-wtz",
        "title": "Jak zamówić usługę u spółdzielni socjalnej albo w WTZ",
        "intro": (
            "Kto wystawia fakturę, jak wybrać wykonawcę i kiedy zamówienie publiczne można "
            "zastrzec dla przedsiębiorstw społecznych."
        ),
        "body": _body(
            ("h", "Kto wystawia fakturę"),
            (
                "p",
                "<p>Spółdzielnia socjalna jest przedsiębiorstwem: sama przyjmuje zlecenie "
                "i wystawia fakturę ze swoim NIP. Warsztat terapii zajęciowej nie prowadzi "
                "działalności gospodarczej, więc zamówienie przyjmuje za niego podmiot, który "
                "go prowadzi (fundacja, stowarzyszenie, samorząd), albo spółdzielnia działająca "
                "przy warsztacie. Każdy profil w katalogu mówi, kto wystawia fakturę.</p>",
            ),
            ("h", "Jak zamówić"),
            (
                "p",
                "<ul><li>Opisz potrzebę własnymi słowami: co, ile, do kiedy i gdzie.</li>"
                "<li>Poproś o wyceny kilku wykonawców i porównaj je obok siebie.</li>"
                "<li>Przyjęta wycena staje się zamówieniem; jego wartość trafia do "
                "zestawienia zakupów społecznych Twojej firmy.</li>"
                "<li>Nie wiesz, kogo zapytać? Poproś regionalny ośrodek o pomoc.</li></ul>",
            ),
            ("h", "Zamówienia zastrzeżone (art. 94 Prawa zamówień publicznych)"),
            (
                "p",
                "<p>Gmina, powiat czy inna instytucja publiczna może zastrzec zamówienie dla "
                "wykonawców, u których co najmniej 30% pracowników to osoby z "
                "niepełnosprawnością lub z innych grup wymienionych w ustawie. Profil "
                "spółdzielni pokazuje, czy spełnia ten próg, z liczbami i datą ich podania. "
                "Dokumenty sprawdza zamawiający.</p>",
            ),
        ),
        "title_en": "Ordering from a social cooperative or a WTZ",
        "intro_en": (
            "Who invoices, how to choose a supplier, and when a public contract may be reserved "
            "for social enterprises."
        ),
        "body_en": _body(
            ("h", "Who invoices"),
            (
                "p",
                "<p>A social cooperative is a business: it takes the order and invoices under "
                "its own tax number (NIP). An occupational therapy workshop is not a business, "
                "so its operator (a foundation, association or local government) or the "
                "cooperative beside it takes the order. Every profile says who invoices.</p>",
            ),
            ("h", "How to order"),
            (
                "p",
                "<ul><li>Describe the need in your own words: what, how many, by when, "
                "where.</li><li>Ask several suppliers for quotes and compare them side by "
                "side.</li><li>An accepted quote becomes an order; its value goes into your "
                "company's social-procurement statement.</li><li>Not sure whom to ask? Ask "
                "your regional centre for help.</li></ul>",
            ),
            ("h", "Reserved contracts (art. 94 of the public procurement act)"),
            (
                "p",
                "<p>A gmina, powiat or other public buyer may reserve a contract for suppliers "
                "where at least 30% of the staff are people with disabilities or from the "
                "other groups the act names. A cooperative's profile shows whether it meets "
                "that share, with the figures and the date they were stated. The buyer checks "
                "the documents.</p>",
            ),
        ),
    },
    {
        "slug": "partnerstwo-trojstronne",
        "title": "Partnerstwo trójstronne: samorząd, organizacja prowadząca WTZ i firma",
        "intro": (
            "Trzy strony, trzy różne powody, jedna spółdzielnia, która daje pracę "
            "uczestnikom warsztatów."
        ),
        "body": _body(
            ("h", "Co zyskuje samorząd"),
            (
                "p",
                "<p>Mieszkańcy, którzy pracują zamiast czekać latami na miejsce w warsztacie; "
                "wykonawcę części usług publicznych, na przykład utrzymania zieleni; większe "
                "zaufanie w gminie lub powiecie.</p>",
            ),
            ("h", "Co zyskuje organizacja prowadząca warsztat"),
            (
                "p",
                "<p>Dalszą drogę dla uczestników, którzy są gotowi do pracy, i miejsce w "
                "warsztacie dla kolejnych osób. Organizacja zna ludzi i ich możliwości, więc "
                "to ona najlepiej dobiera pracę do osoby.</p>",
            ),
            ("h", "Co zyskuje firma"),
            (
                "p",
                "<p>Sprawdzonego wykonawcę pracy, którą warto zlecić na zewnątrz, nowe pomysły "
                "na produkty i usługi, a także silniejszą gospodarkę w regionie. Tak powstały "
                "na przykład ceramika robiona na zamówienie firmy przez spółdzielnię założoną "
                "przy warsztacie czy szycie odzieży roboczej dla firmy logistycznej.</p>",
            ),
            ("h", "Jak zacząć"),
            (
                "p",
                "<p>Od jednego małego, próbnego zlecenia. Firma szkoli przyszłych pracowników, "
                "organizacja zapewnia opiekę, samorząd pomaga lokalem lub zamówieniem. "
                "Regionalny ośrodek kojarzy strony i zapisuje partnerstwo w katalogu, żeby "
                "inni mogli z niego brać przykład.</p>",
            ),
        ),
        "title_en": "The tripartite partnership: local government, the WTZ's NGO and a business",
        "intro_en": (
            "Three parties, three reasons, one cooperative that gives workshop participants a job."
        ),
        "body_en": _body(
            ("h", "What local government gains"),
            (
                "p",
                "<p>Residents who work instead of waiting years for a workshop place; a "
                "supplier for some public services, such as green-area care; more trust in the "
                "gmina or powiat.</p>",
            ),
            ("h", "What the organisation running the workshop gains"),
            (
                "p",
                "<p>A way forward for participants ready to work, and room in the workshop for "
                "others. It knows the people and what they can do, so it matches work to each "
                "person best.</p>",
            ),
            ("h", "What the business gains"),
            (
                "p",
                "<p>A reliable supplier for work worth outsourcing, new ideas for products and "
                "services, and a stronger local economy. Ceramics made to a company's order by "
                "a cooperative founded at a workshop, or workwear sewn for a logistics firm, "
                "began this way.</p>",
            ),
            ("h", "How to start"),
            (
                "p",
                "<p>With one small trial order. The company trains the future staff, the "
                "organisation provides support, local government helps with premises or an "
                "order. The regional centre brings the parties together and records the "
                "partnership in the directory, for others to follow.</p>",
            ),
        ),
    },
]

NEWS = [
    (
        "spotkania-informacyjne-dla-wtz",
        20,
        "Ruszają spotkania informacyjne dla warsztatów terapii zajęciowej",
        "Warsztaty, samorządy i organizacje, które chcą założyć spółdzielnię socjalną albo "
        "współpracować z istniejącą, poznają model krok po kroku: prawo, finanse i przykłady "
        "z Wielkopolski.",
        "Information meetings for occupational therapy workshops begin",
        "Workshops, local governments and organisations that want to found a social "
        "cooperative, or work with one, learn the model step by step: law, money and examples "
        "from Wielkopolska.",
    ),
    (
        "nowy-poradnik-zamawianie",
        9,
        "Nowy poradnik: jak zamówić usługę u spółdzielni socjalnej",
        "Kto wystawia fakturę, jak porównać wyceny i czym są zamówienia zastrzeżone: "
        "wszystko w jednym miejscu.",
        "New guide: ordering from a social cooperative",
        "Who invoices, how to compare quotes and what reserved contracts are: all in one place.",
    ),
    (
        "firmy-szukaja-wykonawcow",
        2,
        "Firmy z regionu szukają wykonawców: szycie, catering, zieleń",
        "W katalogu przybyło potrzeb firm. Spółdzielnie, które mogą je podjąć, znajdą je na "
        "mapie i w wyszukiwarce.",
        "Companies in the region look for suppliers: sewing, catering, green areas",
        "More companies have posted needs. Cooperatives that can take them on find them on the "
        "map and in the search.",
    ),
]

# (slug, days from today, hour, hours long, title, place, town, online, English title)
EVENTS = [
    (
        "spotkanie-informacyjne-poznan",
        12,
        10,
        3,
        "Spotkanie informacyjne dla WTZ: spółdzielnia socjalna krok po kroku",
        "Sala konferencyjna, ul. Przykładowa 1",
        "Poznań",
        False,
        "Information meeting for WTZ: a social cooperative step by step",
    ),
    (
        "spotkanie-informacyjne-gniezno",
        26,
        11,
        2,
        "Spotkanie informacyjne dla WTZ i samorządów powiatu gnieźnieńskiego",
        "Starostwo, sala nr 2",
        "Gniezno",
        False,
        "Information meeting for WTZ and local governments around Gniezno",
    ),
    (
        "webinarium-zamowienia-zastrzezone",
        19,
        13,
        1,
        "Webinarium: zamówienia zastrzeżone dla przedsiębiorstw społecznych",
        "",
        "",
        True,
        "Webinar: contracts reserved for social enterprises",
    ),
    (
        "spotkanie-informacyjne-kalisz",
        -30,
        10,
        3,
        "Spotkanie informacyjne dla WTZ w Kaliszu",
        "Centrum Organizacji Pozarządowych",
        "Kalisz",
        False,
        "Information meeting for WTZ in Kalisz",
    ),
]


def _publish(section, page, author, when=None):
    """Add ``page`` below the section and publish it, dated ``when`` (default now)."""
    existing = type(page).objects.child_of(section).filter(slug=page.slug).first()
    if existing:
        return existing
    page.voivodeship_id = section.voivodeship_id
    if when:
        page.first_published_at = when
    section.add_child(instance=page)
    page.save_revision(user=author).publish(user=author, skip_permission_checks=True)
    return page


def publish_demo(centre: Organisation, author) -> int:
    """Publish the demo pages in ``centre``'s section; how many pages the section holds."""
    section = open_section(centre)
    now = timezone.now()
    for guide in GUIDES:
        _publish(section, GuidePage(**guide), author, now - timedelta(days=30))
    for slug, days_ago, title, intro, title_en, intro_en in NEWS:
        page = NewsPage(slug=slug, title=title, intro=intro, title_en=title_en, intro_en=intro_en)
        _publish(section, page, author, now - timedelta(days=days_ago))
    today = timezone.localdate()
    for slug, days, hour, hours, title, place, town, online, title_en in EVENTS:
        start = datetime.combine(today + timedelta(days=days), time(hour), tzinfo=WARSAW)
        page = EventPage(
            slug=slug,
            title=title,
            title_en=title_en,
            start=start,
            end=start + timedelta(hours=hours),
            place=place,
            town=town,
            online=online,
            intro=title,
            intro_en=title_en,
        )
        _publish(section, page, author)
    return section.get_descendants().count()
