"""Orders: what a company bought from a cooperative, for its CSR/ESG reporting and ours.

An order is made when a company accepts a quote, or comes with the directory
import (interfaces.md, type ``order``), which is why its quote may be empty.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from partners.models.needs import Need
from partners.models.quotes import Quote


class Order(models.Model):
    class Status(models.TextChoices):
        PLACED = "placed", _("placed")
        DELIVERED = "delivered", _("delivered")
        CANCELLED = "cancelled", _("cancelled")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    need = models.ForeignKey(
        Need, on_delete=models.CASCADE, related_name="orders", verbose_name=_("need")
    )
    cooperative = models.ForeignKey(
        "cooperatives.CooperativePage",
        on_delete=models.CASCADE,
        related_name="orders",
        verbose_name=_("cooperative"),
    )
    # The kind of work bought, for the impact figures per kind; one of the need's kinds,
    # the one the cooperative does (see partners.quotes.kind_of_work).
    capability = models.ForeignKey(
        "cooperatives.Capability",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="orders",
        verbose_name=_("kind of work"),
    )
    # The accepted quote; one quote makes one order at most.
    quote = models.OneToOneField(
        Quote, on_delete=models.SET_NULL, null=True, blank=True, related_name="order"
    )
    value_pln = models.DecimalField(
        _("value (PLN)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    ordered = models.DateField(_("ordered on"))
    planned_delivery = models.DateField(_("planned delivery"), null=True, blank=True)
    delivered = models.DateField(_("delivered on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLACED
    )
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-ordered", "-pk"]
        verbose_name = _("order")
        verbose_name_plural = _("orders")

    def __str__(self) -> str:
        return f"{self.need} ← {self.cooperative}"
