"""Site-wide page types: the home page and plain content pages."""

import json

from django.db import models
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager, Site
from wagtail.query import PageQuerySet
from wagtail.search import index

from cms import kinds
from cms.listing import browse
from cms.models.freshness import FreshnessMixin
from cms.models.mixins import AddressMixin, ContactMixin
from cms.models.moderation import ensure_moderation_workflow

# Characters that would let JSON end a <script> element early.
JSON_IN_HTML_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


class ContentBlock(blocks.StreamBlock):
    """The blocks an editor may use in the body of a site page."""

    heading = blocks.CharBlock(form_classname="title", label=_("Heading"))
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "ol", "ul"], label=_("Paragraph")
    )


class HomePage(Page):
    """The front page: what Kooperacja is, in plain language, and where to go next."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        verbose_name=_("introduction"),
        help_text=_("Two or three sentences in plain language."),
    )
    body = StreamField(ContentBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")


class ContentPage(Page):
    """A plain page for guides, news and information (accessibility statement, about us)."""

    intro = models.TextField(blank=True, verbose_name=_("introduction"))
    body = StreamField(ContentBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("content page")


class ProfileQuerySet(PageQuerySet):
    def listed(self):
        """The profiles anyone may see: published and not behind a view restriction.

        Listings, the matcher and its index, the map, partnerships and the
        regional figures all mean this by "in the directory".
        """
        return self.live().public()


ProfileManager = PageManager.from_queryset(ProfileQuerySet)


class ProfilePage(FreshnessMixin, ContactMixin, AddressMixin, Page):
    """What every directory profile has: a description, a body, contact, address, photos.

    ``verified_on`` is when a person last confirmed the profile is current,
    which is not the date it was last saved: buyers distrust stale listings.
    Publishing a person's change renews it (:mod:`cms.freshness`), so editors
    see it but do not type it.
    """

    description = models.TextField(
        _("short description"),
        blank=True,
        help_text=_("What you do, for whom, and how much you can take on. Plain language."),
    )
    body = StreamField(ContentBlock(), blank=True, verbose_name=_("more about us"))
    verified_on = models.DateField(
        _("verified on"),
        null=True,
        blank=True,
        help_text=_("The day a person last confirmed this profile is up to date."),
    )

    schema_type = "Organization"

    objects = ProfileManager()

    profile_panels = [
        FieldPanel("description"),
        FieldPanel("body"),
        FieldPanel("verified_on", read_only=True),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("description"),
        index.SearchField("city"),
        index.FilterField("voivodeship"),
    ]
    parent_page_types: list[str] = []

    class Meta:
        abstract = True

    def listed_links(self, relation: str):
        """The publicly listed profiles among this version's ``relation`` (a many-to-many
        field or its reverse), as a real queryset.

        "View draft", the preview and the workflow preview render a page rebuilt
        from a revision or from the edit form: its parental many-to-many fields
        then hold that version's links in memory, without ``live()``; and a page
        not saved yet has no reverse links at all.
        """
        field = self._meta.get_field(relation)
        model = field.related_model
        if self.pk is None and field.auto_created:
            return model.objects.none()
        linked = [page.pk for page in getattr(self, relation).all()]
        return model.objects.listed().filter(pk__in=linked)

    def json_ld_script(self, request=None) -> str:
        """The schema.org data as a ``<script type="application/ld+json">`` element."""
        data = json.dumps(self.json_ld(request), ensure_ascii=False).translate(JSON_IN_HTML_ESCAPES)
        return format_html('<script type="application/ld+json">{}</script>', mark_safe(data))  # noqa: S308

    def json_ld(self, request=None) -> dict:
        """schema.org data about the organisation, for search engines and other tools.

        ``url`` is absolute at the scheme and host the visitor used (the request's: behind a
        proxy, as far as the production settings trust its X-Forwarded-* headers), not the
        Wagtail Site's hostname, which says ``localhost`` until someone edits it.
        """
        path = self.get_url(request)
        data = {
            "@context": "https://schema.org",
            "@type": self.schema_type,
            "name": self.title,
            "url": request.build_absolute_uri(path) if request and path else self.full_url,
        }
        if self.description:
            data["description"] = self.description
        for key, value in (("email", self.email), ("telephone", self.phone)):
            if value:
                data[key] = value
        if self.website:
            data["sameAs"] = [self.website]
        if self.city:
            data["address"] = {
                "@type": "PostalAddress",
                "streetAddress": self.street,
                "postalCode": self.postal_code,
                "addressLocality": self.city,
                "addressRegion": str(self.voivodeship or ""),
                "addressCountry": "PL",
            }
        if self.has_location:
            data["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": self.latitude,
                "longitude": self.longitude,
            }
        return data


class DirectoryIndexPage(Page):
    """A public, filterable list of one kind of profile (set ``profile_kind``, a code of
    :data:`cms.kinds.PROFILE_KINDS`), and the place where such profiles are created."""

    intro = models.TextField(_("introduction"), blank=True)

    profile_kind = ""
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    max_count = 1

    class Meta:
        abstract = True

    @property
    def listed_model(self):
        return kinds.profile_kind(self.profile_kind).page_model

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = browse(kinds.profile_kind(self.profile_kind), request.GET)
        return context

    @classmethod
    def get_or_create(cls) -> "DirectoryIndexPage":
        """The listing page, created (published, under moderation) below the home page the
        first time it is needed."""
        index = cls.objects.first()
        if index:
            return index
        kind = kinds.profile_kind(cls.profile_kind)
        home = Site.objects.get(is_default_site=True).root_page.specific
        if not isinstance(home, HomePage):
            home = HomePage.objects.first()
        index = cls(title=kind.index_title, slug=kind.index_slug)
        home.add_child(instance=index)
        index.save_revision().publish()
        ensure_moderation_workflow(index)
        return index

    @classmethod
    def add_profile(cls, page: Page) -> Page:
        """Put a new profile ``page`` below the listing page."""
        return cls.get_or_create().add_child(instance=page)

    @classmethod
    def add_draft_profile(cls, organisation) -> Page:
        """A draft profile page for a newly approved organisation, for its members to fill in
        and submit to moderation."""
        model = kinds.profile_kind(cls.profile_kind).page_model
        page = model(
            title=organisation.name, live=False, voivodeship_id=organisation.voivodeship_id
        )
        cls.add_profile(page)
        page.save_revision()
        return page
