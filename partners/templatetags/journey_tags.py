"""``{% journey_nav %}``: the site header's links to a person's own work in the company journey.

A company member sees "My needs" with the number of replies and quotes they
have not read; a cooperative member "Inquiries" with theirs, and "Needs that
fit you". Everyone else sees nothing here. The count costs a few small
queries per page: two to find the person's organisations, one per kind of
message (:func:`partners.conversation.unread`).
"""

from django import template

from cms.roles import member_page_ids
from partners import conversation

register = template.Library()


@register.inclusion_tag("partners/includes/journey_nav.html", takes_context=True)
def journey_nav(context):
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return {"show": False}
    companies = member_page_ids(user, "partner")
    cooperatives = member_page_ids(user, "cooperative")
    if not (companies or cooperatives):
        return {"show": False}
    unread = conversation.unread(user, companies, cooperatives)
    return {
        "show": True,
        "company": bool(companies),
        "cooperative": bool(cooperatives),
        "company_unread": unread.company_total,
        "cooperative_unread": unread.cooperative_total,
    }
