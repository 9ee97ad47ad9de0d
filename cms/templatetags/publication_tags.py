"""The publications' place in the site's menu."""

from django import template

from cms.models.publications import PublicationsIndexPage

register = template.Library()


@register.inclusion_tag("publications/nav.html", takes_context=True)
def publications_nav(context):
    """Links to the publications index and the events list, when the index is live."""
    index = PublicationsIndexPage.objects.live().first()
    return {"index_url": index.get_url(context.get("request")) if index else ""}
