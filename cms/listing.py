"""Listing the directory from PostgreSQL: the filter form and the one function listings call.

The listing pages of workshops, cooperatives and partners share this. It
works without Elasticsearch (the matching engine is a separate, optional
path), so the directory keeps working when the search cluster is down.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Case, Count, Q, QuerySet, Value, When
from django.utils.translation import gettext_lazy as _

from cms.kinds import ProfileKind

# How long a request in the buyer's own words may be, wherever it is typed (the home page's
# box, the search page, a listing's filter): a three-sentence e-mail fits, and the address it
# makes stays well within the 4 KB request line servers accept.
WORDS_MAX_LENGTH = 1000

PER_PAGE = 20


class DirectoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Words"), required=False, max_length=WORDS_MAX_LENGTH)
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


WordSearch = Callable[[str, str], list[int] | None]
_word_search: WordSearch | None = None


def use_word_search(search: WordSearch) -> None:
    """Hand the listings the matching engine's reading of words (done at start-up by the
    search app): ``search(kind code, words)`` gives page ids best first, or None when the
    engine cannot answer, and the words are then matched literally."""
    global _word_search
    _word_search = search


def _counts(queryset: QuerySet, key: str) -> dict[str, int]:
    """How many profiles of ``queryset`` have each value of ``key``.

    ``order_by()`` first: a page queryset is ordered by its tree path, and an
    ordering column joins the GROUP BY, which would count every page alone.
    """
    rows = queryset.order_by().values_list(key).annotate(n=Count("pk", distinct=True))
    return dict(rows)


def _with_counts(choices: list[tuple[str, str]], counts: dict[str, int]) -> list[tuple[str, str]]:
    return [(value, f"{label} ({counts.get(value, 0)})") for value, label in choices]


def _by_words(queryset: QuerySet, kind: ProfileKind, text: str) -> QuerySet:
    """Profiles the words find, best first: the engine's reading when it answers,
    otherwise every word literally in the name, description or town ("lodz" finds
    "Łódź" through unaccent)."""
    ranked = _word_search(kind.code, text) if _word_search else None
    if ranked is None:
        for word in text.split():
            queryset = queryset.filter(
                Q(title__unaccent__icontains=word)
                | Q(description__unaccent__icontains=word)
                | Q(city__unaccent__icontains=word)
            )
        return queryset.order_by("title")
    rank = Case(*(When(pk=pk, then=Value(i)) for i, pk in enumerate(ranked)), default=Value(0))
    return queryset.filter(pk__in=ranked).alias(rank=rank).order_by("rank", "title")


def browse(kind: ProfileKind, params) -> Listing:
    """Publicly listed profiles of ``kind`` filtered by ``params`` (a QueryDict), one page.

    The count beside each option says how many profiles that option would list
    with the other filters as they are, so a person sees where the directory
    has something before choosing.
    """
    model = kind.page_model
    live = model.objects.listed().select_related("voivodeship")
    field = kind.capability_field
    capability_choices = (
        [(c.code, c.label) for c in model._meta.get_field(field).related_model.objects.all()]
        if field
        else []
    )
    voivodeship_model = model._meta.get_field("voivodeship").related_model
    voivodeship_choices = [(v.teryt, v.name) for v in voivodeship_model.objects.all()]
    form = DirectoryFilterForm(
        params or None,
        capability_choices=capability_choices,
        voivodeship_choices=voivodeship_choices,
        with_orders=hasattr(model, "accepts_orders"),
    )
    if not field:
        del form.fields["capability"]
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    words = live.order_by("title")
    if data.get("q"):
        words = _by_words(live, kind, data["q"])
    if data.get("accepts_orders"):
        words = words.filter(accepts_orders=True)
    in_region = words
    if data.get("voivodeship"):
        in_region = words.filter(voivodeship__teryt=data["voivodeship"])
    results = in_region
    if data.get("capability"):
        results = in_region.filter(**{f"{field}__code": data["capability"]})
    # Each filter's counts apply every other filter, never itself.
    everything = [("", _("All"))]
    if field:
        counts = _counts(in_region.filter(**{f"{field}__isnull": False}), f"{field}__code")
        form.fields["capability"].choices = everything + _with_counts(capability_choices, counts)
    of_kind = words
    if data.get("capability"):
        of_kind = words.filter(**{f"{field}__code": data["capability"]})
    counts = _counts(of_kind, "voivodeship__teryt")
    form.fields["voivodeship"].choices = everything + _with_counts(voivodeship_choices, counts)
    results = results.distinct()
    paginator = Paginator(results, PER_PAGE)
    page = paginator.get_page(data.get("page") or 1)
    filtered = any(data.get(key) for key in ("q", "capability", "voivodeship", "accepts_orders"))
    return Listing(form=form, page=page, total=paginator.count, filtered=filtered)
