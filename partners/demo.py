"""Demo data of brokered help (``setup_demo``): the demo company's need for work aprons in
Poznań, which it took to the regional centre twice.

Two weeks ago it asked for help and three days later the centre recommended two sewing
cooperatives; two days ago it asked again (those two are busy until spring), and that
request is waiting in the centre's queue. Written with past dates, so the dashboard's
"median days to the first recommendation" has a value (3.0) on the first run.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from cms.models import Voivodeship
from cooperatives.models import CooperativePage
from partners.models import BrokeredRequest, Contact, Need, Recommendation

NEED = "need-fartuchy-robocze-poznan"
RECOMMENDED = ("ss-scieg-poznan", "ss-nitka-swarzedz")
FIRST_NOTE = "Nie znamy szwalni w okolicy. Kto uszyje 2000 fartuchów do marca?"
ANSWER = "Obie szyją odzież roboczą w okolicach Poznania i mają wolne moce od stycznia."
CALL = "Telefon do „Ściegu”: mogą szyć od stycznia."
SECOND_NOTE = "Obie spółdzielnie są zajęte do wiosny. Czy jest ktoś jeszcze?"


@transaction.atomic
def demo_requests(company_user, centre_user) -> None:
    """The two requests and the recommendation, once (nothing if the need has requests)."""
    need = Need.objects.get(slug=NEED)
    if need.brokered_requests.exists():
        return
    now = timezone.now()
    region = Voivodeship.objects.get(teryt="30")
    asked, answered = now - timedelta(days=14), now - timedelta(days=11)
    first = BrokeredRequest.objects.create(
        need=need,
        voivodeship=region,
        asked_by=company_user,
        note=FIRST_NOTE,
        created_at=asked,
        status=BrokeredRequest.Status.ANSWERED,
        answered_at=answered,
    )
    recommendation = Recommendation.objects.create(
        need=need, request=first, note=ANSWER, made_by=centre_user, sent_at=answered
    )
    cooperatives = CooperativePage.objects.filter(slug__in=RECOMMENDED).order_by("title")
    recommendation.cooperatives.set(cooperatives)
    again = now - timedelta(days=2)
    BrokeredRequest.objects.create(
        need=need, voivodeship=region, asked_by=company_user, note=SECOND_NOTE, created_at=again
    )
    names = ", ".join(cooperative.title for cooperative in cooperatives)
    for kind, side, user, text, when in [
        (Contact.Kind.REQUEST, Contact.Side.COMPANY, company_user, FIRST_NOTE, asked),
        (Contact.Kind.NOTE, Contact.Side.CENTRE, centre_user, CALL, asked + timedelta(days=1)),
        (Contact.Kind.RECOMMENDATION, Contact.Side.CENTRE, centre_user, names, answered),
        (Contact.Kind.REQUEST, Contact.Side.COMPANY, company_user, SECOND_NOTE, again),
    ]:
        Contact.objects.create(
            need=need, kind=kind, side=side, author=user, text=text, created_at=when
        )
