"""The regional dashboard (regional centres) and the public summary (everyone).

Both validate their filters with one form, ask :func:`remembered_figures` once
and show the result as a page or a download. The dashboard adds what only a
regional centre may see for its own voivodeship: the needs without a match
and the profiles waiting for moderation. The public summary prints numbers
only: no contact data, no needs, nothing unpublished.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from cms import roles
from cms.dashboard import export
from cms.dashboard.brokering import BROKERING_RULES, brokering_figures
from cms.dashboard.charts import charts_for
from cms.dashboard.figures import (
    MATCHLESS_RULE,
    PERIOD_RULES,
    REGION_COLUMNS,
    moderation_queue,
    remembered_figures,
    unmatched_needs,
)
from cms.dashboard.forms import FiguresFilterForm
from cms.dashboard.orders import ORDER_RULES, remembered_order_figures


def regional_centre_required(view):
    """Anonymous visitors go to the login page; signed-in people outside a regional centre
    get a 403 page that says who may enter and where the public figures are."""

    @wraps(view)
    @login_required
    def guarded(request, *args, **kwargs):
        if not roles.can_see_regional_dashboard(request.user):
            return render(request, "cms/dashboard/forbidden.html", status=403)
        return view(request, *args, **kwargs)

    return guarded


def regional_statistics(request):
    return _figures(request, FiguresFilterForm(request.GET), "cms/dashboard/statistics.html")


@regional_centre_required
def regional_dashboard(request):
    """Opens on the centre's own voivodeship; "All of Poland" is one choice away."""
    home = roles.home_voivodeship(request.user)
    data = request.GET or {"voivodeship": home.teryt if home else ""}
    return _figures(request, FiguresFilterForm(data), "cms/dashboard/dashboard.html", private=True)


def _figures(request, form, template: str, private: bool = False):
    if not form.is_valid():
        return render(request, template, {"form": form}, status=400)
    figures = remembered_figures(**form.figures_arguments())
    oversees = private and roles.oversees(request.user, figures.voivodeship)
    unmatched = unmatched_needs(figures) if oversees else None
    if form.cleaned_data["format"]:
        return export.response(
            figures, form.cleaned_data["format"], form.cleaned_data["table"], unmatched
        )
    return render(
        request,
        template,
        {
            "form": form,
            "figures": figures,
            "charts": charts_for(figures),
            "downloads": export.downloads(figures, unmatched),
            "period_rules": PERIOD_RULES,
            "matchless_rule": MATCHLESS_RULE,
            "columns": REGION_COLUMNS,
            "oversees": oversees,
            "unmatched": unmatched,
            "queue": moderation_queue(figures.voivodeship)
            if oversees and figures.voivodeship
            else None,
            "can_see_dashboard": roles.can_see_regional_dashboard(request.user),
            "brokering": brokering_figures(figures.voivodeship, figures.period)
            if oversees
            else None,
            "brokering_rules": BROKERING_RULES,
            "orders": remembered_order_figures(**form.figures_arguments()),
            "order_rules": ORDER_RULES,
        },
    )
