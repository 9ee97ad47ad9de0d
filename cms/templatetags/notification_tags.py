"""``{% notifications_link %}``: the header's link to a signed-in person's notifications, with
how many they have not read (one indexed count per page)."""

from django import template

from cms import notices

register = template.Library()


@register.inclusion_tag("cms/notifications/header_link.html", takes_context=True)
def notifications_link(context):
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return {"show": False}
    return {"show": True, "unread": notices.unread_count(user)}
