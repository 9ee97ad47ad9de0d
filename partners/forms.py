"""Forms of the company journey (a need and its closing, inquiries, requests for quotes, quotes,
declining, accepting, delivery) and of partnerships."""

import datetime as dt

from django import forms
from django.core import validators
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from cms.listing import WORDS_MAX_LENGTH
from cms.models import Voivodeship
from cms.roles import home_voivodeship
from cooperatives.models import Capability, Certification, CooperativePage
from partners import conversation, needs, partnerships, quotes
from partners.models import QUANTITY_PERIODS, Need, PartnerPage, Partnership
from search.places import find_place, find_postcode, find_town
from search.understanding import read_request
from workshops.models import WorkshopPage

MAX_JOBS = 10_000
EARLIEST_START = dt.date(1990, 1, 1)
# A browser's date field reads and writes only this format, whatever the page's language.
ISO_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
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
    quantity_value = forms.DecimalField(
        label=_("Amount in numbers"),
        required=False,
        min_value=0,
        max_digits=12,
        decimal_places=2,
        help_text=_("Optional, so cooperatives can check their capacity, e.g. 2000."),
    )
    quantity_unit = forms.CharField(
        label=_("Unit"),
        required=False,
        max_length=20,
        help_text=_("For example szt., kg, m², meals."),
    )
    quantity_per = forms.ChoiceField(
        label=_("How often"),
        required=False,
        choices=[("", _("once")), *QUANTITY_PERIODS],
    )
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
    deadline = forms.DateField(label=_("Deadline"), required=False, widget=ISO_DATE)
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

    @staticmethod
    def initial_for(need: Need) -> dict:
        """The form filled with a saved need. Its map point is given only when it has no
        town, so that a town typed anew is placed anew."""
        initial = {
            name: getattr(need, name)
            for name in (
                "title",
                "description",
                "quantity",
                "quantity_value",
                "quantity_unit",
                "quantity_per",
                "deadline",
            )
        }
        initial["town"] = need.city
        if not need.city:
            initial.update(latitude=need.latitude, longitude=need.longitude)
        initial["capabilities"] = list(need.capabilities.all())
        initial["required_certifications"] = list(need.required_certifications.all())
        return initial

    def read_from_words(self, today: dt.date) -> dict:
        """What the company's own words already say and the form left empty: the town, the
        amount, the deadline and certificates ("… 400 obiadów dziennie od marca, z HACCP,
        okolice Gniezna"), as form values to show for confirming or correcting."""
        data = self.cleaned_data
        reading = read_request(f"{data.get('title', '')}\n{data.get('description', '')}", today)
        found = {}
        # (clean() may have placed the need from the words already; no map point was given)
        if not data.get("town") and not self.data.get("latitude") and reading.place:
            found["town"] = reading.place.name
        if data.get("quantity_value") is None and reading.quantity:
            found["quantity_value"] = f"{reading.quantity.value:g}"
            found["quantity_unit"] = reading.quantity.unit
            found["quantity_per"] = reading.quantity.per or ""
        if not data.get("deadline") and reading.deadline and reading.deadline >= today:
            found["deadline"] = reading.deadline.isoformat()
        chosen = {certification.code for certification in data.get("required_certifications", [])}
        named = [code for code in reading.certifications if code not in chosen]
        if named:
            found["required_certifications"] = [
                str(pk)
                for pk in Certification.objects.filter(code__in=[*chosen, *named]).values_list(
                    "pk", flat=True
                )
            ]
        return found

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline and deadline < dt.date.today():
            raise forms.ValidationError(_("The deadline is in the past."))
        return deadline

    def clean(self):
        data = super().clean()
        if data.get("quantity_value") is None and (
            data.get("quantity_unit") or data.get("quantity_per")
        ):
            self.add_error("quantity_value", _("Give the amount in numbers too."))
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
        label=_("Status"),
        required=False,
        choices=[("", "—"), *((s.value, s.label) for s in needs.HAND_STATUSES)],
    )

    def clean(self):
        data = super().clean()
        if not data.get("message") and not data.get("status"):
            raise forms.ValidationError(_("Write a reply or choose a status."))
        if data.get("status") == "declined" and not data.get("message"):
            self.add_error("message", _("Say why you decline."))
        return data


class ContactForm(forms.Form):
    """Who writes: asked with the first message and remembered (partners.needs.keep_contact)."""

    contact_name = forms.CharField(label=_("Your name"), max_length=120)
    contact_phone = forms.CharField(
        label=_("Your phone"),
        required=False,
        max_length=40,
        validators=[
            validators.RegexValidator(
                r"^\+?[0-9 ()-]{7,40}$", _("Write the phone number with digits, e.g. 61 123 45 67.")
            )
        ],
    )

    def __init__(self, *args, user=None, **kwargs):
        if user is not None and "initial" not in kwargs:
            contact = conversation.contact_of(user)
            kwargs["initial"] = {
                "contact_name": contact.name or user.get_full_name(),
                "contact_phone": contact.phone,
            }
        super().__init__(*args, **kwargs)


class CloseNeedForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Why is it closed?"),
        choices=[(status.value, status.label) for status in needs.CLOSING_OUTCOMES],
        widget=forms.RadioSelect,
    )


class QuoteRequestForm(ContactForm):
    """One request for quotes to several cooperatives of the need's shortlist."""

    cooperatives = forms.ModelMultipleChoiceField(
        label=_("Cooperatives to ask"),
        queryset=CooperativePage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one cooperative.")},
    )
    message = forms.CharField(
        label=_("Your message"),
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What you need, how much, by when; each cooperative gets it."),
    )
    field_order = ["cooperatives", "message", "contact_name", "contact_phone"]

    def __init__(self, *args, need: Need, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cooperatives"].queryset = CooperativePage.objects.filter(
            pk__in=need.shortlist.values("cooperative_id")
        ).order_by("title")


class QuoteForm(ContactForm):
    price_pln = forms.DecimalField(
        label=_("Price in PLN"),
        min_value=0,
        max_digits=12,
        decimal_places=2,
        help_text=_("The whole price, or the lowest one if you give a range."),
    )
    price_max_pln = forms.DecimalField(
        label=_("Up to (PLN), for a range"),
        required=False,
        min_value=0,
        max_digits=12,
        decimal_places=2,
    )
    earliest_date = forms.DateField(label=_("Earliest delivery date"), widget=ISO_DATE)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    attachment = forms.FileField(
        label=_("Attachment (optional)"),
        required=False,
        help_text=_("PDF, JPG, PNG, DOCX or XLSX, up to 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,.docx,.xlsx"}),
    )

    def clean_earliest_date(self):
        earliest = self.cleaned_data["earliest_date"]
        if earliest < dt.date.today():
            raise forms.ValidationError(_("The date is in the past."))
        return earliest

    def clean_attachment(self):
        attachment = self.cleaned_data.get("attachment")
        if attachment:
            quotes.check_attachment(attachment)
        return attachment

    def clean(self):
        data = super().clean()
        low, high = data.get("price_pln"), data.get("price_max_pln")
        if low is not None and high is not None and high < low:
            self.add_error("price_max_pln", _("The upper price is lower than the price."))
        return data


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Why can you not take it on?"),
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AcceptForm(forms.Form):
    value_pln = forms.DecimalField(
        label=_("Order value in PLN"),
        min_value=0,
        max_digits=12,
        decimal_places=2,
        help_text=_("As agreed; for your records and your CSR report."),
    )
    planned_delivery = forms.DateField(label=_("Planned delivery date"), widget=ISO_DATE)

    def __init__(self, *args, quote=None, **kwargs):
        if quote is not None:
            kwargs.setdefault(
                "initial",
                {
                    "value_pln": quote.price_max_pln or quote.price_pln,
                    "planned_delivery": max(quote.earliest_date, dt.date.today()),
                },
            )
        super().__init__(*args, **kwargs)

    def clean_planned_delivery(self):
        planned = self.cleaned_data["planned_delivery"]
        if planned < dt.date.today():
            raise forms.ValidationError(_("The date is in the past."))
        return planned


class OfferForm(ContactForm):
    """A cooperative offering itself for a need that fits it."""

    message = forms.CharField(
        label=_("Your offer"),
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What you can do, how much, from when."),
    )
    field_order = ["message", "contact_name", "contact_phone"]


class DeliveredForm(forms.Form):
    delivered = forms.DateField(label=_("Delivered on"), widget=ISO_DATE)

    def clean_delivered(self):
        delivered = self.cleaned_data["delivered"]
        if delivered > dt.date.today():
            raise forms.ValidationError(_("The date is in the future."))
        return delivered


def _own_region_first(field, region: Voivodeship) -> None:
    """``field``'s pages in two groups, ``region``'s first and then the rest of Poland, each
    in the queryset's order; the choice is still checked against the whole queryset."""
    pages = list(field.queryset.only("pk", "title", "voivodeship_id"))
    own = [(page.pk, page.title) for page in pages if page.voivodeship_id == region.pk]
    elsewhere = [(page.pk, page.title) for page in pages if page.voivodeship_id != region.pk]
    choices = [
        (_("In your region (%(region)s)") % {"region": capfirst(region.name)}, own),
        (_("Elsewhere in Poland"), elsewhere),
    ]
    if not field.widget.allow_multiple_selected:
        choices.insert(0, ("", field.empty_label))
    field.choices = choices


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
            "started": ISO_DATE,
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
        region = home_voivodeship(user)
        if region is not None:  # a regional centre picks from its own region first
            for name in ("cooperative", "workshops"):
                _own_region_first(self.fields[name], region)
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


# -- brokered help (partners.brokering)


def _note(label, help_text: str, required: str, rows: int = 3) -> forms.CharField:
    """A few lines of plain text, as each step of brokered help asks for one."""
    return forms.CharField(
        label=label,
        max_length=LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
        error_messages={"required": required},
    )


class HelpRequestForm(forms.Form):
    """A company asks its regional centre to find cooperatives for a need."""

    prefix = "help"
    note = _note(
        _("What should the regional centre know?"),
        _("For example what you have tried, what matters most, and how to reach you."),
        _("Write a few words for the regional centre."),
    )


class RecommendationForm(forms.Form):
    """The regional centre's note that goes with the cooperatives it recommends."""

    prefix = "recommendation"
    note = _note(
        _("Note to the company"),
        _("Why these cooperatives, and what to ask them."),
        _("Write a note to the company with the recommendation."),
    )


class ContactNoteForm(forms.Form):
    """A contact the regional centre made outside the site, for the need's log."""

    prefix = "contact"
    text = _note(
        _("What happened"),
        _("For example: phoned the cooperative, it can start in March."),
        _("Write what happened."),
        rows=2,
    )


class DirectoryWordsForm(forms.Form):
    """Words to search the whole directory with, on the regional centre's view of a need."""

    q = forms.CharField(
        label=_("Search the whole directory"), max_length=WORDS_MAX_LENGTH, required=False
    )


class StatementForm(forms.Form):
    """Which year's social-procurement statement, and as a page or a workbook."""

    year = forms.TypedChoiceField(label=_("Year"), coerce=int)
    format = forms.ChoiceField(
        required=False, choices=[("", "HTML"), ("xlsx", "XLSX")], widget=forms.HiddenInput
    )

    def __init__(self, data, years: list[int]):
        super().__init__(data)
        self.fields["year"].choices = [(year, str(year)) for year in years]
        self.fields["year"].error_messages["invalid_choice"] = _(
            "Choose one of the years in the list."
        )
