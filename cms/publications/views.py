"""The events list per region and its iCalendar feed."""

from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from cms.models import Voivodeship
from cms.models.publications import PAGE_SIZE, PublicationsIndexPage, past_events, upcoming_events
from cms.publication_filters import PAST, UPCOMING, EventFilterForm
from cms.publications.calendar import calendar


def _chosen(form):
    """(voivodeship or None, "upcoming" or "past", page number) from a valid or empty form."""
    if not (form.is_bound and form.is_valid()):
        return None, UPCOMING, 1
    data = form.cleaned_data
    return form.region(), data["when"] or UPCOMING, data["page"] or 1


def _events(region, when):
    found = upcoming_events() if when == UPCOMING else past_events()
    return found.filter(voivodeship=region) if region else found


def regional_counts(when: str) -> list[tuple[str, str, int]]:
    """(TERYT, voivodeship, number of events) for the regions that have any, in TERYT order
    (which is the alphabetical order of their Polish names)."""
    found = upcoming_events() if when == UPCOMING else past_events()
    rows = (
        found.order_by()
        .exclude(voivodeship=None)
        .values("voivodeship__teryt", "voivodeship__name")
        .annotate(events=Count("pk"))
        .order_by("voivodeship__teryt")
    )
    return [(row["voivodeship__teryt"], row["voivodeship__name"], row["events"]) for row in rows]


def events(request):
    form = EventFilterForm(request.GET or None, voivodeships=Voivodeship.objects.all())
    region, when, number = _chosen(form)
    found = _events(region, when).select_related("voivodeship")
    feed = reverse("events-calendar")
    if region:
        feed += f"?voivodeship={region.teryt}"
    context = {
        "form": form,
        "region": region,
        "when": when,
        "past": when == PAST,
        "counts": regional_counts(when),
        "page_obj": Paginator(found, PAGE_SIZE).get_page(number),
        "calendar_url": feed,
        "index": PublicationsIndexPage.objects.live().first(),
    }
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "publications/events.html", context, status=status)


def events_calendar(request):
    """Events not over yet (``?when=past``: those that are), of one voivodeship with
    ``?voivodeship=<TERYT>``, as text/calendar."""
    form = EventFilterForm(request.GET or None, voivodeships=Voivodeship.objects.all())
    if form.is_bound and not form.is_valid():
        problems = " ".join(str(error) for errors in form.errors.values() for error in errors)
        return HttpResponse(problems, status=400, content_type="text/plain; charset=utf-8")
    region, when, _number = _chosen(form)
    name = _("Kooperacja: events")
    if region:
        name = f"{name} ({region.name})"
    body = calendar(
        _events(region, when),
        name,
        url_of=lambda event: request.build_absolute_uri(event.get_url(request)),
        uid_domain=request.get_host().split(":")[0],
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="kooperacja-events.ics"'
    return response
