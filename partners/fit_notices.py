"""Telling cooperatives of new needs that fit them, and companies of new cooperatives that fit
their open needs: found and told in the background, each pair once.

A company posting a need, or a regional centre approving a profile, should not
wait while the site looks through every cooperative or need; and nobody should
miss a notice because the worker was down. So the change only writes a job
(:func:`tell_cooperatives`, :func:`tell_companies`) on the ``jobs`` queue of
the task queue, in its own transaction: the job exists exactly when the change
committed, waits in PostgreSQL while no worker runs, and is then run by
``manage.py worker`` (which imports this module by the job's path).

"Fits" is the rule of :mod:`partners.fitting`. Each need and cooperative are
introduced once (:class:`~partners.models.FitNotice`): the cooperatives of a new
need are told of it (``new_need``); the companies of open needs a newly
published cooperative fits are told of it (``new_cooperative``), one notice per
company for all its needs. An edit that lets the need fit more cooperatives
tells only those it did not fit before; a profile republished tells nobody
unless it gained a kind of work, and then only of the needs of that kind.

Jobs run without a request, so their texts are written in the site's language
(Polish) and their links are absolute, for e-mail.
"""

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from cms.models import Membership, NotificationKind, Organisation
from cms.notices import notify
from cooperatives.models import CooperativePage
from partners.fitting import cooperatives_fitting, needs_fitting
from partners.models import FitNotice, Need

# -- the change writes a job


def need_state(need: Need) -> dict:
    """What an edit may change about whom ``need`` fits: kinds of work, place, being open."""
    return {
        "kinds": sorted(need.capabilities.values_list("pk", flat=True)),
        "latitude": need.latitude,
        "longitude": need.longitude,
        "open": need.is_open,
    }


def need_posted(need: Need) -> None:
    """A company posted ``need``: tell the cooperatives it fits (a need of no kind fits none)."""
    if need.capabilities.exists():
        tell_cooperatives.enqueue(need.pk)


def need_changed(need: Need, before: dict) -> None:
    """``need`` was edited from ``before`` (:func:`need_state`): when it gained a kind of work,
    moved or opened again, tell the cooperatives it fits now and did not fit before."""
    now = need_state(need)
    if not now["open"] or not now["kinds"]:
        return
    gained = not set(now["kinds"]) <= set(before["kinds"])
    moved = (now["latitude"], now["longitude"]) != (before["latitude"], before["longitude"])
    if gained or moved or not before["open"]:
        tell_cooperatives.enqueue(need.pk, before)


def cooperative_published(sender, instance, **kwargs) -> None:
    """Wagtail's ``page_published``: a profile live for the first time tells the companies whose
    open needs it fits. A republish keeps its first date and tells nobody."""
    first = instance.first_published_at
    if first is not None and first == instance.last_published_at:
        tell_companies.enqueue(instance.pk, None, first.isoformat())


def cooperative_kinds_added(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    """``m2m_changed`` of a profile's kinds of work, written when a live profile is published:
    kinds it gained tell the companies whose open needs of those kinds it fits. (On the first
    publish :func:`cooperative_published` tells of every kind.)"""
    if action != "post_add" or reverse or not pk_set or not isinstance(instance, CooperativePage):
        return
    first = instance.first_published_at
    if instance.live and first is not None and first != instance.last_published_at:
        tell_companies.enqueue(instance.pk, sorted(pk_set), timezone.now().isoformat())


# -- the worker finds and tells


@task(backend="queue", queue_name="jobs")
def tell_cooperatives(need_id: int, before: dict | None = None) -> int:
    """The job of :func:`need_posted` and :func:`need_changed`."""
    with translation.override(settings.LANGUAGE_CODE):
        return tell_cooperatives_of(need_id, before)


@task(backend="queue", queue_name="jobs")
def tell_companies(cooperative_id: int, kinds: list[int] | None = None, at: str = "") -> int:
    """The job of :func:`cooperative_published` and :func:`cooperative_kinds_added`; ``at`` is
    when the profile changed (ISO 8601)."""
    with translation.override(settings.LANGUAGE_CODE):
        moment = dt.datetime.fromisoformat(at) if at else None
        return tell_companies_of(cooperative_id, kinds, moment)


def tell_cooperatives_of(need_id: int, before: dict | None = None) -> int:
    """Tell the members of each cooperative ``need`` fits, and was not told of it or introduced
    to it before (nor fitted it as it was ``before`` an edit); return how many cooperatives."""
    need = Need.objects.filter(pk=need_id).select_related("partner", "voivodeship").first()
    if need is None or not need.is_open:
        return 0
    kinds = list(need.capabilities.all())
    fitting = cooperatives_fitting([kind.pk for kind in kinds], need.latitude, need.longitude)
    if before and before["open"]:
        fitted = cooperatives_fitting(before["kinds"], before["latitude"], before["longitude"])
        fitted_ids = {cooperative.pk for cooperative in fitted}
        fitting = [cooperative for cooperative in fitting if cooperative.pk not in fitted_ids]
    introduced = set(need.fit_notices.values_list("cooperative_id", flat=True))
    fitting = [cooperative for cooperative in fitting if cooperative.pk not in introduced]
    people = _members_of(fitting, Organisation.Kind.COOPERATIVE)
    told = 0
    for cooperative in fitting:
        members = people.get(cooperative.pk)
        if not members:
            continue
        with transaction.atomic():
            if _introduce(need, cooperative, FitNotice.Told.COOPERATIVE):
                title, body, url = _new_need_notice(need, cooperative, kinds)
                notify(members, NotificationKind.NEW_NEED, title, body, url)
                told += 1
    return told


def tell_companies_of(
    cooperative_id: int, kinds: list[int] | None = None, moment: dt.datetime | None = None
) -> int:
    """Tell the members of each company with open needs ``cooperative`` fits (through any of
    its kinds, or only ``kinds``) and was not introduced to before, once for all of them;
    return how many companies.

    Only needs posted by ``moment`` (when the profile went live or gained the kind) count:
    a need posted while the job waited is news to the cooperative, and its own job tells it.
    """
    cooperative = CooperativePage.objects.filter(pk=cooperative_id).first()
    if cooperative is None:
        return 0
    introduced = set(cooperative.fit_notices.values_list("need_id", flat=True))
    by_company: dict[int, list[Need]] = {}
    for need in needs_fitting(cooperative, kinds):
        if need.pk not in introduced and (moment is None or need.created_at <= moment):
            by_company.setdefault(need.partner_id, []).append(need)
    companies = [needs[0].partner for needs in by_company.values()]
    people = _members_of(companies, Organisation.Kind.COMPANY)
    told = 0
    for company in companies:
        members = people.get(company.pk)
        if not members:
            continue
        with transaction.atomic():
            new = [
                need
                for need in by_company[company.pk]
                if _introduce(need, cooperative, FitNotice.Told.COMPANY)
            ]
            if new:
                title, body, url = _new_cooperative_notice(cooperative, new)
                notify(members, NotificationKind.NEW_COOPERATIVE, title, body, url)
                told += 1
    return told


def _introduce(need: Need, cooperative: CooperativePage, told: str) -> bool:
    """Record that the pair was introduced; False when it already was (by an earlier run,
    another worker at the same moment, or from the other side)."""
    try:
        with transaction.atomic():
            FitNotice.objects.create(need=need, cooperative=cooperative, told=told)
    except IntegrityError:
        return False
    return True


def _members_of(pages: Iterable, kind: str) -> dict[int, list]:
    """Page id → the active members of its approved organisation of ``kind``."""
    memberships = Membership.objects.filter(
        organisation__page__in=[page.pk for page in pages],
        organisation__kind=kind,
        organisation__approved=True,
        status=Membership.Status.ACTIVE,
        user__is_active=True,
    ).select_related("user", "organisation")
    people: dict[int, list] = {}
    for membership in memberships:
        people.setdefault(membership.organisation.page_id, []).append(membership.user)
    return people


# -- what they read


def _address(path: str) -> str:
    """An absolute link of this site: e-mail cannot follow a relative one."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _need_place(need: Need) -> str:
    if need.city:
        return need.city
    return need.voivodeship.name if need.voivodeship else ""


def _new_need_notice(need: Need, cooperative: CooperativePage, kinds: list) -> tuple:
    done = set(cooperative.capabilities.values_list("pk", flat=True))
    names = {
        "need": need.title,
        "place": _need_place(need) or _("place not given"),
        "company": need.partner.title,
        "cooperative": cooperative.title,
        "kinds": ", ".join(kind.label for kind in kinds if kind.pk in done),
    }
    if _need_place(need):
        title = _("New need: %(need)s (%(place)s)") % names
    else:
        title = _("New need: %(need)s") % names
    url = reverse("offer", args=[need.slug, cooperative.pk])
    body = _(
        "%(company)s is looking for: %(need)s\nWhere: %(place)s\n"
        "It asks for what %(cooperative)s does: %(kinds)s.\n\n"
        "Read it in full and offer to do it: %(link)s\n"
    ) % {**names, "link": _address(url)}
    return title, body, url


def _new_cooperative_notice(cooperative: CooperativePage, needs: list[Need]) -> tuple:
    names = {
        "cooperative": cooperative.title,
        "place": cooperative.city or _("place not given"),
    }
    url = cooperative.get_url() or ""
    title = _("A new cooperative for your need: %(cooperative)s (%(place)s)") % names
    lines = "\n".join(
        f"- {need.title}: {_address(reverse('need-matches', args=[need.slug]))}" for need in needs
    )
    body = _(
        "%(cooperative)s (%(place)s) does what your open needs ask for, within its reach:\n"
        "%(needs)s\n\nSee its profile and ask it: %(link)s\n"
    ) % {**names, "needs": lines, "link": _address(url) if url.startswith("/") else url}
    return title, body, url
