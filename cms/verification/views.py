"""The confirmation page of a reminder and the regional centre's list of stale profiles."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cms import freshness
from cms.dashboard.views import regional_centre_required
from cms.kinds import kind_of_model
from cms.verification.forms import StaleFilterForm
from search.sync import enqueue


@require_http_methods(["GET", "POST"])
def confirm_profile(request, token):
    """GET shows the profile and a button, and changes nothing: mail scanners and link
    previews open every link in a message, and would otherwise confirm profiles nobody
    looked at. POST (the button) confirms. The signed token is the proof; no sign-in."""
    today = timezone.localdate()
    try:
        if request.method == "POST":
            profile = freshness.confirm(token, today)
        else:
            profile = freshness.read_confirmation_token(token, today)
    except ValidationError as error:
        return render(
            request,
            "cms/verification/confirm.html",
            {"error": error.messages[0], "expired": error.code == "expired"},
            status=400,
        )
    if request.method == "POST":
        # The matcher ranks stale profiles lower: its document carries the date.
        enqueue(kind_of_model(type(profile)).code, profile.pk)
        messages.success(request, _("Thank you: the profile is confirmed as up to date today."))
        return redirect(profile.get_url(request))
    return render(
        request,
        "cms/verification/confirm.html",
        {"profile": profile, "editable": freshness.edited_by_members(profile)},
    )


@regional_centre_required
def stale_profiles(request):
    """Profiles nobody has confirmed for eighteen months, oldest first, with whom to ask."""
    form = StaleFilterForm(request.GET or None, request.user)
    if request.GET and not form.is_valid():
        return render(request, "cms/verification/stale.html", {"form": form}, status=400)
    regions = form.voivodeship_ids() if form.is_bound else form.overseen
    page_obj = freshness.chase_list(timezone.localdate(), regions, request.GET.get("page"))
    return render(request, "cms/verification/stale.html", {"form": form, "page_obj": page_obj})
