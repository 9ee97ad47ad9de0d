"""Slugs of the records that are not pages (needs, partnerships, orders): unique, and never
an address the site already uses for something else."""

from django.urls import NoReverseMatch, resolve, reverse
from django.utils.crypto import get_random_string
from django.utils.text import slugify

# The page (URL name in partners/urls.py) of each kind of record whose slug is in its address.
SLUG_PAGES = {"need": "need-matches", "partnership": "partnership"}


def leads_to_its_page(model, slug: str) -> bool:
    """Whether the address a ``model`` record with ``slug`` gets reaches its own page.

    A need called "new" would get /needs/new/, which is the form for a new
    need: the URL patterns themselves say which slugs are fixed routes, so a
    route added beside the page later is avoided too.
    """
    page = SLUG_PAGES.get(model._meta.model_name)
    if page is None:
        return True
    try:
        return resolve(reverse(page, kwargs={"slug": slug})).url_name == page
    except NoReverseMatch:
        return False


def free_slug(model, text: str, fallback: str) -> str:
    """A slug for a new ``model`` record (a need, a partnership) made from ``text``, or from
    ``fallback`` when ``text`` has no letters; a random ending makes it unique when taken,
    or when the address would lead to a fixed route instead (see :func:`leads_to_its_page`)."""
    base = slugify(text)[:100] or fallback
    slug = base
    while model.objects.filter(slug=slug).exists() or not leads_to_its_page(model, slug):
        slug = f"{base}-{get_random_string(5).lower()}"
    return slug
