"""An approved regional centre or OWES gets its section to publish in, when an administrator
saves it in the admin (cms.wagtail_hooks gives the rights of the approval first)."""

from wagtail import hooks

from cms.models import Organisation
from publications.sections import PUBLISHING_KINDS, open_section


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def open_publishers_section(request, instance):
    if (
        isinstance(instance, Organisation)
        and instance.approved
        and instance.kind in PUBLISHING_KINDS
    ):
        open_section(instance)
