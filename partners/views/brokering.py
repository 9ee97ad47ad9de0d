"""Brokered help: the regional centre's queue and its view of a need (matches, relaxed
suggestions, the whole directory, the recommendation being composed, the contact log),
and the company's request for help and one-click shortlisting from a recommendation."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cooperatives.models import CooperativePage
from partners import brokering, needs
from partners.forms import (
    ContactNoteForm,
    DirectoryWordsForm,
    HelpRequestForm,
    RecommendationForm,
)
from partners.views.needs import _need_page, matches_of
from search.directory import search_directory
from search.sync import UNAVAILABLE


@login_required
def queue(request):
    """Requests for help and needs without a match in the centre's voivodeship(s)."""
    return render(
        request, "partners/broker_queue.html", {"queue": brokering.queue_for(request.user)}
    )


def _directory(words: DirectoryWordsForm) -> dict:
    """The whole directory searched with the officer's words: cards with their pages."""
    if not words.is_valid() or not words.cleaned_data["q"].strip():
        return {}
    try:
        found = search_directory(text=words.cleaned_data["q"])
    except UNAVAILABLE:
        return {"directory_unavailable": True}
    pages = {
        page.slug: page
        for page in CooperativePage.objects.listed().filter(
            slug__in={item["slug"] for item in found.results}
        )
    }
    return {
        "directory": [(item, pages.get(item["slug"])) for item in found.results],
        "directory_total": found.total,
    }


def _broker_page(request, need, recommendation_form=None, note_form=None, status=200):
    words = DirectoryWordsForm(request.GET)
    context = {
        "need": need,
        "region": brokering.region_of(need),
        "panel": brokering.broker_panel(request.user, need),
        "words": words,
        "recommendation_form": recommendation_form or RecommendationForm(),
        "note_form": note_form or ContactNoteForm(),
        **_directory(words),
    }
    if need.is_open:
        context.update(matches_of(need))
    return render(request, "partners/broker_need.html", context, status=status)


@login_required
def broker_need(request, slug):
    """A need as its regional centre reads it, with the broker's panel."""
    return _broker_page(request, brokering.brokered_need_for(request.user, slug))


def _back(request, slug):
    """Back to the centre's view of the need, keeping the directory words it searched with."""
    response = redirect("broker-need", slug=slug)
    words = request.POST.get("q", "").strip()
    if words:
        response["Location"] += "?" + urlencode({"q": words})
    return response


@login_required
@require_POST
def recommend(request, slug, cooperative_id):
    brokering.add_to_recommendation(request.user, slug, cooperative_id)
    messages.success(request, _("Added to the recommendation."))
    return _back(request, slug)


@login_required
@require_POST
def unrecommend(request, slug, cooperative_id):
    brokering.remove_from_recommendation(request.user, slug, cooperative_id)
    messages.success(request, _("Removed from the recommendation."))
    return _back(request, slug)


@login_required
@require_POST
def send_recommendation(request, slug):
    need = brokering.brokered_need_for(request.user, slug)
    form = RecommendationForm(request.POST)
    if form.is_valid():
        try:
            brokering.send_recommendation(request.user, slug, form.cleaned_data["note"])
        except brokering.NothingToSend as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The recommendation was sent to the company."))
            return redirect("broker-need", slug=slug)
    return _broker_page(request, need, recommendation_form=form, status=400)


@login_required
@require_POST
def contact_note(request, slug):
    need = brokering.brokered_need_for(request.user, slug)
    form = ContactNoteForm(request.POST)
    if not form.is_valid():
        return _broker_page(request, need, note_form=form, status=400)
    brokering.add_note(request.user, slug, form.cleaned_data["text"])
    messages.success(request, _("The note is in the need's contact log."))
    return redirect("broker-need", slug=slug)


@login_required
@require_POST
def ask_for_help(request, slug):
    need = needs.need_for(request.user, slug)
    form = HelpRequestForm(request.POST)
    if form.is_valid():
        try:
            brokering.ask_for_help(request.user, slug, form.cleaned_data["note"])
        except brokering.AlreadyAsked as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Your request was sent to the regional centre. Its answer will appear here."),
            )
            return redirect("need-matches", slug=slug)
    return _need_page(request, need, help_form=form, status=400)


@login_required
@require_POST
def shortlist_recommended(request, slug, cooperative_id):
    added = brokering.shortlist_recommended(request.user, slug, cooperative_id)
    messages.success(
        request, _("Added to your shortlist.") if added else _("It is on your shortlist already.")
    )
    return redirect("need-matches", slug=slug)
