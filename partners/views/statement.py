"""A company's social-procurement statement for a year: a printable page and an XLSX workbook
with the same figures (partners.impact)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from partners import impact
from partners.forms import StatementForm

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def statement(request):
    years = impact.statement_years(request.user)  # PermissionDenied outside a company
    data = request.GET if "year" in request.GET else {"year": years[0]}
    form = StatementForm(data, years)
    if not form.is_valid():
        return render(request, "partners/statement.html", {"form": form}, status=400)
    year = form.cleaned_data["year"]
    made = impact.procurement_statement(request.user, year)
    if form.cleaned_data["format"] == "xlsx":
        reply = HttpResponse(impact.statement_workbook(made), content_type=XLSX)
        name = f"kooperacja-zakupy-prospoleczne-{year}-{timezone.localdate():%Y-%m-%d}.xlsx"
        reply["Content-Disposition"] = f'attachment; filename="{name}"'
        return reply
    return render(
        request,
        "partners/statement.html",
        {
            "form": form,
            "statement": made,
            "order_lines": impact.order_lines(made),
            "cooperative_lines": impact.cooperative_lines(made),
            "definitions": impact.DEFINITIONS,
        },
    )
