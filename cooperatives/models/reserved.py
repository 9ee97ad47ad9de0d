"""Who may take part in public contracts reserved under art. 94 of the public procurement act.

A public buyer (a gmina, a powiat) may reserve a contract for social
cooperatives and similar entities where at least 30 % of the staff are people
with disabilities or belong to the other groups the act names (unemployed,
homeless, refugees, …). The directory says so from what the cooperative
states; the buyer still checks the documents. The share is compared in whole
numbers (``groups * 100 >= 30 * total``), so exactly 30 % qualifies and
29.9 % does not, with no rounding in between.
"""

from decimal import Decimal

# The least share of staff from the named groups, in per cent (art. 94 sec. 1).
RESERVED_SHARE_PERCENT = 30


def qualifies_for_reserved_contracts(groups: int | None, total: int | None) -> bool:
    """Whether ``groups`` employees from the named groups out of ``total`` reach the share.

    Nothing stated, or a staff of nobody, qualifies for nothing."""
    if groups is None or not total:
        return False
    return groups * 100 >= RESERVED_SHARE_PERCENT * total


def reserved_share(groups: int | None, total: int | None) -> Decimal | None:
    """The share of staff from the named groups, in per cent to one decimal (rounded down,
    so a share shown as 30.0 % always qualifies); None when it cannot be worked out."""
    if groups is None or not total:
        return None
    tenths = groups * 1000 // total
    return Decimal(tenths) / 10
