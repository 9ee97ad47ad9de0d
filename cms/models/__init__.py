"""Site-wide models: pages, regions and the mixins directory profiles share."""

from cms.models.freshness import FreshnessReminder
from cms.models.joining import Claim, Registration
from cms.models.mixins import (
    GALLERY_PANELS,
    AddressMixin,
    ContactMixin,
    GalleryImage,
    IdentifiersMixin,
    MapPointMixin,
)
from cms.models.moderation import RegionalApprovalTask
from cms.models.notifications import (
    DEFAULT_DELIVERY,
    Delivery,
    Notification,
    NotificationKind,
    NotificationPreference,
)
from cms.models.organisations import Invitation, Membership, Organisation
from cms.models.pages import ContentBlock, ContentPage, HomePage
from cms.models.publications import (
    EventPage,
    GuidePage,
    NewsPage,
    PublicationPage,
    PublicationsIndexPage,
    SectionPage,
)
from cms.models.regions import VOIVODESHIPS, Powiat, Voivodeship
from cms.models.schedule import ScheduledRun

__all__ = [
    "DEFAULT_DELIVERY",
    "GALLERY_PANELS",
    "VOIVODESHIPS",
    "AddressMixin",
    "Claim",
    "ContactMixin",
    "ContentBlock",
    "ContentPage",
    "Delivery",
    "EventPage",
    "FreshnessReminder",
    "GalleryImage",
    "GuidePage",
    "HomePage",
    "IdentifiersMixin",
    "Invitation",
    "MapPointMixin",
    "Membership",
    "NewsPage",
    "Notification",
    "NotificationKind",
    "NotificationPreference",
    "Organisation",
    "Powiat",
    "PublicationPage",
    "PublicationsIndexPage",
    "RegionalApprovalTask",
    "Registration",
    "ScheduledRun",
    "SectionPage",
    "Voivodeship",
]
