"""``{% wtz_to_work figures %}``: the "from a WTZ to work" section of the regional dashboard
and the public summary, for the region and period their figures were counted for."""

from django import template

from cms.dashboard import wtz_to_work as figures_of

register = template.Library()


@register.inclusion_tag("cms/dashboard/wtz_to_work.html")
def wtz_to_work(figures):
    return {
        "wtz": figures_of.wtz_to_work(figures.voivodeship, figures.period),
        "region_name": figures.region_name,
        "definitions": figures_of.DEFINITIONS,
    }
