"""The directory at a glance for the home page: its live numbers and its latest partnerships.

The numbers mean what the public statistics page means by them
(:mod:`cms.dashboard.figures`): listed profiles; partnerships that have begun
(active or ended, not planned) whose cooperative and company are both listed,
and the jobs for people with disabilities those partnerships state. They are
four small counts, kept until the directory changes (:mod:`cms.public_cache`)
like the statistics themselves.
"""

from dataclasses import dataclass

from django.db.models import F, Sum

from cms import public_cache
from cms.kinds import profile_kind
from partners.models import Partnership
from partners.partnerships import public_partnerships

LATEST_PARTNERSHIPS = 3


@dataclass(frozen=True)
class DirectoryNumbers:
    cooperatives: int
    workshops: int
    partnerships: int
    jobs_created: int


def directory_numbers() -> DirectoryNumbers:
    """The home page's numbers, as last counted (see the module's docstring)."""
    return public_cache.remember("home-numbers", [], _count, translated=False)


def _count() -> DirectoryNumbers:
    begun = Partnership.objects.listed().exclude(status=Partnership.Status.PLANNED)
    jobs = begun.aggregate(total=Sum("jobs_created"))["total"]
    return DirectoryNumbers(
        cooperatives=profile_kind("cooperative").page_model.objects.listed().count(),
        workshops=profile_kind("workshop").page_model.objects.listed().count(),
        partnerships=begun.count(),
        jobs_created=jobs or 0,
    )


def latest_partnerships(count: int = LATEST_PARTNERSHIPS):
    """The public partnerships that started last (those without a start date after them)."""
    return public_partnerships().order_by(F("started").desc(nulls_last=True), "-pk")[:count]


def cooperative_listing_url(request) -> str:
    """The cooperatives' listing, which works from the database alone ("" before it exists)."""
    listing = profile_kind("cooperative").index_model.objects.live().first()
    return listing.get_url(request) if listing else ""
