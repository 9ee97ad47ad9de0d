"""Social cooperatives: their profile pages, what they can make, and the vocabularies
matching relies on. The public names are re-exported here: import from ``cooperatives.models``."""

from cooperatives.models.capacity import (
    WORKING_DAYS,
    CapacityPeriod,
    CapacityUnit,
    CooperativeCapacity,
    CooperativePageForm,
    amount_phrase,
    lead_time_sentence,
    per_period_phrase,
    rate_phrase,
)
from cooperatives.models.pages import (
    MAX_LEAD_TIME_DAYS,
    CooperativeCertificate,
    CooperativeIndexPage,
    CooperativePage,
)
from cooperatives.models.reserved import (
    RESERVED_SHARE_PERCENT,
    qualifies_for_reserved_contracts,
    reserved_share,
)
from cooperatives.models.snippets import BilingualLabelMixin, Capability, Certification

__all__ = [
    "MAX_LEAD_TIME_DAYS",
    "RESERVED_SHARE_PERCENT",
    "WORKING_DAYS",
    "BilingualLabelMixin",
    "Capability",
    "CapacityPeriod",
    "CapacityUnit",
    "Certification",
    "CooperativeCapacity",
    "CooperativeCertificate",
    "CooperativeIndexPage",
    "CooperativePage",
    "CooperativePageForm",
    "amount_phrase",
    "lead_time_sentence",
    "per_period_phrase",
    "qualifies_for_reserved_contracts",
    "rate_phrase",
    "reserved_share",
]
