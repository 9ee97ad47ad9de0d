"""Template tags of the site layout."""

from django import template
from django.apps import apps
from django.utils.text import capfirst

register = template.Library()

DIRECTORY_INDEXES = (
    "cooperatives.CooperativeIndexPage",
    "workshops.WorkshopIndexPage",
    "partners.PartnerIndexPage",
)


@register.inclusion_tag("cms/directory_nav.html", takes_context=True)
def directory_nav(context):
    """Links to the live directory listings, labelled and addressed in the current language."""
    request = context.get("request")
    links = []
    for path in DIRECTORY_INDEXES:
        index = apps.get_model(path).objects.live().first()
        if index:
            label = capfirst(index.listed_model._meta.verbose_name_plural)
            links.append((label, index.get_url(request)))
    return {"links": links}
