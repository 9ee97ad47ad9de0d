"""Keeping profiles fresh: yearly reminders to members, one-click confirmation, the stale list.

Buyers distrust stale listings, so every profile carries the day a person
last confirmed it (``verified_on``; never confirmed: the day it was last
published, see :mod:`cms.models.freshness`):

* twelve months on, :func:`send_reminders` (a daily job) asks every member of
  the organisation that owns the profile whether it is still right, with a
  signed link that confirms it without signing in (:func:`confirmation_token`,
  :func:`confirm`) and, where they edit pages, a link to edit it; at most
  once a month;
* publishing a change a person made renews the date (:func:`renew_on_publish`);
  a revision nobody wrote, such as the import's, keeps the date it carries,
  so an imported ``verified_on`` stays what the file says;
* eighteen months on the profile is stale: its page says so, the matcher
  ranks it lower (``stale`` and ``verified_on`` in its search document), and
  it is on the regional centre's list to chase (:func:`chase_list`).
"""

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.db.models.functions import Coalesce, TruncDate
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page, Revision
from wagtail.signals import page_published

from cms import notices
from cms.kinds import PROFILE_KINDS, kind_of_model
from cms.models import FreshnessReminder, Membership, NotificationKind, Organisation
from cms.models.freshness import (
    REMIND_AFTER_MONTHS,
    REMIND_AGAIN_AFTER_DAYS,
    STALE_AFTER_MONTHS,
    months_before,
)

CONFIRMATION_SALT = "cms.freshness.confirm"
# How long the link in a reminder confirms the profile: two reminders' worth and some.
CONFIRMATION_VALID_DAYS = 60
# A reminder is about the state of one's own profile; "status" is the kind people already
# get at once by default, and the one whose e-mails they would least want to miss.
REMINDER_KIND = NotificationKind.STATUS
CHASE_LIST_PER_PAGE = 20


# -- how old a profile is


def confirmed_before(pages, day: dt.date, inclusive: bool = False):
    """Those of ``pages`` (a queryset of one profile kind) confirmed before ``day`` (or on
    it), counting a profile never confirmed from the day, in the site's time zone, it was
    last published: the database's side of ``ProfilePage.verified_since``."""
    published_on = TruncDate("last_published_at", tzinfo=ZoneInfo(settings.TIME_ZONE))
    pages = pages.annotate(freshness_date=Coalesce("verified_on", published_on))
    return pages.filter(**{"freshness_date__lte" if inclusive else "freshness_date__lt": day})


def _profiles(older_than: dt.date, inclusive: bool):
    """Every live profile, each kind in turn, confirmed before ``older_than`` (or on it)."""
    for kind in PROFILE_KINDS.values():
        yield kind, confirmed_before(kind.page_model.objects.live(), older_than, inclusive)


def due_for_reminder(today: dt.date) -> list:
    """Live profiles confirmed twelve months ago or earlier whose members were not reminded
    in the last thirty days, oldest first."""
    recently = FreshnessReminder.objects.filter(
        page=OuterRef("pk"),
        sent_on__gt=today - dt.timedelta(days=REMIND_AGAIN_AFTER_DAYS),
    )
    due = []
    for _kind, pages in _profiles(months_before(today, REMIND_AFTER_MONTHS), True):
        due += pages.filter(~Exists(recently))
    return sorted(due, key=lambda page: (page.verified_since, page.pk))


# -- reminders


def owners_of(page_ids) -> dict[int, list[tuple[Organisation, list]]]:
    """Page id → its approved owning organisations, each with its active members' accounts."""
    owners: dict[int, dict[int, tuple[Organisation, list]]] = {}
    memberships = (
        Membership.objects.filter(
            status=Membership.Status.ACTIVE,
            organisation__approved=True,
            organisation__page_id__in=list(page_ids),
            user__is_active=True,
        )
        .select_related("organisation", "user")
        .order_by("organisation__name", "user__email")
    )
    for membership in memberships:
        organisation = membership.organisation
        by_organisation = owners.setdefault(organisation.page_id, {})
        by_organisation.setdefault(organisation.pk, (organisation, []))[1].append(membership.user)
    return {page_id: list(found.values()) for page_id, found in owners.items()}


def edited_by_members(page) -> bool:
    """Do the members of the organisation owning ``page`` edit it themselves (workshops and
    cooperatives), or does the regional centre correct it for them (companies)?"""
    return Organisation(kind=kind_of_model(type(page)).organisation_kind).edits_pages


def send_reminders(today: dt.date) -> int:
    """Ask the members of every profile due for a reminder whether it is still right; return
    how many profiles were reminded.

    Each profile's reminder is one transaction: the record that it was sent
    and the notifications (with their e-mails, queued in production) stand
    or fall together. A profile without members is left to its regional
    centre's list (:func:`chase_list`): there is nobody to write to.
    """
    due = due_for_reminder(today)
    owners = owners_of(page.pk for page in due)
    reminded = 0
    for page in due:
        if page.pk not in owners:
            continue
        try:
            with transaction.atomic():
                record = FreshnessReminder.objects.create(
                    page_id=page.pk, sent_on=today, verified_since=page.verified_since
                )
                for organisation, members in owners[page.pk]:
                    record.recipients += len(_remind(page, organisation, members, today))
                record.save(update_fields=["recipients"])
        except IntegrityError:
            continue  # another worker reminded it today
        reminded += 1
    return reminded


def _remind(page, organisation: Organisation, members: list, today: dt.date) -> list:
    """Notify ``members`` of ``organisation`` about ``page``; return the notifications.

    The text carries both links, so the e-mail works without signing in; the
    notification itself opens the confirmation page.
    """
    confirm_path = reverse("confirm-profile", args=[confirmation_token(page, today)])
    edit_path = reverse("wagtailadmin_pages:edit", args=[page.pk])
    body = render_to_string(
        "cms/freshness/reminder.txt",
        {
            "page": page,
            "valid_until": today + dt.timedelta(days=CONFIRMATION_VALID_DAYS),
            "confirm_url": _absolute(confirm_path),
            "edit_url": _absolute(edit_path) if organisation.edits_pages else "",
            "stale_after": STALE_AFTER_MONTHS,
        },
    ).strip()
    title = _("Is the profile of %(name)s still up to date?") % {"name": page.title}
    return notices.notify(members, REMINDER_KIND, title, body, confirm_path)


def _absolute(path: str) -> str:
    """Links in e-mails cannot be relative."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


# -- one-click confirmation


def confirmation_token(page, issued: dt.date) -> str:
    """A signed token that confirms ``page``, and only it, until sixty days after ``issued``.

    The day it was issued is inside the signature, so it cannot be moved, and
    expiry is judged against the day it is used (:func:`read_confirmation_token`).
    """
    return signing.dumps({"p": page.pk, "i": issued.isoformat()}, salt=CONFIRMATION_SALT)


def read_confirmation_token(token: str, today: dt.date):
    """The live profile (its specific page) a token confirms; ``ValidationError`` (code
    ``invalid`` or ``expired``) when it was altered, has expired, or its profile is gone."""
    invalid = ValidationError(
        _(
            "This confirmation link is not valid: it may have been cut short. Open it again "
            "from the e-mail, or sign in and edit the profile."
        ),
        code="invalid",
    )
    try:
        data = signing.loads(token, salt=CONFIRMATION_SALT)
        page_id = int(data["p"])
        issued = dt.date.fromisoformat(data["i"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise invalid from None
    if today > issued + dt.timedelta(days=CONFIRMATION_VALID_DAYS):
        raise ValidationError(
            _(
                "This confirmation link has expired: links work for %(days)d days. Sign in "
                "and edit the profile, or use the link in the next reminder."
            )
            % {"days": CONFIRMATION_VALID_DAYS},
            code="expired",
        )
    page = Page.objects.live().filter(pk=page_id).first()
    page = page.specific if page else None
    if page is None or kind_of_model(type(page)) is None:
        raise invalid
    return page


def confirm(token: str, today: dt.date):
    """Mark the profile a token names as confirmed ``today``; return it.

    Only the date changes: the live page, and the live and latest revisions
    so that the editor shows it and a later publish of a draft keeps it.
    Nothing is published, and a draft waiting for moderation stays as it is.
    """
    page = read_confirmation_token(token, today)
    _set_verified_on(page, today)
    return page


def _set_verified_on(page, day: dt.date) -> None:
    with transaction.atomic():
        type(page).objects.filter(pk=page.pk).update(verified_on=day)
        page.verified_on = day
        for revision in Revision.page_revisions.filter(
            pk__in={page.live_revision_id, page.latest_revision_id} - {None}
        ).select_for_update():
            revision.content["verified_on"] = day.isoformat()
            revision.save(update_fields=["content"])


# -- publishing renews the date


def renew_on_publish(sender, instance, revision=None, **kwargs) -> None:
    """A person's change, once published (by them or by the approving regional centre),
    confirms the profile today. A revision nobody wrote (the import, a script) keeps
    the date it carries."""
    if revision is None or revision.user_id is None:
        return
    today = timezone.localdate()
    # Wagtail copies this revision's content to the page's aliases after the signal.
    revision.content["verified_on"] = today.isoformat()
    _set_verified_on(instance, today)


def connect() -> None:
    """Listen for published profiles (called at start-up, before the search index listens,
    so the index sees the renewed date)."""
    for kind in PROFILE_KINDS.values():
        page_published.connect(
            renew_on_publish, sender=kind.page_model, dispatch_uid=f"freshness-{kind.code}"
        )


# -- the regional centre's list to chase


@dataclass
class StaleProfile:
    """A row of the list to chase: the profile, since when, and whom to ask."""

    page: Page
    verified_since: dt.date
    confirmed: bool
    owners: list = field(default_factory=list)


def stale_profiles(today: dt.date, voivodeship_ids=None) -> list[StaleProfile]:
    """Live profiles not confirmed for more than eighteen months, oldest first; only those in
    ``voivodeship_ids`` when given (``None``: everywhere)."""
    rows = []
    for _kind, pages in _profiles(months_before(today, STALE_AFTER_MONTHS), False):
        if voivodeship_ids is not None:
            pages = pages.filter(voivodeship_id__in=voivodeship_ids)
        for page in pages.select_related("voivodeship"):
            rows.append(StaleProfile(page, page.verified_since, bool(page.verified_on)))
    return sorted(rows, key=lambda row: (row.verified_since, row.page.title, row.page.pk))


def chase_list(today: dt.date, voivodeship_ids=None, number=1):
    """One page (:data:`CHASE_LIST_PER_PAGE` rows) of :func:`stale_profiles`, each row with its
    owning organisations and their members, whom the regional centre can call or write to."""
    page_obj = Paginator(stale_profiles(today, voivodeship_ids), CHASE_LIST_PER_PAGE).get_page(
        number
    )
    owners = owners_of(row.page.pk for row in page_obj.object_list)
    for row in page_obj.object_list:
        row.owners = owners.get(row.page.pk, [])
    return page_obj
