"""The public search page over the directory (Elasticsearch); a plain message when it is down."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _

from cms.models import Voivodeship
from cooperatives.models import Capability, CooperativePage
from partners import needs
from partners.forms import InquiryForm
from search.forms import DirectorySearchForm
from search.query import DIRECTORY_PAGE_SIZE, Need, match, relax, search_directory
from search.sync import UNAVAILABLE


def directory_search(request):
    form = DirectorySearchForm(request.GET or None)
    context = {"form": form, "page_size": DIRECTORY_PAGE_SIZE}
    if not form.is_bound:
        return render(request, "search/search.html", context)
    if not form.is_valid():
        return render(request, "search/search.html", context, status=400)
    data = form.cleaned_data
    place = data["near"]
    try:
        result = search_directory(
            text=data["q"],
            capability=data["capability"],
            voivodeship=data["voivodeship"],
            lat=place.lat if place else None,
            lon=place.lon if place else None,
            page=data["page"] or 1,
            sort=data["sort"],
        )
    except UNAVAILABLE:
        context["unavailable"] = _(
            "Search is temporarily unavailable. The directory pages still work: browse "
            "cooperatives by region and capability there."
        )
        return render(request, "search/search.html", context, status=503)
    labels = {c.code: c.label for c in Capability.objects.all()}
    regions = dict(Voivodeship.objects.values_list("teryt", "name"))
    context.update(
        result=result,
        place=place,
        capability_facets=[
            (code, labels.get(code, code), n) for code, n in result.facets["capabilities"].items()
        ],
        voivodeship_facets=[
            (teryt, regions.get(teryt, teryt), n)
            for teryt, n in result.facets["voivodeships"].items()
        ],
        has_next=result.page * DIRECTORY_PAGE_SIZE < result.total,
    )
    return render(request, "search/search.html", context)


@login_required
def need_matches(request, slug):
    """The ranked, explained cooperatives for one of the company's needs."""
    need = needs.need_for(request.user, slug)
    query = Need.for_need(need)
    context = {
        "need": need,
        "shortlisted": set(need.shortlist.values_list("cooperative_id", flat=True)),
        "asked": set(need.inquiries.values_list("cooperative_id", flat=True)),
        "inquiry_form": InquiryForm(),
    }
    try:
        result = match(query)
    except UNAVAILABLE:
        context["unavailable"] = _(
            "Matching is temporarily unavailable. Your need is saved; come back in a while."
        )
        return render(request, "search/need_matches.html", context, status=503)
    pages = {
        page.slug: page
        for page in CooperativePage.objects.live().filter(
            slug__in=[item.slug for item in result.results]
        )
    }
    context["matches"] = [(item, pages.get(item.slug)) for item in result.results]
    context["result"] = result
    if not result.results:
        relaxed = relax(query)
        if relaxed:
            context["relaxed_condition"], relaxed_result = relaxed
            context["relaxed"] = relaxed_result.results
    return render(request, "search/need_matches.html", context)
