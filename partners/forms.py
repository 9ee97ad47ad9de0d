"""Forms of the company journey (a need, an inquiry, a reply) and of partnerships."""

import datetime as dt

from django import forms
from django.core import validators
from django.utils.translation import gettext_lazy as _

from cms.models import Voivodeship
from cooperatives.models import Capability, Certification, CooperativePage
from partners import partnerships
from partners.models import Inquiry, PartnerPage, Partnership
from search.places import find_place, find_postcode, find_town
from workshops.models import WorkshopPage

MAX_JOBS = 10_000
EARLIEST_START = dt.date(1990, 1, 1)
# What a person may write in one free-text box (a need's detail, a message, a partnership's
# work or description): the database would take any length, the pages should not.
LONG_TEXT = 4000


class NeedForm(forms.Form):
    title = forms.CharField(
        label=_("What do you need done?"),
        max_length=200,
        help_text=_("In your own words, e.g. sewing 2,000 work aprons."),
    )
    description = forms.CharField(
        label=_("More detail"),
        required=False,
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    quantity = forms.CharField(label=_("How many or how much"), required=False, max_length=120)
    town = forms.CharField(
        label=_("Town"),
        required=False,
        max_length=80,
        help_text=_("Where the work is needed: a town or a postcode. Or a map point below."),
    )
    latitude = forms.FloatField(label=_("Latitude"), required=False, min_value=-90, max_value=90)
    longitude = forms.FloatField(
        label=_("Longitude"), required=False, min_value=-180, max_value=180
    )
    deadline = forms.DateField(
        label=_("Deadline"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    capabilities = forms.ModelMultipleChoiceField(
        label=_("Kind of work (optional: we also read your words)"),
        queryset=Capability.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    required_certifications = forms.ModelMultipleChoiceField(
        label=_("Required certificates"),
        queryset=Certification.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline and deadline < dt.date.today():
            raise forms.ValidationError(_("The deadline is in the past."))
        return deadline

    def clean(self):

        data = super().clean()
        town, lat, lon = data.get("town", ""), data.get("latitude"), data.get("longitude")
        if (lat is None) != (lon is None):
            raise forms.ValidationError(_("Give both latitude and longitude, or neither."))
        if lat is not None:
            data["city"] = town
            return data
        if town:
            place = find_town(town) or find_place(town) or find_postcode(town)
            if place is None:
                self.add_error("town", _("We do not know this town. Check the spelling."))
                return data
        else:
            # "… 2000 szt., Poznań": the place may already be in the company's own words.
            words = f"{data.get('title', '')}\n{data.get('description', '')}"
            place = find_place(words) or find_postcode(words)
            if place is None:
                if not self.errors:
                    raise forms.ValidationError(_("Say where: a town, or a map point."))
                return data
        data.update(city=place.name, latitude=place.lat, longitude=place.lon)
        return data


class InquiryForm(forms.Form):
    message = forms.CharField(
        label=_("Your message"), max_length=LONG_TEXT, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReplyForm(forms.Form):
    message = forms.CharField(
        label=_("Reply"),
        required=False,
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", "—"), *Inquiry.Status.choices]
    )

    def clean(self):
        data = super().clean()
        if not data.get("message") and not data.get("status"):
            raise forms.ValidationError(_("Write a reply or choose a status."))
        return data


class PartnershipForm(forms.ModelForm):
    """Record or change a partnership; the user must belong to one of its parties."""

    class Meta:
        model = Partnership
        fields = [
            "cooperative",
            "partner",
            "workshops",
            "local_government",
            "status",
            "started",
            "jobs_created",
            "work",
            "description",
            "capabilities",
        ]
        widgets = {
            "workshops": forms.CheckboxSelectMultiple,
            "capabilities": forms.CheckboxSelectMultiple,
            "started": forms.DateInput(attrs={"type": "date"}),
            "work": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "local_government": _("For example the town hall or foundation that takes part."),
            "jobs_created": _("People with disabilities employed thanks to this partnership."),
            "description": _("How the cooperation works, for the partnership's public page."),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["cooperative"].queryset = CooperativePage.objects.live().order_by("title")
        self.fields["partner"].queryset = PartnerPage.objects.live().order_by("title")
        self.fields["workshops"].queryset = WorkshopPage.objects.live().order_by("title")
        self.fields["jobs_created"].widget.attrs["max"] = MAX_JOBS
        # Their columns are unbounded text: bound them as the need form bounds its detail.
        for name in ("work", "description"):
            field = self.fields[name]
            field.max_length = LONG_TEXT
            field.validators.append(validators.MaxLengthValidator(LONG_TEXT))
            field.widget.attrs.update(field.widget_attrs(field.widget))

    def clean_jobs_created(self):
        jobs = self.cleaned_data["jobs_created"]
        if jobs is not None and jobs > MAX_JOBS:
            raise forms.ValidationError(
                _("No more than %(max)s jobs, please check the number."), params={"max": MAX_JOBS}
            )
        return jobs

    def clean(self):
        data = super().clean()
        started, status = data.get("started"), data.get("status")
        if started and started > dt.date.today() and status != Partnership.Status.PLANNED:
            self.add_error("started", _("A start date in the future fits only a planned one."))
        if started and started < EARLIEST_START:
            self.add_error("started", _("The start date is too far in the past."))
        cooperative, partner = data.get("cooperative"), data.get("partner")
        workshops = list(data.get("workshops") or [])
        if (
            cooperative
            and partner
            and not partnerships.involves(self.user, cooperative, partner, workshops)
        ):
            raise forms.ValidationError(
                _(
                    "You can record only partnerships of your own organisation "
                    "(or, for a regional centre, of cooperatives in your voivodeship)."
                )
            )
        return data


class PartnershipFilterForm(forms.Form):
    """Filters of the public list of partnerships."""

    status = forms.ChoiceField(label=_("Status"), required=False)
    voivodeship = forms.ChoiceField(label=_("Voivodeship"), required=False)
    capability = forms.ChoiceField(label=_("Kind of work"), required=False)
    page = forms.IntegerField(required=False, min_value=1, max_value=1000, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["status"].choices = everything + list(Partnership.Status.choices)
        self.fields["voivodeship"].choices = everything + Voivodeship.choices()
        self.fields["capability"].choices = everything + Capability.choices()
