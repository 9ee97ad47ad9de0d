"""``{% partnerships_of page %}``: the public partnerships a profile takes part in, as cards."""

from django import template
from django.db.models import Q

from partners.partnerships import public_partnerships

register = template.Library()


@register.inclusion_tag("partners/partnerships_of.html")
def partnerships_of(page):
    if page.pk is None:  # the preview of a page being created: nothing names it yet
        return {"partnerships": []}
    found = public_partnerships().filter(
        Q(cooperative=page.pk) | Q(partner=page.pk) | Q(workshops=page.pk)
    )
    return {"partnerships": found.distinct().order_by("-started", "slug")}
