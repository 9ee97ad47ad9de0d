"""Listing the directory from PostgreSQL: the filter form and the one function listings call.

The listing pages of workshops, cooperatives and partners share this. It
works without Elasticsearch (the matching engine is a separate, optional
path), so the directory keeps working when the search cluster is down.
"""

from dataclasses import dataclass

from django import forms
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from cms.kinds import ProfileKind

PER_PAGE = 20


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Words"), required=False, max_length=200)
    capability = forms.ChoiceField(label=_("What they do"), required=False)
    voivodeship = forms.ChoiceField(label=_("Voivodeship"), required=False)
    accepts_orders = forms.BooleanField(label=_("Only those accepting orders"), required=False)
    page = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    def __init__(self, *args, capability_choices, voivodeship_choices, with_orders, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["capability"].choices = everything + capability_choices
        self.fields["voivodeship"].choices = everything + voivodeship_choices
        if not with_orders:
            del self.fields["accepts_orders"]


@dataclass
class Listing:
    form: DirectoryFilterForm
    page: PaginatorPage
    total: int
    filtered: bool


def _counts(queryset: QuerySet, key: str) -> dict[str, int]:
    """How many profiles of ``queryset`` have each value of ``key``.

    ``order_by()`` first: a page queryset is ordered by its tree path, and an
    ordering column joins the GROUP BY, which would count every page alone.
    """
    rows = queryset.order_by().values_list(key).annotate(n=Count("pk", distinct=True))
    return dict(rows)


def _capability_choices(queryset: QuerySet, field: str) -> list[tuple[str, str]]:
    capabilities = queryset.model._meta.get_field(field).related_model.objects.all()
    counts = _counts(queryset.filter(**{f"{field}__isnull": False}), f"{field}__code")
    return [
        (capability.code, f"{capability.label} ({counts.get(capability.code, 0)})")
        for capability in capabilities
    ]


def _voivodeship_choices(queryset: QuerySet) -> list[tuple[str, str]]:
    voivodeships = queryset.model._meta.get_field("voivodeship").related_model.objects.all()
    counts = _counts(queryset, "voivodeship__teryt")
    return [
        (voivodeship.teryt, f"{voivodeship.name} ({counts.get(voivodeship.teryt, 0)})")
        for voivodeship in voivodeships
    ]


def browse(kind: ProfileKind, params) -> Listing:
    """Publicly listed profiles of ``kind`` filtered by ``params`` (a QueryDict), one page.

    Counts beside each option are for all listed profiles, so a person sees
    where the directory has something before choosing.
    """
    model = kind.page_model
    live = model.objects.listed().select_related("voivodeship")
    field = kind.capability_field
    with_orders = hasattr(model, "accepts_orders")
    form = DirectoryFilterForm(
        params or None,
        capability_choices=_capability_choices(live, field) if field else [],
        voivodeship_choices=_voivodeship_choices(live),
        with_orders=with_orders,
    )
    if not field:
        del form.fields["capability"]
    results = live.order_by("title")
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    if data.get("capability"):
        results = results.filter(**{f"{field}__code": data["capability"]})
    if data.get("voivodeship"):
        results = results.filter(voivodeship__teryt=data["voivodeship"])
    if data.get("accepts_orders"):
        results = results.filter(accepts_orders=True)
    if data.get("q"):
        words = data["q"].split()
        # Every word must appear somewhere; "lodz" finds "Łódź" (unaccent).
        for word in words:
            results = results.filter(
                Q(title__unaccent__icontains=word)
                | Q(description__unaccent__icontains=word)
                | Q(city__unaccent__icontains=word)
            )
    results = results.distinct()
    paginator = Paginator(results, PER_PAGE)
    page = paginator.get_page(data.get("page") or 1)
    filtered = any(data.get(key) for key in ("q", "capability", "voivodeship", "accepts_orders"))
    return Listing(form=form, page=page, total=paginator.count, filtered=filtered)
