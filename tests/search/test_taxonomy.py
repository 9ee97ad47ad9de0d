"""A need's own words are mapped to capability codes through the labels and synonyms stored
in the database (the admin edits them; the migrations seed them)."""

import pytest

from cooperatives.models import Capability
from search.taxonomy import load_taxonomy, restored, seed_taxonomy, within_one_edit
from tests.search.test_taxonomy_vocabulary import BUYER_PHRASES

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("szycie fartuchów roboczych, 2000 szt.", ["sewing"]),
        ("szycie fartuchow", ["sewing"]),
        # an ongoing verb is its finished pair's work ("utrzymać" of "utrzymanie czystości")
        ("firma, która będzie utrzymywać czystość w przychodni", ["cleaning"]),
        ("szycei fartuchów", ["sewing"]),
        ("konfekcjonowanie zestawów prezentowych", ["co_packing"]),
        ("katering dla 100 osób", ["catering"]),
        ("sewing work aprons", ["sewing"]),
        ("wiązki kablowe do maszyn", ["electrical_assembly"]),
        ("koszenie trawników przy biurze", ["green_maintenance"]),
        ("drewniane skrzynki na owoce", ["carpentry"]),
        ("malowanie ścian", ["renovation"]),
        ("naprawa zegarów wieżowych", []),
        # Round 3 (tests/relevance/ROUND3.md): buyers' words the vocabulary lacked.
        ("przepierki obrusów po weselach", ["laundry"]),
        ("dzwonienie do pacjentów z przypomnieniem o wizycie", ["call_center"]),
        ("paczki powitalne dla nowych pracowników", ["co_packing"]),
        ("welcome kits for new hires", ["co_packing"]),
        # Things named after another kind of work are its objects; named first, the order.
        ("pralnia w Gnieźnie albo niedaleko, obrusy z restauracji", ["laundry"]),
        ("paczki powitalne: kubek, notes, długopis i smycz", ["co_packing"]),
        ("industrial laundry for hotel bed linen", ["laundry"]),
        ("obrusy i bieżniki na wesele, 40 sztuk", ["sewing"]),
        ("mydło z logo i zapakowanie w zestawy", ["soap_making", "co_packing"]),
        ("kubki ceramiczne z logo i pakowanie w kartony", ["ceramics", "co_packing"]),
        ("pakowanie kubków ceramicznych", ["co_packing", "ceramics"]),
        # A prefix before a five-letter verbal noun; a loanword declined as written.
        ("umycie posadzek w hali", ["cleaning"]),
        # ...but not before a five-letter noun in -nie: "zadanie" is a task, not a dish.
        ("sprzątanie biura to zadanie na cały rok", ["cleaning"]),
        ("podanie o dofinansowanie i skanowanie dokumentów", ["digitization"]),
        ("postawienie strony na WordPressie", ["it_services"]),
        ("obsługa helpdesku dla biura", ["it_services"]),
        # A word typed without Polish letters in a text written with them means itself:
        # "lata" is years, not a patch ("łata"); typed all without, it may be.
        ("konserwacja dźwigów osobowych, umowa na dwa lata", []),
        ("łatanie obrusów, umowa na dwa lata", ["textile_repair"]),
        ("latanie dziur w obrusach", ["textile_repair"]),
        ("umycie posadzek i malowanie ścian", ["cleaning", "renovation"]),
        # A phrase's words are read from one sentence, not gathered over a letter...
        (
            "Przerwa między zmianami trwa 30 minut. Ekspres kawowy stoi w holu. Prosimy o "
            "sprzątanie biura.",
            ["cleaning"],
        ),
        ("Prosimy o sprzątanie biura. Przerwa kawowa o 10.", ["cleaning", "catering"]),
        # ...in any order within it.
        ("Kits welcome for new hires, 200 pieces.", ["co_packing"]),
    ],
)
def test_need_text_maps_to_capabilities(text, codes):
    assert load_taxonomy().capabilities_in(text) == codes


def test_the_migrated_database_maps_buyer_phrases_as_the_seed_list_does():
    stored, seeded = load_taxonomy(), seed_taxonomy()
    assert list(stored.phrases) == sorted(seeded.phrases)
    assert [stored.capabilities_in(text) for text, _codes in BUYER_PHRASES] == [
        seeded.capabilities_in(text) for text, _codes in BUYER_PHRASES
    ]


def test_a_synonym_added_in_the_admin_is_used_at_once():
    assert load_taxonomy().capabilities_in("potrzebna maglownica") == []
    laundry = Capability.objects.get(code="laundry")
    laundry.synonyms += "\nmaglownica"
    laundry.save()
    assert load_taxonomy().capabilities_in("potrzebna maglownica") == ["laundry"]


def test_a_term_removed_in_the_admin_no_longer_maps():
    carpentry = Capability.objects.get(code="carpentry")
    assert load_taxonomy().capabilities_in("karmniki dla ptaków") == ["carpentry"]
    # (karmniki name a thing made: in the things since migration 0008)
    carpentry.things = "\n".join(line for line in carpentry.thing_list() if line != "karmniki")
    carpentry.save()
    assert load_taxonomy().capabilities_in("karmniki dla ptaków") == []


def test_a_thing_added_in_the_admin_is_read_as_a_thing_at_once():
    ceramics = Capability.objects.get(code="ceramics")
    assert load_taxonomy().capabilities_in("pakowanie filiżanek") == ["co_packing"]
    ceramics.things += "\nfiliżanki"
    ceramics.save()
    taxonomy = load_taxonomy()
    assert taxonomy.capabilities_in("filiżanki z logo firmy") == ["ceramics"]
    assert taxonomy.capabilities_in("pakowanie filiżanek") == ["co_packing"]
    # Were it a synonym (the work), packing cups would ask for ceramics too.
    ceramics.synonyms += "\nfiliżanki"
    ceramics.things = ""
    ceramics.save()
    assert load_taxonomy().capabilities_in("pakowanie filiżanek") == ["co_packing", "ceramics"]


def test_one_edit_tolerance():
    assert within_one_edit("katering", "catering")
    assert within_one_edit("szycei", "szycie")  # a swap of neighbouring letters is one edit
    assert not within_one_edit("szycie", "szyciowe")
    assert not within_one_edit("ceramika", "cement")


def test_an_abbreviations_full_stop_ends_no_sentence():
    # A phrase is read within one sentence; "ok." (about) is no sentence's end.
    taxonomy = load_taxonomy()
    assert taxonomy.capabilities_in("małe kostki ok. 25 g do mycia rąk") == ["soap_making"]
    assert taxonomy.capabilities_in("małe kostki. Mycie rąk") != ["soap_making"]


def test_a_word_spelt_with_the_other_letter_of_a_pair_is_read_as_meant():
    # "rz" written "ż", "ó" written "u", "ch" written "h": spelling mistakes two edits from
    # the word meant ("wypierze", a form of "wyprać"), not typos.
    assert load_taxonomy().capabilities_in("kto to w poniedziałek odbieże i wypieże") == ["laundry"]
    assert restored("wypieże") == ("wypierze",)
    assert restored("hemia") == ("chemia",)
    assert restored("ręcznikuw") == ("ręczników",)
    assert restored("ręczników") == ()


@pytest.mark.parametrize(
    ("text", "codes", "outside"),
    [
        # A kind of work named only inside work none covers is part of that work...
        ("Przeczyszczenie przewodów kominowych w kamienicy", [], ["chimney_sweeping"]),
        ("montaż paneli fotowoltaicznych na dachu hali", [], ["building_installations"]),
        ("montaż klimatyzacji w biurze", [], ["building_installations"]),
        ("naprawa samochodów dostawczych z floty", [], ["vehicle_repair"]),
        # ...or read with one of its words ("auto dostawcze" from "dostawczych ... aut");
        ("naprawa samochodów dostawczych mamy sześć aut", [], ["vehicle_repair"]),
        # a word of it repeated is read as the same work, not as another kind;
        (
            "montaż instalacji fotowoltaicznej, wykona montaż do maja",
            [],
            ["building_installations"],
        ),
        # Professional services nobody here offers, named as work...
        ("obsługa prawna umów handlowych", [], ["legal_services"]),
        ("tłumaczenie przysięgłe świadectw na niemiecki", [], ["sworn_translation"]),
        ("badania okresowe pracowników magazynu", [], ["occupational_medicine"]),
        # Trades beside the cooperatives' own: what the work is done on is no second kind
        # when it is named only by things ("krzesła", "odzież robocza")...
        ("tapicer wymieni piankę i obije tkaniną 60 krzeseł", [], ["upholstery"]),
        (
            "przegląd maszyn szwalniczych w zakładzie odzieży roboczej",
            [],
            ["machine_servicing"],
        ),
        ("tłumacz języka migowego na spotkanie z mieszkańcami", [], ["sign_language"]),
        ("tłumacz języka migowego na konferencję", [], ["sign_language"]),
        ("ustawienie uli na dachu i miodobranie", [], ["beekeeping"]),
        # Round 7's trades: each takes the profile word it holds ("malowane", "przewóz",
        # "klejenie") with it, so painting, transport and assembly are not asked for.
        ("balustrady ze stali, malowanie proszkowe na zielono", [], ["metalwork"]),
        ("przewóz zwłok i pochówek na cmentarzu komunalnym", [], ["funeral_services"]),
        ("naprawa butów roboczych, klejenie cholewek", [], ["shoe_repair"]),
        ("malowanie linii i kopert na parkingu", [], ["road_marking"]),
        # Round 8's: a kind read from one word, once, beside such work is its setting.
        ("szkolenia BHP dla pracowników pralni hotelowej", [], ["ohs_services"]),
        ("wiercenie studni do podlewania ogrodu przedszkola", [], ["well_drilling"]),
        (
            "malowanie ścian w biurze i oznakowanie poziome parkingu",
            ["renovation"],
            ["road_marking"],
        ),
        # Round 9's: named by the work, and the kinds only inside it go with it.
        (
            "szukamy serwisanta do pralnic przemysłowych w hotelowej pralni",
            [],
            ["machine_servicing"],
        ),
        ("Seasonal tyre swap and brake check for 8 delivery vans", [], ["vehicle_repair"]),
        ("bukiet dla panny młodej i kompozycje z róż na stoły", [], ["floristry"]),
        ("wynajem namiotów i stołów na festyn", [], ["equipment_rental"]),
        ("build a mobile app for booking, with an admin panel", [], ["app_development"]),
        # Round 10's: the fitting takes the fitting word, the calendar is a content plan.
        (
            "wymiana 36 starych okien drewnianych na PCV razem z montażem",
            [],
            ["window_fitting"],
        ),
        (
            "manage our Facebook and Instagram: a content calendar and paid ad campaigns",
            [],
            ["social_media"],
        ),
        ("druk kalendarzy firmowych na 2027 rok", ["printing"], []),
        # "3D" is a number to the analyser: printing in 3D is read as one word...
        ("3D printing of 40 prototype enclosures in PETG", [], ["printing_3d"]),
        ("druk 3D obudów z PETG, 40 sztuk", [], ["printing_3d"]),
        ("we need 3D visualisations and printing of 500 leaflets", ["printing"], []),
        # ...while testing an app is still the IT cooperatives' work;
        ("testy aplikacji mobilnej przed wydaniem", ["it_services"], []),
        # ...a maker of upholstered furniture ordering covers sewn asks for sewing;
        ("szycie pokrowców do mebli tapicerowanych", ["sewing"], []),
        # ...but an accounting office asking for scanning asks for scanning;
        ("skanowanie dokumentów księgowych biura rachunkowego", ["digitization"], []),
        ("wędzarnia ryb zleci pakowanie filetów w kartony", ["co_packing"], []),
        ("szkoła językowa szuka firmy do sprzątania biura", ["cleaning"], []),
        # ...named beside it, it is still asked for;
        ("sprzątanie biura i montaż klimatyzacji", ["cleaning"], ["building_installations"]),
        # the pests named, a church tower's clock, a plot's boundaries (rounds 13 and 15):
        ("w piwnicach szczury, przy altanie śmietnikowej trutka", [], ["pest_control"]),
        (
            "wyregulować mechanizm zegara i ustawić godziny dzwonienia",
            [],
            ["tower_clocks"],
        ),
        ("wytyczenie granic działki pod plac zabaw", [], ["land_surveying"]),
        # fireworks, whose maker clears up after them, and trophies stuffed (round 17)
        (
            "pokaz sztucznych ogni nad stawem, wykonawca sam posprząta teren",
            [],
            ["fireworks"],
        ),
        ("dwa dziki i lis do wypchania w całości", [], ["taxidermy"]),
        # crowns and dentures, potholes, a hairdresser's day at a care home (round 18)
        (
            "korony i mosty porcelanowe, wypalanie i szkliwienie, licówki",
            [],
            ["dental_prosthetics"],
        ),
        ("dziury w asfalcie wypełnić masą bitumiczną", [], ["road_repair"]),
        ("strzyżenie włosów i farbowanie włosów dla pensjonariuszy", [], ["hairdressing"]),
        # dance lessons, soil samples, electrical measurements, a bus's bodywork (round 19)
        ("kto poprowadzi próby poloneza i walca na sali", [], ["dance_lessons"]),
        ("próbki gleby z 28 pól, woreczki i etykiety zapewni wykonawca", [], ["soil_testing"]),
        (
            "rezystancja izolacji przewodów w 40 obwodach, pomiar uziemienia",
            [],
            ["electrical_inspection"],
        ),
        ("bus ma pordzewiałe nadkola i wgnieciony błotnik", [], ["vehicle_repair"]),
        # energy certificates, a combine's harvest, scaffolding (round 20)
        (
            "świadectwa charakterystyki energetycznej dla trzech bloków, skany projektów",
            [],
            ["energy_certificates"],
        ),
        ("skoszenie kombajnem 45 ha pszenicy, słoma na pokosach", [], ["harvesting"]),
        # the broad batch from PKD 2007's sections (after round 21)
        ("regeneracja tonerów z 14 drukarek laserowych", [], ["toners_copiers"]),
        ("strojenie pianina w auli przed koncertem", [], ["instrument_tuning"]),
        ("rozbiórka stodoły z cegły i drewna", [], ["demolition"]),
        # "tłumaczy" is also the verb "tłumaczyć": the genitive is a phrase of its own
        ("Potrzebujemy dwóch tłumaczy polskiego języka migowego", [], ["sign_language"]),
        # a kind's own phrase written whole beside them is still asked for (round 40); a
        # word of it far off is not ("przewóz zwłok … osobom zmarłym" asks no "przewóz osób")
        (
            "montaż wiązek elektrycznych do instalacji 12 V w kamperach",
            ["electrical_assembly"],
            ["building_installations"],
        ),
        (
            "pochówki osobom zmarłym samotnie: przewóz zwłok i przechowanie w chłodni",
            [],
            ["funeral_services"],
        ),
        # and the same words alone keep their kinds of work.
        ("czyszczenie wykładzin w biurze", ["cleaning"], []),
        ("montaż lamp biurkowych", ["light_assembly"], []),
        ("transport mebli samochodem dostawczym", ["transport_delivery"], []),
    ],
)
def test_work_no_kind_covers_takes_the_kind_named_only_inside_it(text, codes, outside):
    taxonomy = load_taxonomy()
    assert taxonomy.capabilities_in(text) == codes
    assert taxonomy.outside_work_in(text) == outside
    assert set(taxonomy.matches(text)) == set(codes)


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # An occasion named after other work is what that work is for...
        ("catering na konferencję dla 100 osób", ["catering"]),
        ("sprzątanie po festynie gminnym", ["cleaning"]),
        # ...named first or alone, it asks for the event work itself,
        ("konferencja dla 200 osób w Poznaniu, potrzebujemy wsparcia", ["event_support"]),
        # as does the work of the occasion.
        ("obsługa konferencji i catering", ["event_support", "catering"]),
    ],
)
def test_an_occasion_is_what_event_work_is_for(text, codes):
    assert load_taxonomy().capabilities_in(text) == codes


@pytest.mark.parametrize(
    ("text", "codes", "without_the_rule"),
    [
        # Other work done on things a trade here makes or handles: the things are what it is
        # done on, not what is ordered (none of these works is in the outside-work list).
        ("naprawa 40 krzeseł drewnianych w stołówce", [], "carpentry"),
        ("wypożyczenie 200 obrusów na wesele", [], "sewing"),
        ("wynajem 16 stołów i 140 krzeseł na festyn", [], "carpentry"),
        ("przegląd kosiarek i podkaszarek przed sezonem", [], "green_maintenance"),
        ("rental of tablecloths and chair covers for a wedding", [], "sewing"),
        ("kontrola jakości zabawek i pakowanie", ["co_packing"], "gifts_handicraft"),
    ],
)
def test_things_work_on_things_is_done_on_are_not_ordered(text, codes, without_the_rule):
    taxonomy = load_taxonomy()
    assert taxonomy.capabilities_in(text) == codes
    # Without the action word the same things are ordered: the rule is what drops them.
    action = text.split()[0]
    assert without_the_rule in taxonomy.capabilities_in(text.replace(action, "", 1))


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # A trade's own phrase holding the action word is that trade's work...
        ("naprawa odzieży roboczej", ["textile_repair"]),
        ("wymiana zamków w 50 kurtkach", ["textile_repair"]),
        # ...and a kind's own work named after the action word is still asked for.
        ("naprawa i uszycie pokrowców na krzesła", ["sewing"]),
        ("przegląd i pielęgnacja zieleni na osiedlu", ["green_maintenance"]),
        ("wynajem i pranie odzieży roboczej", ["laundry"]),
        ("wynajem busa z kierowcą na wycieczkę", ["transport_delivery"]),
        # Things with no such word before them are ordered.
        ("uszycie 300 lnianych obrusów", ["sewing"]),
        ("300 lnianych obrusów z haftem", ["sewing"]),
    ],
)
def test_work_named_beside_work_on_things_is_still_asked_for(text, codes):
    assert load_taxonomy().capabilities_in(text) == codes
