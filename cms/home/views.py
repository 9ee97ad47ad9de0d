"""The home page box's two addresses: the explained matches for anyone (/find/), and "Save this
as a need", which keeps the words through signing up (:mod:`cms.home.pending`)."""

import logging

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cms.home import pending
from cms.home.forms import NeedBoxForm
from cms.home.summary import cooperative_listing_url
from search.query import match
from search.sync import REFUSED, UNAVAILABLE

logger = logging.getLogger(__name__)


def find(request):
    """The cooperatives that fit what the visitor typed, each with why; no account needed."""
    form = NeedBoxForm(request.GET or None)
    context = {"form": form}
    if not form.is_bound:
        return render(request, "cms/home/find.html", context)
    if not form.is_valid():
        return render(request, "cms/home/find.html", context, status=400)
    try:
        result = match(form.match_request())
    except REFUSED as error:
        logger.warning("Elasticsearch refused a question from the home page: %s", error)
        context["problem"] = _(
            "The search engine cannot answer this question. Try fewer or simpler words."
        )
        return render(request, "cms/home/find.html", context, status=400)
    except UNAVAILABLE:
        context["problem"] = _(
            "Matching is temporarily unavailable. The directory pages still work: browse "
            "cooperatives by region and kind of work there."
        )
        context["browse_url"] = cooperative_listing_url(request)
        return render(request, "cms/home/find.html", context, status=503)
    # The town from the box, or the one the words named: distances are measured from it.
    context.update(result=result, place=form.place or result.place)
    return render(request, "cms/home/find.html", context)


@require_http_methods(["GET", "POST"])
def save_need(request):
    """POST: keep the typed need and go on to save it, by way of signing up when needed.
    GET (where signing up or logging in comes back to): go on with the need kept before."""
    if request.method == "POST":
        form = NeedBoxForm(request.POST)
        if not form.is_valid():
            return render(request, "cms/home/find.html", {"form": form}, status=400)
        pending.keep(request.session, form.cleaned_data["q"], form.cleaned_data["town"])
    elif not pending.is_kept(request.session):
        return redirect("wagtail_serve", "")
    if not request.user.is_authenticated:
        messages.info(
            request,
            _(
                "To save your need, shortlist cooperatives and send inquiries, create a free "
                "account or log in. What you typed is kept."
            ),
        )
        return redirect_to_login(reverse("save-need"), reverse("account_signup"))
    if pending.may_save(request.user):
        return redirect("new-need")
    messages.info(
        request,
        _(
            "A need belongs to a company: register yours here, or ask to join it from "
            "“My organisations”. What you typed is kept for the need form."
        ),
    )
    return redirect("register-organisation")
