"""Polish identifiers (NIP, REGON, KRS) and postcodes: validation with messages a person can act on.

NIP and REGON checksums come from python-stdnum; KRS has no checksum, only
ten digits. Each validator accepts the usual ways of writing the number
(spaces, hyphens, a "PL" prefix for NIP) and :func:`compact` gives the form
we store.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import exceptions as stdnum_errors
from stdnum.pl import nip, regon

POSTAL_CODE = re.compile(r"^\d{2}-\d{3}$")


def compact(value: str) -> str:
    """Digits only (a leading PL country code is dropped)."""
    value = (value or "").strip().upper().removeprefix("PL")
    return re.sub(r"[\s\-.]", "", value)


def validate_nip(value: str) -> None:
    try:
        nip.validate(compact(value))
    except stdnum_errors.InvalidLength:
        raise ValidationError(_("A NIP has 10 digits."), code="nip_length") from None
    except stdnum_errors.ValidationError:
        raise ValidationError(
            _("This NIP is not valid: its check digit does not match."), code="nip_checksum"
        ) from None


def validate_regon(value: str) -> None:
    try:
        regon.validate(compact(value))
    except stdnum_errors.InvalidLength:
        raise ValidationError(_("A REGON has 9 or 14 digits."), code="regon_length") from None
    except stdnum_errors.ValidationError:
        raise ValidationError(
            _("This REGON is not valid: its check digit does not match."), code="regon_checksum"
        ) from None


def validate_krs(value: str) -> None:
    if not re.fullmatch(r"\d{10}", compact(value)):
        raise ValidationError(_("A KRS number has exactly 10 digits."), code="krs_format")


def validate_postal_code(value: str) -> None:
    if not POSTAL_CODE.match((value or "").strip()):
        raise ValidationError(_("Write the postcode as NN-NNN, e.g. 60-101."), code="postal_code")
