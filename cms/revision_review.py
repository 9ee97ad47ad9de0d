"""A regional moderator compares the revision under review with the live page before approving.

Wagtail's revisions compare view checks access twice: first that the user
holds *some* page permission in the tree (``user_has_any_page_permission``),
then, for the page itself, that they may edit or publish it
(``PagePermissionTester.can_edit``, which also asks the page's current
workflow task, ``Task.user_can_access_editor``). Our regional moderators
hold no page permission at all, their authority is a voivodeship, so the
first check sent them back to the dashboard even for a page that is waiting
for them. :class:`cms.models.RegionalApprovalTask` answers the second check
with :func:`cms.roles.can_moderate`: the moderator of the page's region, and
only while the page is in that task.

So the compare view here drops the tree-wide pre-check and keeps the
per-page one, which Wagtail runs while setting the view up: the page's
editors, administrators and, while it waits for them, the moderators of
its voivodeship may compare; a moderator of another region is refused
(403) and a company member never reaches the admin. The same viewset
serves every page type, so nothing else about the page views changes.

Moderators find the link where Wagtail puts it: the "Awaiting your review"
panel on the admin dashboard (which the regional dashboard points to)
offers "Preview", "Compare with live version" and "Compare with previous
version" for each revision in their queue.
"""

from wagtail.admin.views.pages.revisions import RevisionsCompareView
from wagtail.admin.viewsets.pages import PageViewSet


class ReviewerRevisionsCompareView(RevisionsCompareView):
    """Revisions compare whose access is decided by the page alone (see the module docstring)."""

    def dispatch(self, request, *args, **kwargs):
        # Skip RevisionsCompareView.dispatch and its user_has_any_page_permission test;
        # get_object(), run in setup() before dispatch, refused anyone who may neither
        # edit nor publish this page.
        return super(RevisionsCompareView, self).dispatch(request, *args, **kwargs)


class ReviewerPageViewSet(PageViewSet):
    """Wagtail's page views, with the compare view open to the reviewers of a page."""

    revisions_compare_view_class = ReviewerRevisionsCompareView
