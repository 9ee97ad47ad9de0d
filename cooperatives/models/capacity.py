"""How much a cooperative can make: an amount of one kind of work per day, week or month.

A buyer with 2000 aprons to sew by March needs more than "we sew": the free
``capacity_note`` says it for people, these rows say it for the matcher
(:mod:`search.capacity` compares them with a request's quantity and
deadline). Units are the six of the import format (interfaces.md), stored as
written there, so an imported file and the admin form mean the same thing.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from cooperatives.models.snippets import Capability


class CapacityUnit(models.TextChoices):
    """What is counted. The stored values are the import format's, in Polish."""

    PIECES = "szt.", _("pieces")
    MEALS = "posiłków", _("meals")
    KILOGRAMS = "kg", "kg"
    SQUARE_METRES = "m²", "m²"
    PAGES = "stron", _("pages")
    HOURS = "godzin", _("hours")


class CapacityPeriod(models.TextChoices):
    DAY = "day", _("a day")
    WEEK = "week", _("a week")
    MONTH = "month", _("a month")


# Working days in each period: rates are compared per working day (five a week, 21 a month).
WORKING_DAYS = {CapacityPeriod.DAY: 1, CapacityPeriod.WEEK: 5, CapacityPeriod.MONTH: 21}


def amount_phrase(amount: int, unit: str) -> str:
    """``amount`` of ``unit`` in the active language: "800 szt.", "150 posiłków", "1 meal"."""
    values = {"amount": amount}
    if unit == CapacityUnit.PIECES:
        return ngettext("%(amount)s piece", "%(amount)s pieces", amount) % values
    if unit == CapacityUnit.MEALS:
        return ngettext("%(amount)s meal", "%(amount)s meals", amount) % values
    if unit == CapacityUnit.PAGES:
        return ngettext("%(amount)s page", "%(amount)s pages", amount) % values
    if unit == CapacityUnit.HOURS:
        return ngettext("%(amount)s hour", "%(amount)s hours", amount) % values
    return f"{amount} {unit}"


def per_period_phrase(amount: str, per: str) -> str:
    """An amount (already written, with or without its unit) in a period: "400 a day"."""
    phrases = {
        CapacityPeriod.DAY: _("%(amount)s a day"),
        CapacityPeriod.WEEK: _("%(amount)s a week"),
        CapacityPeriod.MONTH: _("%(amount)s a month"),
    }
    return phrases[per] % {"amount": amount}


def rate_phrase(amount: int, unit: str, per: str) -> str:
    """A stated capacity in plain words: "800 szt. tygodniowo", "150 meals a day"."""
    return per_period_phrase(amount_phrase(amount, unit), per)


def lead_time_sentence(days: int) -> str:
    """How soon after an order the first delivery comes, as a sentence for the profile."""
    if days == 0:
        return gettext("First delivery on the day of the order.")
    return ngettext(
        "First delivery within %(days)s day of the order.",
        "First delivery within %(days)s days of the order.",
        days,
    ) % {"days": days}


class CooperativeCapacity(Orderable):
    """How much of one kind of work a cooperative can make in a day, a week or a month."""

    page = ParentalKey(
        "cooperatives.CooperativePage", on_delete=models.CASCADE, related_name="capacities"
    )
    capability = models.ForeignKey(
        Capability, on_delete=models.PROTECT, related_name="+", verbose_name=_("kind of work")
    )
    amount = models.PositiveIntegerField(_("amount"), validators=[MinValueValidator(1)])
    unit = models.CharField(_("unit"), max_length=10, choices=CapacityUnit.choices)
    per = models.CharField(_("period"), max_length=5, choices=CapacityPeriod.choices)

    panels = [
        FieldRowPanel(
            [FieldPanel("capability"), FieldPanel("amount"), FieldPanel("unit"), FieldPanel("per")]
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("capacity")
        verbose_name_plural = _("capacities")

    def __str__(self) -> str:
        return f"{self.rate} — {self.capability.label}"

    @property
    def rate(self) -> str:
        return rate_phrase(self.amount, self.unit, self.per)

    @property
    def per_day(self) -> float:
        """The amount a working day, so rates stated per week and per month compare."""
        return self.amount / WORKING_DAYS[self.per]

    def as_record(self) -> dict:
        """The row as the import format writes it (interfaces.md)."""
        return {
            "capability": self.capability.code,
            "amount": self.amount,
            "unit": self.unit,
            "per": self.per,
        }


class CooperativePageForm(WagtailAdminPageForm):
    """The cooperative's edit form: each capacity must be for a kind of work the cooperative
    ticks under "what we do", and state one unit of it once.

    A capacity for work the cooperative does not offer would make the matcher
    promise what the profile does not; unticking a kind of work therefore asks
    to remove its capacities too.
    """

    def clean(self):
        cleaned_data = super().clean()
        self._check_workshops_of_origin(cleaned_data)
        offered = cleaned_data.get("capabilities")
        if offered is None:  # the field has its own error
            return cleaned_data
        offered = {capability.pk for capability in offered}
        stated = set()
        for form in self.formsets["capacities"].forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            capability, unit = form.cleaned_data.get("capability"), form.cleaned_data.get("unit")
            if capability is None:
                continue
            if capability.pk not in offered:
                form.add_error(
                    "capability",
                    _(
                        "The cooperative does not offer this kind of work: tick it under "
                        "“what we do” or remove this capacity."
                    ),
                )
            elif (capability.pk, unit) in stated:
                form.add_error("unit", _("This kind of work already has a capacity in this unit."))
            stated.add((capability.pk, unit))
        return cleaned_data

    def _check_workshops_of_origin(self, cleaned_data) -> None:
        """The workshops workers came from must be among the workshops the cooperative lists,
        so the profile never names a WTZ it does not work with."""
        origins, linked = cleaned_data.get("workers_from_workshops"), cleaned_data.get("workshops")
        if not origins:
            return
        linked_ids = {workshop.pk for workshop in linked or ()}
        if any(workshop.pk not in linked_ids for workshop in origins):
            self.add_error(
                "workers_from_workshops",
                _(
                    "Choose only workshops you work with; add the workshop to "
                    "“founding or partner workshops” first."
                ),
            )
