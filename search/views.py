"""The public search page over the directory (Elasticsearch); a plain message when it is down
or refuses the question."""

import logging

from django.shortcuts import render
from django.utils.translation import gettext as _

from cms.models import Voivodeship
from cms.publications.site_search import find_publications
from cooperatives.models import Capability
from search.directory import MAX_PAGE, PAGE_SIZE, search_directory
from search.forms import DirectorySearchForm
from search.sync import REFUSED, UNAVAILABLE

logger = logging.getLogger(__name__)


def directory_search(request):
    form = DirectorySearchForm(request.GET or None)
    context = {"form": form, "page_size": PAGE_SIZE}
    if not form.is_bound:
        return render(request, "search/search.html", context)
    if not form.is_valid():
        return render(request, "search/search.html", context, status=400)
    data = form.cleaned_data
    # News, guides and events by the same words, from Wagtail's search
    # (cms.publications.site_search).
    context["publications"] = find_publications(data["q"])
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
            reserved_contracts=data["reserved_contracts"],
        )
    except REFUSED as error:
        logger.warning("Elasticsearch refused a search as invalid: %s", error)
        context["refused"] = _(
            "The search engine cannot answer this question. Try fewer or simpler words."
        )
        return render(request, "search/search.html", context, status=400)
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
        # The town from the form, or the one the words named.
        place=place or result.place,
        capability_facets=[
            (code, labels.get(code, code), n) for code, n in result.facets["capabilities"].items()
        ],
        voivodeship_facets=[
            (teryt, regions.get(teryt, teryt), n)
            for teryt, n in result.facets["voivodeships"].items()
        ],
        has_next=result.page < MAX_PAGE and result.page * PAGE_SIZE < result.total,
    )
    return render(request, "search/search.html", context)
