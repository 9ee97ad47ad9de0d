"""The Wagtail admin's wiring: the Directory menu of every app's view sets, the rights an
approval gives (and the section a regional centre or OWES publishes in), where moderators land,
and the regional dashboard's menu item."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from cms import roles
from cms.models import Membership, Organisation
from cms.publications.sections import PUBLISHING_KINDS, open_section
from cms.revision_review import ReviewerPageViewSet
from cms.viewsets import MembershipViewSet, OrganisationViewSet, PowiatViewSet, VoivodeshipViewSet
from cooperatives.viewsets import CapabilityViewSet, CertificationViewSet
from partners.viewsets import NeedViewSet, PartnershipViewSet


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def apply_organisation_rights(request, instance):
    """Approving an organisation (or a membership) in the admin gives the rights it implies."""
    if isinstance(instance, Organisation) and instance.approved:
        roles.approve_organisation(instance)
        # Its section to publish in, once the approval's rights are given.
        if instance.kind in PUBLISHING_KINDS:
            open_section(instance)
    elif isinstance(instance, Membership):
        roles.sync_user_rights(instance.user)


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    """The second factor is set up on the site's account pages; the admin's account page
    points there."""
    return {
        "url": reverse("mfa_index"),
        "label": _("Two-factor authentication"),
        "help_text": _("Set up or change the authenticator app and recovery codes."),
    }


@hooks.register("register_admin_viewset")
def register_reviewer_page_viewset():
    """The page views with a compare view open to a page's regional reviewers. Registered for
    the base Page model after Wagtail's own (order -1), so it replaces that one for every
    page type that has no viewset of its own."""
    return ReviewerPageViewSet()


@hooks.register("after_edit_page")
def send_moderators_to_their_dashboard(request, page):
    """A regional moderator approving from the editor would be sent to the page tree, which
    they may not browse (their authority is a region, not a subtree): send them home."""
    if "action-workflow-action" not in request.POST:
        return None
    explorable = PagePermissionPolicy().explorable_instances(request.user)
    if explorable.filter(pk=page.get_parent().pk).exists():
        return None
    return redirect("wagtailadmin_home")


class DirectoryGroup(SnippetViewSetGroup):
    menu_label = _("Directory")
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (
        CapabilityViewSet,
        CertificationViewSet,
        VoivodeshipViewSet,
        PowiatViewSet,
        NeedViewSet,
        PartnershipViewSet,
        OrganisationViewSet,
        MembershipViewSet,
    )


register_snippet(DirectoryGroup)


class RegionalDashboardMenuItem(MenuItem):
    """The public-site dashboard, listed in the admin for those who may open it."""

    def is_shown(self, request):
        return roles.can_see_regional_dashboard(request.user)

    def render_component(self, request):
        # Resolved per request: the address carries the admin user's language (/en/…).
        component = super().render_component(request)
        component.url = reverse("regional-dashboard")
        return component


@hooks.register("register_admin_menu_item")
def regional_dashboard_menu_item():
    return RegionalDashboardMenuItem(
        _("Regional dashboard"), "", name="regional-dashboard", icon_name="table", order=260
    )
