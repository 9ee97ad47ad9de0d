"""Site-wide models: pages, regions and the mixins directory profiles share."""

from cms.models.mixins import (
    GALLERY_PANELS,
    AddressMixin,
    ContactMixin,
    GalleryImage,
    IdentifiersMixin,
    MapPointMixin,
)
from cms.models.moderation import RegionalApprovalTask
from cms.models.organisations import Invitation, Membership, Organisation
from cms.models.pages import ContentBlock, ContentPage, HomePage
from cms.models.regions import VOIVODESHIPS, Powiat, Voivodeship

__all__ = [
    "GALLERY_PANELS",
    "VOIVODESHIPS",
    "AddressMixin",
    "ContactMixin",
    "ContentBlock",
    "ContentPage",
    "GalleryImage",
    "HomePage",
    "IdentifiersMixin",
    "Invitation",
    "MapPointMixin",
    "Membership",
    "Organisation",
    "Powiat",
    "RegionalApprovalTask",
    "Voivodeship",
]
