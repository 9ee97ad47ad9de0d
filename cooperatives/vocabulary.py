"""The seed vocabularies: capability and certificate codes of interfaces.md, with synonyms.

The codes are a public contract (imports and the API use them); labels and
synonyms are edited later in the Wagtail admin. Synonyms are words companies
actually write, in Polish and English, that should map to the capability.
"""

# code: (Polish label, English label, synonyms)
CAPABILITIES = {
    "sewing": (
        "szycie, krawiectwo",
        "sewing, tailoring",
        "szwalnia\nuszycie\nkrawiec\nodzież robocza\nfartuch\nodzież\nworkwear\ngarment\napron",
    ),
    "textile_repair": (
        "naprawy i reklamacje odzieży",
        "clothing repairs and returns",
        "reklamacja\nzwroty odzieży\nprzeróbki krawieckie\ncerowanie\n"
        "clothing returns\nalterations",
    ),
    "co_packing": (
        "co-packing, konfekcjonowanie, pakowanie",
        "co-packing, packing",
        "konfekcjonowanie\npakowanie\nzestawy prezentowe\netykietowanie\nfoliowanie\n"
        "copacking\npacking\ngift sets\nlabelling",
    ),
    "catering": (
        "catering, usługi gastronomiczne",
        "catering",
        "gastronomia\nposiłki\nobiady\nbufet\nprzyjęcie\nfood service\nmeals",
    ),
    "food_preparation": (
        "przygotowanie żywności (obieranie warzyw, sałatki)",
        "food preparation",
        "obieranie warzyw\nwarzywa korzeniowe\nsałatki\nowoce\nkrojenie\nfood prep\nsalads\n"
        "vegetable peeling",
    ),
    "cafe": (
        "prowadzenie kawiarni lub bufetu",
        "running a café",
        "kawiarnia\nbufet\nkawa\nstołówka\ncoffee shop\ncafe\ncanteen",
    ),
    "cleaning": (
        "sprzątanie, utrzymanie czystości",
        "cleaning",
        "sprzątanie biur\nmycie\nczyszczenie maszyn\nutrzymanie czystości\ncleaning services\n"
        "janitorial",
    ),
    "green_maintenance": (
        "pielęgnacja terenów zielonych",
        "grounds and green-area care",
        "koszenie\nogrodnictwo\nzieleń\ntrawniki\nodśnieżanie\ngardening\nlandscaping\nlawn",
    ),
    "laundry": ("pralnia", "laundry", "pranie\nprasowanie\nmaglowanie\nwashing\nironing"),
    "ceramics": (
        "ceramika",
        "ceramics",
        "garncarstwo\nglina\nkubki\nwyroby ceramiczne\npottery\nmugs",
    ),
    "electrical_assembly": (
        "montaż wiązek i podzespołów elektrycznych",
        "electrical harness assembly",
        "wiązki kablowe\nprzewody\nokablowanie\nkable\nwire harness\ncable assembly",
    ),
    "light_assembly": (
        "proste prace montażowe",
        "light assembly",
        "montaż\nskładanie\nprace ręczne\nkompletacja\nassembly\nkitting",
    ),
    "it_services": (
        "usługi informatyczne",
        "IT services",
        "informatyka\nstrony internetowe\nwsparcie IT\nsoftware\nhelpdesk\nweb development",
    ),
    "e_commerce": (
        "obsługa sklepu internetowego",
        "e-shop operation",
        "sklep internetowy\ne-sklep\nwysyłka zamówień\nonline shop\nwebshop\nfulfilment",
    ),
    "soap_making": (
        "wytwarzanie mydła i kosmetyków naturalnych",
        "soap and natural cosmetics",
        "mydło\nmydła glicerynowe\nkosmetyki naturalne\nsoap\nnatural cosmetics",
    ),
    "carpentry": (
        "stolarstwo",
        "carpentry",
        "stolarnia\ndrewno\nmeble\npalety\nwoodwork\nfurniture",
    ),
    "printing": (
        "poligrafia, druk",
        "printing",
        "drukarnia\nulotki\nwizytówki\nsitodruk\nnadruk\nprint shop\nleaflets",
    ),
    "event_support": (
        "obsługa imprez",
        "event support",
        "imprezy\nwydarzenia\nfestyn\nkonferencja\nevents\nconference",
    ),
    "gifts_handicraft": (
        "upominki, rękodzieło",
        "gifts and handicraft",
        "prezenty\nupominki okolicznościowe\nrękodzieło\ngadżety\ngifts\nhandmade\nsouvenirs",
    ),
    "digitization": (
        "digitalizacja, wprowadzanie danych, archiwizacja",
        "digitisation and data entry",
        "skanowanie\narchiwizacja\nwprowadzanie danych\ndigitization\nscanning\ndata entry",
    ),
    "call_center": (
        "obsługa telefoniczna",
        "call centre",
        "infolinia\ntelefony\nrecepcja\ncall center\nhelpline",
    ),
    "transport_delivery": (
        "transport, dostawy",
        "transport and delivery",
        "dowóz\nkurier\nprzewóz\ndelivery\ncourier",
    ),
    "renovation": (
        "remonty, prace wykończeniowe",
        "renovation",
        "malowanie\nwykończenia\nprace budowlane\nrenovation\npainting\nrefurbishment",
    ),
    "care_services": (
        "usługi opiekuńcze",
        "care services",
        "opieka\nopiekunka\nopieka nad seniorami\ncare\nelderly care",
    ),
}

# code: (Polish label, English label, usual issuer)
CERTIFICATIONS = {
    "haccp": ("HACCP", "HACCP", ""),
    "sanepid": (
        "zatwierdzenie sanepidu",
        "sanitary inspection approval",
        "Państwowa Inspekcja Sanitarna",
    ),
    "iso9001": ("ISO 9001", "ISO 9001", ""),
    "zakup_prospoleczny": (
        "znak „Zakup Prospołeczny”",
        '"Zakup Prospołeczny" mark',
        "regionalny ośrodek polityki społecznej",
    ),
}


def seed_vocabularies(apps) -> None:
    """Create the seed codes that are missing; labels already edited are left alone."""
    Capability = apps.get_model("cooperatives", "Capability")
    Certification = apps.get_model("cooperatives", "Certification")
    for code, (label_pl, label_en, synonyms) in CAPABILITIES.items():
        Capability.objects.get_or_create(
            code=code, defaults={"label_pl": label_pl, "label_en": label_en, "synonyms": synonyms}
        )
    for code, (label_pl, label_en, issuer) in CERTIFICATIONS.items():
        Certification.objects.get_or_create(
            code=code, defaults={"label_pl": label_pl, "label_en": label_en, "issuer": issuer}
        )


def add_missing_synonyms(apps) -> None:
    """Grow the synonyms of existing capabilities with the seed terms they lack (placeholder)."""
