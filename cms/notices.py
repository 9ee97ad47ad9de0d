"""Notifications: the one door through which the site tells a person that something happened.

Other code calls :func:`notify` with the people, the kind (a
:class:`~cms.models.NotificationKind`), a title, a text and where to look. It
writes one on-site notification per person, in the caller's transaction, and
e-mails the people who chose "at once" for that kind through Django's mail.
In production that is the queue of :mod:`cms.mail`, so a change that is
rolled back leaves neither a notification nor an e-mail behind.

People who chose the daily digest get one e-mail each morning with what they
have not read yet (:func:`send_digests`, run by the scheduler). People who
chose "off" get no e-mail, but still the notification on the site: the list is
the record of what happened to their needs and requests, and turning e-mail
off is not asking to miss a decision about one's own registration.

Every e-mail carries a one-click unsubscribe for the kinds it is about: a
signed link that works without signing in, announced in the
``List-Unsubscribe`` headers (RFC 8058).
"""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms.models import (
    DEFAULT_DELIVERY,
    Delivery,
    Notification,
    NotificationKind,
    NotificationPreference,
)

UNSUBSCRIBE_SALT = "cms.notices.unsubscribe"
SUBJECT_PREFIX = "[Kooperacja] "


# Writing and e-mailing notifications


def notify(users: Iterable, kind: str, title: str, body: str = "", url: str = "") -> list:
    """Tell ``users`` (each once, active accounts only) about one event; return the rows.

    ``title`` and ``body`` are shown as written, so translate them into the
    language the people read (the e-mail around them speaks the language that
    is active here). ``url`` is a path of this site (``/potrzeby/…``) or an
    absolute address of it. Raises ``ValueError`` for a kind that does not exist.
    """
    kind = NotificationKind(kind)
    people = list({user.pk: user for user in users if user.is_active}.values())
    if not people:
        return []
    language = translation.get_language() or settings.LANGUAGE_CODE
    now = timezone.now()
    with transaction.atomic():
        rows = Notification.objects.bulk_create(
            Notification(
                user=person,
                kind=kind,
                title=title,
                body=body,
                url=url,
                created=now,
                language=language,
            )
            for person in people
        )
        deliveries = deliveries_for(people, kind)
        at_once = [
            row
            for row in rows
            if row.user.email and deliveries[row.user_id] == Delivery.IMMEDIATELY
        ]
        if at_once:
            get_connection().send_messages([_notice_email(row) for row in at_once])
            Notification.objects.filter(pk__in=[row.pk for row in at_once]).update(emailed_at=now)
            for row in at_once:
                row.emailed_at = now
    return rows


def send_digests(now=None) -> int:
    """E-mail each person, once, what they have not read of the kinds they take daily.

    Notifications already e-mailed or read are left out, so a second run the
    same day sends nothing more; a person's rows are locked while their digest
    is written (``SKIP LOCKED``), so two workers never send one twice. Returns
    the number of e-mails sent.
    """
    now = now or timezone.now()
    waiting = _waiting_for_digest()
    sent = 0
    for user_id in waiting.values_list("user_id", flat=True).distinct().order_by("user_id"):
        with transaction.atomic():
            rows = list(
                waiting.filter(user_id=user_id)
                .select_for_update(skip_locked=True, of=("self",))
                .select_related("user")
                .order_by("created", "pk")
            )
            if not rows or not rows[0].user.email:
                continue
            get_connection().send_messages([_digest_email(rows)])
            Notification.objects.filter(pk__in=[row.pk for row in rows]).update(emailed_at=now)
            sent += 1
    return sent


def _waiting_for_digest():
    """Unread notifications not e-mailed yet, of a kind their person takes daily: chosen so,
    or daily by default and not chosen otherwise."""
    chosen = NotificationPreference.objects.filter(user=OuterRef("user"), kind=OuterRef("kind"))
    default_daily = [kind for kind, how in DEFAULT_DELIVERY.items() if how == Delivery.DAILY]
    return Notification.objects.unread().filter(
        Q(Exists(chosen.filter(delivery=Delivery.DAILY)))
        | (Q(kind__in=default_daily) & ~Exists(chosen)),
        emailed_at__isnull=True,
        user__is_active=True,
    )


def _absolute(path: str) -> str:
    """An address a mail program can open: links in e-mails cannot be relative."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _email(user, kinds: list[str], subject: str, template: str, context: dict) -> EmailMessage:
    """A message to ``user`` whose footer and headers unsubscribe them from ``kinds``.

    Mail programs that offer "unsubscribe" POST to the same link (RFC 8058's
    ``List-Unsubscribe-Post: List-Unsubscribe=One-Click``); the page a person
    opens from the link asks before it changes anything (see the view).
    """
    unsubscribe = _absolute(
        reverse("notification-unsubscribe", args=[unsubscribe_token(user, kinds)])
    )
    text = render_to_string(
        template,
        {
            **context,
            "unsubscribe_url": unsubscribe,
            "settings_url": _absolute(reverse("notification-settings")),
            "kinds": [NotificationKind(kind).label for kind in kinds],
        },
    )
    return EmailMessage(
        SUBJECT_PREFIX + subject,
        text,
        None,
        [user.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def _notice_email(row: Notification) -> EmailMessage:
    with translation.override(row.language):
        return _email(
            row.user,
            [row.kind],
            row.title,
            "cms/notifications/email/notice.txt",
            {"notification": row, "open_url": _absolute(reverse("notification", args=[row.pk]))},
        )


def _digest_email(rows: list[Notification]) -> EmailMessage:
    """One morning e-mail with every row, in the language of the newest of them."""
    with translation.override(rows[-1].language):
        count = len(rows)
        subject = ngettext("%(count)d new notification", "%(count)d new notifications", count) % {
            "count": count
        }
        items = [(row, _absolute(reverse("notification", args=[row.pk]))) for row in rows]
        return _email(
            rows[0].user,
            sorted({row.kind for row in rows}),
            subject,
            "cms/notifications/email/digest.txt",
            {"items": items, "count": count, "list_url": _absolute(reverse("notifications"))},
        )


# What a person chose


def preferences_of(user) -> dict[str, str]:
    """Every kind with how ``user`` gets it by e-mail (their choice, else the default)."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "delivery"))
    return {kind: chosen.get(kind, DEFAULT_DELIVERY[kind]) for kind in NotificationKind.values}


def deliveries_for(users: list, kind: str) -> dict[int, str]:
    """How each of ``users`` gets ``kind``: user id → delivery."""
    chosen = dict(
        NotificationPreference.objects.filter(user__in=users, kind=kind).values_list(
            "user_id", "delivery"
        )
    )
    return {user.pk: chosen.get(user.pk, DEFAULT_DELIVERY[kind]) for user in users}


def set_preferences(user, choices: dict[str, str]) -> None:
    """Store ``user``'s choice for each kind named in ``choices`` (kind → delivery)."""
    with transaction.atomic():
        for kind, delivery in choices.items():
            NotificationPreference.objects.update_or_create(
                user=user,
                kind=NotificationKind(kind),
                defaults={"delivery": Delivery(delivery)},
            )


# One-click unsubscribe


def unsubscribe_token(user, kinds: list[str]) -> str:
    """A signed, URL-safe token naming ``user`` and ``kinds``; nobody can forge or widen it.

    It does not expire: the link in a year-old e-mail must still work.
    """
    return signing.dumps({"u": user.pk, "k": sorted(kinds)}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str):
    """The person and the kinds a token names; ``ValidationError`` if it was altered."""
    invalid = ValidationError(
        _(
            "This unsubscribe link is not valid: it may have been cut short. Open it again "
            "from the e-mail, or sign in and change your notification settings."
        ),
        code="invalid_token",
    )
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        kinds = [NotificationKind(kind) for kind in data["k"]]
        user_id = int(data["u"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise invalid from None
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None or not kinds:
        raise invalid
    return user, kinds


def unsubscribe(token: str):
    """Turn off e-mail of the kinds the token names, for the person it names; return both."""
    user, kinds = read_unsubscribe_token(token)
    set_preferences(user, dict.fromkeys(kinds, Delivery.OFF))
    return user, kinds


# A person's own notifications


def notifications_of(user):
    return Notification.objects.filter(user=user).order_by("-created", "-pk")


def unread_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.unread().filter(user=user).count()


def open_notification(user, pk: int) -> Notification:
    """``user``'s notification ``pk``, marked read now (``Notification.DoesNotExist`` if it is
    not theirs)."""
    notification = Notification.objects.get(user=user, pk=pk)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def mark_all_read(user) -> int:
    return Notification.objects.unread().filter(user=user).update(read_at=timezone.now())
