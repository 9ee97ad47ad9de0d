"""Template tags of the site layout."""

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import get_language

from cms.kinds import profile_kind
from search.query import taxonomy_and_lexicon

register = template.Library()

# Cooperatives first: they are what most visitors come for.
NAV_ORDER = ("cooperative", "workshop", "partner")


@register.inclusion_tag("cms/directory_nav.html", takes_context=True)
def directory_nav(context):
    """Links to the live directory listings, labelled and addressed in the current language."""
    request = context.get("request")
    links = []
    for code in NAV_ORDER:
        index = profile_kind(code).index_model.objects.live().first()
        if index:
            label = capfirst(index.listed_model._meta.verbose_name_plural)
            links.append((label, index.get_url(request)))
    return {"links": links}


@register.inclusion_tag("cms/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Plain links to this very page in each language (unprefixed Polish, /en/ English).

    Links rather than a form posted with a CSRF token: the page is then the same for every
    anonymous visitor, so it can be kept whole (cms/page_cache.py), and a link says where it
    goes (``hreflang``), opens in a new tab and works without a script.
    """
    request = context.get("request")
    here = request.get_full_path() if request else "/"
    current = get_language()
    languages = []
    for code, name in settings.LANGUAGES:
        url = here if code == current else translate_url(here, code)
        if url == here and code != current:
            # Not an address of ours in any language: that language's home page.
            with translation.override(code):
                url = reverse("wagtail_serve", args=[""])
        languages.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"languages": languages}


@register.simple_tag(takes_context=True)
def json_ld(context, page):
    """The page's schema.org ``<script>``, its URLs absolute at the host the visitor used."""
    return page.json_ld_script(context.get("request"))


@register.filter
def work_nobody_does(names) -> str:
    """Names of work no kind of work here covers (``MatchResult.outside``) as the page's
    language calls them: ["vehicle_repair"] → "naprawa pojazdów"."""
    taxonomy, _lexicon = taxonomy_and_lexicon()
    english = (get_language() or "pl").startswith("en")
    return "; ".join(
        taxonomy.outside_labels[name][english] if name in taxonomy.outside_labels else name
        for name in names or ()
    )


@register.filter
def kinds_of_work(codes) -> str:
    """Capability codes as their labels in the page's language: ["sewing", "catering"] →
    "szycie, krawiectwo; catering, usługi gastronomiczne" (a person never reads a code).

    The labels come from the matcher's taxonomy, which is kept for a few minutes, so a
    page of twenty results asks the database nothing (it asked once per result)."""
    taxonomy, _lexicon = taxonomy_and_lexicon()
    english = (get_language() or "pl").startswith("en")
    return "; ".join(
        taxonomy.labels[code][english] if code in taxonomy.labels else code for code in codes or ()
    )
