"""Write checked directory records to the database: upsert by slug, publish, skip what is unchanged.

Only the fields of the public format are written; what editors add in the
CMS (the body, photos, certificate dates) is left as it is.
"""

from django.db.models import Model

from cms.kinds import PROFILE_KINDS
from cms.models import Powiat
from cooperatives.models import Capability, Certification, CooperativeCertificate, CooperativePage
from partners.models import Need, PartnerPage, Partnership
from workshops.models import WorkshopPage

# Records that are not profile pages (those are cms.kinds.PROFILE_KINDS).
PLAIN_MODELS = {"need": Need, "partnership": Partnership}

# Scalar fields per record type: format name -> model field.
SCALARS = {
    "workshop": {"operator": "operator", "participants": "participants", "regon": "regon"},
    "cooperative": {
        "krs": "krs",
        "nip": "nip",
        "regon": "regon",
        "founded": "founded",
        "service_radius_km": "service_radius_km",
        "employees_total": "employees_total",
        "employees_with_disabilities": "employees_with_disabilities",
        "capacity_note": "capacity_note",
        "accepts_orders": "accepts_orders",
    },
    "partner": {"nip": "nip", "sector": "sector"},
    "need": {
        "title": "title",
        "description": "description",
        "quantity": "quantity",
        "deadline": "deadline",
        "status": "status",
    },
    "partnership": {
        "description": "description",
        "local_government": "local_government",
        "started": "started",
        "work": "work",
        "jobs_created": "jobs_created",
        "status": "status",
    },
}
# Many-to-many fields per record type: format name -> (model field, related model, key).
MANY = {
    "workshop": {"activity_areas": ("activity_areas", Capability, "code")},
    "cooperative": {
        "capabilities": ("capabilities", Capability, "code"),
        "workshops": ("workshops", WorkshopPage, "slug"),
    },
    "partner": {},
    "need": {
        "capabilities": ("capabilities", Capability, "code"),
        "required_certifications": ("required_certifications", Certification, "code"),
    },
    "partnership": {
        "capabilities": ("capabilities", Capability, "code"),
        "workshops": ("workshops", WorkshopPage, "slug"),
    },
}


def record_model(kind: str):
    """The model that stores records of type ``kind``."""
    if kind in PROFILE_KINDS:
        return PROFILE_KINDS[kind].page_model
    return PLAIN_MODELS[kind]


def existing_slugs() -> dict[str, set[str]]:
    """Slugs already in the database, per record type (for checking references)."""
    return {
        kind: set(record_model(kind).objects.values_list("slug", flat=True))
        for kind in (*PROFILE_KINDS, *PLAIN_MODELS)
    }


class DirectoryWriter:
    """Upserts one checked record at a time; returns "created", "updated" or "unchanged"."""

    def __init__(self) -> None:
        self._powiats: dict[tuple[int, str], Powiat] = {}

    def write(self, kind: str, values: dict) -> str:
        if kind in PROFILE_KINDS:
            return self._write_page(kind, values)
        return self._write_plain(kind, values)

    # -- values shared by every kind

    def _common(self, kind: str, values: dict) -> dict:
        """Model field values for a record: its place, its own fields and its references."""
        location = values.get("location", {})
        fields = {"latitude": location.get("lat"), "longitude": location.get("lon")}
        if kind != "partnership":
            # A partnership's region is its cooperative's; its map point is where it works.
            address = values.get("address", {})
            fields.update(
                street=address.get("street", ""),
                postal_code=address.get("postal_code", ""),
                city=address.get("city", ""),
                voivodeship=values.get("voivodeship"),
            )
        if kind in PROFILE_KINDS:
            fields.update(
                title=values["name"],
                description=values.get("description", ""),
                website=values.get("website", ""),
                email=values.get("email", ""),
                phone=values.get("phone", ""),
                verified_on=values.get("verified_on"),
                powiat=self._powiat(values.get("voivodeship"), values.get("powiat")),
            )
        model = record_model(kind)
        for name, model_field in SCALARS[kind].items():
            value = values.get(name)
            if value is None:
                value = model._meta.get_field(model_field).get_default()
            fields[model_field] = value
        if "partner" in values:
            fields["partner"] = PartnerPage.objects.get(slug=values["partner"])
        if "cooperative" in values:
            fields["cooperative"] = CooperativePage.objects.get(slug=values["cooperative"])
        return fields

    def _powiat(self, voivodeship, name: str | None):
        if not name or voivodeship is None:
            return None
        key = (voivodeship.pk, name)
        if key not in self._powiats:
            self._powiats[key], _ = Powiat.objects.get_or_create(voivodeship=voivodeship, name=name)
        return self._powiats[key]

    def _related(self, kind: str, values: dict) -> dict[str, list[Model]]:
        related = {}
        for name, (model_field, model, key) in MANY[kind].items():
            wanted = values.get(name, [])
            related[model_field] = list(
                model.objects.filter(**{f"{key}__in": wanted}).order_by("pk")
            )
        return related

    # -- pages

    def _write_page(self, kind: str, values: dict) -> str:
        model = record_model(kind)
        fields = self._common(kind, values)
        related = self._related(kind, values)
        certificates = values.get("certifications", []) if kind == "cooperative" else None
        page = model.objects.filter(slug=values["slug"]).first()
        if page and page.live and _same(page, fields, related, certificates):
            return "unchanged"
        created = page is None
        if created:
            page = model(slug=values["slug"], **fields)
        else:
            for name, value in fields.items():
                setattr(page, name, value)
        for name, objects in related.items():
            setattr(page, name, objects)
        if certificates is not None:
            _set_certificates(page, certificates)
        if created:
            PROFILE_KINDS[kind].index_model.add_profile(page)
        page.save_revision().publish()
        return "created" if created else "updated"

    # -- needs and partnerships

    def _write_plain(self, kind: str, values: dict) -> str:
        model = record_model(kind)
        fields = self._common(kind, values)
        related = self._related(kind, values)
        obj = model.objects.filter(slug=values["slug"]).first()
        if obj and _same(obj, fields, related):
            return "unchanged"
        created = obj is None
        if created:
            obj = model(slug=values["slug"])
        for name, value in fields.items():
            setattr(obj, name, value)
        obj.save()
        for name, objects in related.items():
            getattr(obj, name).set(objects)
        return "created" if created else "updated"


def _same(obj, fields: dict, related: dict, certificates: list[str] | None = None) -> bool:
    for name, value in fields.items():
        if getattr(obj, name) != value:
            return False
    for name, objects in related.items():
        if sorted(o.pk for o in getattr(obj, name).all()) != [o.pk for o in objects]:
            return False
    if certificates is not None:
        held = sorted(obj.certificates.values_list("certification__code", flat=True))
        if held != sorted(certificates):
            return False
    return True


def _set_certificates(page: CooperativePage, codes: list[str]) -> None:
    """Keep certificates already held (with their dates), add the new, drop the rest."""
    kept = [c for c in page.certificates.all() if c.certification.code in codes]
    held = {c.certification.code for c in kept}
    new = [
        CooperativeCertificate(certification=certification)
        for certification in Certification.objects.filter(code__in=codes).exclude(code__in=held)
    ]
    page.certificates = kept + new
