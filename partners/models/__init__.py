"""Business partners, their outsourcing needs, the conversations and orders around them, and
partnerships with cooperatives.

One module per subject; every public name is here too, so ``from partners.models import
Need`` keeps working.
"""

from partners.models.brokering import BrokeredRequest, Contact, Recommendation
from partners.models.fit_notices import FitNotice
from partners.models.inquiries import (
    ContactPerson,
    Inquiry,
    InquiryReading,
    InquiryReply,
    Shortlist,
    Side,
)
from partners.models.needs import QUANTITY_PERIODS, Need, NeedQuerySet
from partners.models.orders import Order
from partners.models.pages import PartnerIndexPage, PartnerPage
from partners.models.partnerships import Partnership, PartnershipQuerySet
from partners.models.quotes import (
    ATTACHMENT_STORAGE,
    Quote,
    attachment_path,
    attachment_storage,
)
from partners.models.slugs import SLUG_PAGES, free_slug, leads_to_its_page

__all__ = [
    "ATTACHMENT_STORAGE",
    "QUANTITY_PERIODS",
    "SLUG_PAGES",
    "BrokeredRequest",
    "Contact",
    "ContactPerson",
    "FitNotice",
    "Inquiry",
    "InquiryReading",
    "InquiryReply",
    "Need",
    "NeedQuerySet",
    "Order",
    "PartnerIndexPage",
    "PartnerPage",
    "Partnership",
    "PartnershipQuerySet",
    "Quote",
    "Recommendation",
    "Shortlist",
    "Side",
    "attachment_path",
    "attachment_storage",
    "free_slug",
    "leads_to_its_page",
]
