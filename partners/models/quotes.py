"""A cooperative's quote in an inquiry: price, earliest date, a note and perhaps a document.

Attachments are private to the two parties, so they are kept in a storage that
the web server never serves: the ``quote_attachments`` entry of ``STORAGES``
when the site defines one (for example a bucket without public access), else a
folder outside ``MEDIA_ROOT`` (which is served publicly). They reach a browser
only through the view that checks who asks.
"""

import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.models.inquiries import Inquiry

ATTACHMENT_STORAGE = "quote_attachments"


def attachment_storage():
    """Where quote attachments are kept (see the module docstring)."""
    if ATTACHMENT_STORAGE in settings.STORAGES:
        return storages[ATTACHMENT_STORAGE]
    return FileSystemStorage(
        location=Path(settings.BASE_DIR) / ".local" / "private-media", base_url=None
    )


def attachment_path(quote, filename: str) -> str:
    """A name nobody can guess or collide with, in a folder per month; the person's own file
    name is kept apart (``attachment_name``)."""
    suffix = Path(filename).suffix.lower()
    return f"quotes/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


class Quote(models.Model):
    """What a cooperative offers for a need. A newer quote in the same inquiry replaces the
    older one in the comparison; the company accepts one quote, never an inquiry."""

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="quotes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    price_pln = models.DecimalField(_("price (PLN)"), max_digits=12, decimal_places=2)
    price_max_pln = models.DecimalField(
        _("up to (PLN)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    earliest_date = models.DateField(_("earliest delivery date"))
    note = models.TextField(_("note"), blank=True)
    attachment = models.FileField(
        _("attachment"),
        upload_to=attachment_path,
        storage=attachment_storage,
        max_length=200,
        blank=True,
    )
    attachment_name = models.CharField(_("file name"), max_length=200, blank=True)
    attachment_type = models.CharField(_("file type"), max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")

    def __str__(self) -> str:
        return f"{self.inquiry}: {self.price_pln} PLN"

    @property
    def is_range(self) -> bool:
        return self.price_max_pln is not None and self.price_max_pln != self.price_pln
