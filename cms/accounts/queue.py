"""One queue of what waits for a person's decision: registrations of new organisations and
claims of listed profiles, each only where the person has authority over it."""

from dataclasses import dataclass

from cms.accounts import claims, registrations
from cms.models import Claim, Registration


@dataclass
class Queue:
    registrations: list[Registration]
    claims: list[Claim]

    def __len__(self) -> int:
        return len(self.registrations) + len(self.claims)


def queue_for(user) -> Queue:
    if not user.is_authenticated:
        return Queue([], [])
    return Queue(list(registrations.pending_for(user)), claims.pending_for(user))


def asked_by(user) -> Queue:
    """What ``user`` asked for, newest first, decided or not: they see where it stands."""
    return Queue(
        list(user.registrations.select_related("voivodeship", "organisation").order_by("-pk")),
        list(user.claims.select_related("page", "organisation").order_by("-pk")),
    )
