"""The publications section: one index under the home page, one section per regional centre or
OWES below it, and their news, guides and events below each section.

A section is an organisation's page (``Organisation.page``), so its members edit it and what is
below it, and never publish: every change goes through the regional moderation workflow, which
the index carries like the directory listings do. That workflow's task asks the centre of the
page's ``voivodeship``, so each publication has one, taken from its section when left empty.

Page content is Polish; a publication may carry an English version (``title_en``, ``intro_en``,
``body_en``), shown under /en/ when it is there, as the vocabularies' ``label_en`` are.
"""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from cms.models.moderation import ensure_moderation_workflow
from cms.models.pages import ContentBlock, HomePage
from cms.models.regions import Voivodeship
from cms.publication_filters import KINDS, PublicationFilterForm

INDEX_SLUG = "publikacje"
INDEX_TITLE = "Z regionów: aktualności, poradniki, wydarzenia"
PAGE_SIZE = 12


def english_wanted() -> bool:
    return (get_language() or "pl").startswith("en")


class PublicationsIndexPage(Page):
    """Everything the centres publish, newest first, filtered by region and kind."""

    intro = models.TextField(_("introduction"), blank=True)
    intro_en = models.TextField(_("introduction in English"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("intro_en")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.SectionPage"]
    max_count = 1
    template = "publications/publications_index_page.html"

    class Meta:
        verbose_name = _("publications index")

    @property
    def shown_intro(self) -> str:
        return (self.intro_en if english_wanted() else "") or self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = PublicationFilterForm(request.GET or None, voivodeships=Voivodeship.objects.all())
        pages, filtered, number = published(), False, 1
        if form.is_bound and form.is_valid():
            kind, region = form.cleaned_data["kind"], form.region()
            if kind:
                pages = pages.type(PUBLICATION_MODELS[kind])
            if region:
                pages = in_region(pages, region)
            filtered, number = bool(kind or region), form.cleaned_data["page"] or 1
        pages = pages.order_by("-first_published_at", "-pk").specific()
        context.update(
            form=form,
            filtered=filtered,
            page_obj=Paginator(pages, PAGE_SIZE).get_page(number),
        )
        return context

    def serve(self, request, *args, **kwargs):
        """A filter that makes no sense is a bad request, answered with what to correct."""
        response = super().serve(request, *args, **kwargs)
        form = getattr(response, "context_data", {}).get("form")
        if form is not None and form.errors:
            response.status_code = 400
        return response

    @classmethod
    def get_or_create(cls) -> "PublicationsIndexPage":
        """The index, created (published, under moderation) below the home page when missing:
        the migration makes it on a site that exists, this on one set up later."""
        existing = cls.objects.first()
        if existing:
            ensure_moderation_workflow(existing)
            return existing
        home = Site.objects.get(is_default_site=True).root_page.specific
        if not isinstance(home, HomePage):
            home = HomePage.objects.get()
        page = cls(title=INDEX_TITLE, slug=INDEX_SLUG)
        home.add_child(instance=page)
        page.save_revision().publish()
        ensure_moderation_workflow(page)
        return page


class SectionPage(Page):
    """The section of one regional centre or OWES: its members add and edit pages here."""

    voivodeship = models.ForeignKey(
        Voivodeship,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("voivodeship"),
    )
    intro = models.TextField(_("introduction"), blank=True)
    intro_en = models.TextField(_("introduction in English"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("intro_en"),
        FieldPanel("voivodeship", read_only=True),
    ]
    parent_page_types = ["cms.PublicationsIndexPage"]
    subpage_types = ["cms.NewsPage", "cms.GuidePage", "cms.EventPage"]
    template = "publications/section_page.html"

    class Meta:
        verbose_name = _("publisher's section")
        verbose_name_plural = _("publishers' sections")

    @property
    def shown_intro(self) -> str:
        return (self.intro_en if english_wanted() else "") or self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        found = published().descendant_of(self).order_by("-first_published_at", "-pk")
        context["page_obj"] = Paginator(found.specific(), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        return context


class PublicationPage(Page):
    """What news, guides and events share: a region, a summary and a body, in Polish and
    optionally in English."""

    voivodeship = models.ForeignKey(
        Voivodeship,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("voivodeship"),
        help_text=_("Left empty: the voivodeship of your section."),
    )
    intro = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences in plain language.")
    )
    body = StreamField(ContentBlock(), blank=True, verbose_name=_("body"))
    title_en = models.CharField(_("title in English"), max_length=255, blank=True)
    intro_en = models.TextField(_("summary in English"), blank=True)
    body_en = StreamField(ContentBlock(), blank=True, verbose_name=_("body in English"))

    kind = ""
    english_panels = [
        MultiFieldPanel(
            [FieldPanel("title_en"), FieldPanel("intro_en"), FieldPanel("body_en")],
            heading=_("English version (optional)"),
        )
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("voivodeship"),
        FieldPanel("intro"),
        FieldPanel("body"),
        *english_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("title_en"),
        index.SearchField("intro_en"),
        index.SearchField("body_en"),
    ]
    parent_page_types = ["cms.SectionPage"]
    subpage_types: list[str] = []

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        """A publication without a region takes its section's, so that the section's regional
        centre moderates it."""
        if self.voivodeship_id is None and self.depth:
            parent = self.get_parent()
            if parent is not None:
                self.voivodeship_id = getattr(parent.specific, "voivodeship_id", None)
        super().save(*args, **kwargs)

    @property
    def in_english(self) -> bool:
        """Is the English version shown? Only under /en/ and only when it has been written."""
        return english_wanted() and bool(self.title_en)

    @property
    def shown_title(self) -> str:
        return self.title_en if self.in_english else self.title

    @property
    def shown_intro(self) -> str:
        return self.intro_en if self.in_english else self.intro

    @property
    def shown_body(self):
        return self.body_en if self.in_english else self.body

    @property
    def content_language(self) -> str:
        """The language of what is shown (for ``lang``: Polish text on an English page)."""
        return "en" if self.in_english else "pl"

    @property
    def kind_label(self) -> str:
        return str(self._meta.verbose_name)


class NewsPage(PublicationPage):
    kind = "news"
    # One template for every kind (Wagtail names one per class unless told).
    template = "publications/publication_page.html"

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")


class GuidePage(PublicationPage):
    kind = "guide"
    # One template for every kind (Wagtail names one per class unless told).
    template = "publications/publication_page.html"

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")


class EventPage(PublicationPage):
    """A meeting, training or webinar: when, where (or online), in which region."""

    kind = "event"
    # One template for every kind (Wagtail names one per class unless told).
    template = "publications/publication_page.html"
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    place = models.CharField(
        _("place"), max_length=255, blank=True, help_text=_("The venue and its address.")
    )
    town = models.CharField(_("town"), max_length=100, blank=True)
    online = models.BooleanField(_("online"), default=False)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("start"),
                FieldPanel("end"),
                FieldPanel("place"),
                FieldPanel("town"),
                FieldPanel("online"),
                FieldPanel("voivodeship"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
        *PublicationPage.english_panels,
    ]
    search_fields = [*PublicationPage.search_fields, index.SearchField("town")]

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The event cannot end before it starts.")
        if not self.online and not (self.place or self.town):
            errors["town"] = _("Give the town (or the place), or mark the event as online.")
        if errors:
            raise ValidationError(errors)

    @property
    def finishes(self):
        """When the event is over: its end, or its start when no end was given."""
        return self.end or self.start

    @property
    def is_past(self) -> bool:
        return self.finishes < timezone.now()

    @property
    def where(self) -> str:
        """The place in one line, as a list and the calendar show it."""
        parts = [part for part in (self.place, self.town) if part]
        if self.online:
            parts.append(str(_("online")))
        return ", ".join(parts)


PUBLICATION_MODELS = {model.kind: model for model in (NewsPage, GuidePage, EventPage)}
assert set(PUBLICATION_MODELS) == set(KINDS)


def published():
    """Publications anyone may read: live and not behind a view restriction, of every kind."""
    return Page.objects.live().public().type(*PUBLICATION_MODELS.values())


def in_region(pages, voivodeship):
    """``pages`` (any kind of publication) in ``voivodeship``."""
    return pages.filter(
        Q(newspage__voivodeship=voivodeship)
        | Q(guidepage__voivodeship=voivodeship)
        | Q(eventpage__voivodeship=voivodeship)
    )


def upcoming_events():
    """Live public events not over yet: their end is to come (without an end: their start)."""
    now = timezone.now()
    return (
        EventPage.objects.live()
        .public()
        .filter(Q(end__gte=now) | Q(end__isnull=True, start__gte=now))
        .order_by("start", "pk")
    )


def past_events():
    now = timezone.now()
    return (
        EventPage.objects.live()
        .public()
        .filter(Q(end__lt=now) | Q(end__isnull=True, start__lt=now))
        .order_by("-start", "-pk")
    )
