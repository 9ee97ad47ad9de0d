"""What happens when the regional moderation workflow approves a change.

Wagtail publishes an approved revision as the approving user and checks
that user's publish permission. Our moderators' authority is regional and
already checked by :class:`cms.models.RegionalApprovalTask` (only a
moderator of the profile's voivodeship is offered "approve"), so the
publish itself skips the tree-based permission check. Kept import-light:
Wagtail loads this while its models are being set up.
"""


def publish_approved(workflow_state, user=None):
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
