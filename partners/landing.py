"""Where a person lands after logging in: the page of what they can do next.

The login adapter (``cms.accounts.adapters``) asks here when the login came
without a ``next`` address. A company member goes to their needs; a cooperative
member to the inquiries waiting for an answer, or else to the needs that fit
them; a regional centre member to the dashboard; an administrator to the admin;
anyone else to the organisations they can join.
"""

from django.urls import reverse

from cms.roles import member_page_ids, moderated_voivodeships
from partners import conversation


def landing_url(user) -> str:
    """The address ``user`` should see first (in the active language)."""
    if member_page_ids(user, "partner"):
        return reverse("my-needs")
    if member_page_ids(user, "cooperative"):
        if conversation.unread(user).cooperative_total:
            return reverse("inquiries")
        return reverse("fitting-needs")
    if moderated_voivodeships(user) - {None}:
        return reverse("regional-dashboard")
    if user.is_superuser:
        return reverse("wagtailadmin_home")
    return reverse("my-organisations")
