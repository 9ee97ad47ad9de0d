"""News as RSS 2.0, through Django's syndication framework: newest first, live pages only."""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.translation import gettext as _

from cms.models import Voivodeship
from cms.models.publications import NewsPage, PublicationsIndexPage
from cms.publication_filters import RegionForm

ITEMS = 20


@dataclass(frozen=True)
class Scope:
    """What one request asks of the feed: its region (None: all of Poland)."""

    request: object
    region: Voivodeship | None


class NewsFeed(Feed):
    def get_object(self, request, *args, **kwargs):
        form = RegionForm(request.GET or None, voivodeships=Voivodeship.objects.all())
        if form.is_bound and not form.is_valid():
            raise Http404(_("No such feed: choose a voivodeship from the list."))
        return Scope(request, form.region() if form.is_bound else None)

    def title(self, scope):
        if scope.region:
            return _("Kooperacja: news from %(region)s") % {"region": scope.region.name}
        return _("Kooperacja: news from the regions")

    def description(self, scope):
        return _("News from regional centres and social economy support centres (OWES).")

    def link(self, scope):
        index = PublicationsIndexPage.objects.live().first()
        return index.get_url(scope.request) if index else "/"

    def items(self, scope):
        news = NewsPage.objects.live().public()
        if scope.region:
            news = news.filter(voivodeship=scope.region)
        return news.order_by("-first_published_at", "-pk")[:ITEMS]

    def item_title(self, item):
        return item.shown_title

    def item_description(self, item):
        return item.shown_intro

    def item_link(self, item):
        return item.get_url()

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at
