"""The filters of the dashboard and the public summary: region, period, and which download."""

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.models import Voivodeship

# Social cooperatives exist since the act of 2006 and WTZ since the 1990s: earlier dates are
# typing mistakes, as are dates years ahead.
EARLIEST = date(1990, 1, 1)
YEARS_AHEAD = 1


class DateInput(forms.DateInput):
    """The browser's own date picker; the value is sent as YYYY-MM-DD in every language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class DayField(forms.DateField):
    """An optional day, as the date picker sends it (YYYY-MM-DD) or as people type it
    without one (DD.MM.YYYY)."""

    widget = DateInput
    input_formats = ["%Y-%m-%d", "%d.%m.%Y"]

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)


class FiguresFilterForm(forms.Form):
    voivodeship = forms.ModelChoiceField(
        label=_("Voivodeship"),
        queryset=Voivodeship.objects.order_by("teryt"),
        to_field_name="teryt",
        required=False,
        empty_label=_("All of Poland"),
    )
    start = DayField(
        label=_("From"),
        help_text=_("First day of the period, e.g. 2026-01-01. Leave empty for no limit."),
    )
    end = DayField(
        label=_("To"),
        help_text=_("Last day of the period, included. Leave empty for today."),
    )
    format = forms.ChoiceField(
        required=False,
        choices=[("", "HTML"), ("csv", "CSV"), ("xlsx", "XLSX")],
        widget=forms.HiddenInput,
    )
    table = forms.ChoiceField(
        required=False,
        choices=[
            ("", ""),
            ("regions", "regions"),
            ("needs", "needs"),
            ("orders", "orders"),
            ("order_kinds", "order_kinds"),
            ("wtz", "wtz"),
            ("brokering", "brokering"),
        ],
        widget=forms.HiddenInput,
    )

    def _clean_day(self, name: str) -> date | None:
        day = self.cleaned_data.get(name)
        latest = date(timezone.localdate().year + YEARS_AHEAD, 12, 31)
        if day is not None and not (EARLIEST <= day <= latest):
            raise forms.ValidationError(
                _("Choose a date between %(earliest)s and %(latest)s."),
                params={"earliest": EARLIEST.isoformat(), "latest": latest.isoformat()},
                code="out_of_range",
            )
        return day

    def clean_start(self):
        return self._clean_day("start")

    def clean_end(self):
        return self._clean_day("end")

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("The last day cannot be before the first day."))
        if data.get("format") == "csv" and not data.get("table"):
            data["table"] = "regions"
        return data

    def figures_arguments(self) -> dict:
        """The keyword arguments of :func:`cms.dashboard.figures.regional_figures`."""
        return {key: self.cleaned_data[key] for key in ("voivodeship", "start", "end")}
