"""Opening a regional centre's or an OWES's own section, where its members publish.

The section becomes the organisation's page, so :mod:`cms.roles` gives its members "change" on
it and everything below it, from their memberships; here they also get "add", which a profile's
editors do not need. Neither gives "publish": their pages go to the regional moderation.
"""

from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import GroupPagePermission

from cms import roles
from cms.models import Organisation
from cms.models.publications import PublicationsIndexPage, SectionPage

PUBLISHING_KINDS = (Organisation.Kind.REGIONAL_CENTRE, Organisation.Kind.OWES)


@transaction.atomic
def open_section(organisation: Organisation) -> SectionPage:
    """The organisation's section (created and published on first call), with its members'
    rights to add and edit pages there. Idempotent."""
    if organisation.kind not in PUBLISHING_KINDS:
        raise ValidationError(_("Only regional centres and OWES publish on the site."))
    if not organisation.approved:
        raise ValidationError(_("The organisation must be approved before it publishes."))
    section = SectionPage.objects.filter(pk=organisation.page_id).first()
    if section is None:
        index = PublicationsIndexPage.get_or_create()
        section = SectionPage(
            title=organisation.name,
            slug=_free_slug(index, organisation.name),
            voivodeship_id=organisation.voivodeship_id,
        )
        index.add_child(instance=section)
        section.save_revision().publish()
        organisation.page = section
        organisation.save(update_fields=["page"])
    grant_publishing_rights(organisation)
    return section


def grant_publishing_rights(organisation: Organisation) -> None:
    """ "Change" on the section from :func:`cms.roles.grant_page_rights`, and "add" here."""
    roles.grant_page_rights(organisation)
    GroupPagePermission.objects.get_or_create(
        group=roles.editors_group(organisation),
        page_id=organisation.page_id,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="add_page"
        ),
    )


def _free_slug(parent, name: str) -> str:
    base = slugify(name)[:70] or "sekcja"
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
