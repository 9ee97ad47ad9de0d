"""Regional moderation: who moderates which region, the approval task and the one workflow.

A regional centre's members moderate the profiles of their voivodeship;
administrators moderate everything. Every directory listing page carries
the one workflow, so every profile change goes through it.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Task, TaskState, Workflow, WorkflowPage, WorkflowTask

from cms.models.organisations import Membership, Organisation

# Wagtail writes these names into its own sentences ("Submit to %(workflow_name)s", "Wyślij
# do %(workflow_name)s", "Resubmit to %(task_name)s") without translating them, so each must
# read right after "to" and after "do" (which takes the genitive in Polish): the regional
# centre's acronym does, in both languages (cms/migrations/0009_workflow_names.py).
WORKFLOW_NAME = "ROPS"
TASK_NAME = "ROPS"


def moderated_voivodeships(user) -> set[int]:
    """The voivodeships whose regional centre ``user`` is an active member of."""
    return set(
        Organisation.objects.filter(
            kind=Organisation.Kind.REGIONAL_CENTRE,
            approved=True,
            memberships__user=user,
            memberships__status=Membership.Status.ACTIVE,
        ).values_list("voivodeship_id", flat=True)
    )


def can_moderate(user, page: Page) -> bool:
    """May ``user`` approve changes to ``page``? Administrators, or its region's centre."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    region = getattr(page.specific, "voivodeship_id", None)
    return region is not None and region in moderated_voivodeships(user)


class RegionalApprovalTask(Task):
    """Approval by the regional centre of the profile's voivodeship (or an administrator)."""

    class Meta:
        verbose_name = _("regional approval")
        verbose_name_plural = _("regional approvals")

    def _can_moderate(self, obj, user) -> bool:
        return can_moderate(user, obj)

    def user_can_access_editor(self, obj, user):
        return self._can_moderate(obj, user)

    def locked_for_user(self, obj, user):
        return not self._can_moderate(obj, user)

    def get_actions(self, obj, user):
        if not self._can_moderate(obj, user):
            return []
        return [
            ("reject", _("Request changes"), True),
            ("approve", _("Approve"), False),
            ("approve", _("Approve with comment"), True),
        ]

    def on_action(self, task_state, user, action_name, **kwargs):
        """Act, then send the moderator to their dashboard: they may not browse the page tree."""
        super().on_action(task_state, user, action_name, **kwargs)
        return reverse("wagtailadmin_home")

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS, task=self)
        if user.is_superuser:
            return states
        regions = moderated_voivodeships(user)
        in_region = [
            state.pk
            for state in states.select_related("workflow_state")
            if getattr(state.workflow_state.content_object.specific, "voivodeship_id", None)
            in regions
        ]
        return states.filter(pk__in=in_region)

    @classmethod
    def get_description(cls):
        return _("The regional centre of the profile's voivodeship approves or asks for changes")


def ensure_moderation_workflow(*pages: Page) -> Workflow:
    """The one regional moderation workflow, assigned to ``pages`` (the directory listings)."""
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if created or not workflow.workflow_tasks.exists():
        task = RegionalApprovalTask.objects.create(name=TASK_NAME)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for page in pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow
