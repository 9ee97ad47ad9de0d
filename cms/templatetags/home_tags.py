"""The home page's parts: ``{% need_box %}``, ``{% home_numbers %}``, ``{% latest_partnerships %}``.

The home page is a Wagtail page of the ground floor, so what it shows of the directory and of
the matcher comes through these tags, from :mod:`cms.home`."""

from django import template

from cms.home import summary
from cms.home.forms import NeedBoxForm

register = template.Library()


@register.inclusion_tag("cms/home/need_box.html")
def need_box(form=None):
    """The "Describe what you need" form: empty on the home page, as sent on the results page."""
    return {"form": form or NeedBoxForm()}


@register.inclusion_tag("cms/home/numbers.html")
def home_numbers():
    return {"numbers": summary.directory_numbers()}


@register.inclusion_tag("cms/home/latest_partnerships.html")
def latest_partnerships():
    return {"partnerships": summary.latest_partnerships()}
