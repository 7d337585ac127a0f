"""Importing activities from a spreadsheet: upload, preview row by row, then confirm.

Team members import for their projects, managers for any (a row naming another project is an
error). The rows read are kept in an ActivityImport for the user who uploaded them, so that the
confirmation needs no second upload; it checks every row again and saves all of them or none.
"""

from datetime import timedelta

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout, Submit
from django import forms
from django.contrib import messages
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView

from activities import import_checks, services, spreadsheets
from activities.editing import OnATeamMixin
from activities.models import ActivityImport

KEPT_FOR = timedelta(days=1)
CANCEL = "cancel"


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Spreadsheet"),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )
    accept_outside_period = forms.BooleanField(
        label=gettext_lazy("Accept dates outside the project period"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _(
            "An .xlsx or .csv file with the columns of the Excel export (Project, Kind, Title "
            "and Start are needed), at most %(rows)d activities. Dates as Excel dates, as "
            "2024-05-31 or day first (31/05/2024); lists separated by “;”."
        ) % {"rows": spreadsheets.MAX_ROWS}
        self.sheet = None
        self.helper = FormHelper()
        self.helper.layout = Layout(
            "file", "accept_outside_period", Submit("preview", gettext_lazy("Preview"))
        )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            self.sheet = spreadsheets.read(upload)
        except spreadsheets.SpreadsheetError as error:
            raise forms.ValidationError(str(error)) from None
        if not self.sheet.rows:
            raise forms.ValidationError(_("The file has no activity below its headers."))
        return upload


def checked_sheet(sheet, rows, *, user, accept_outside_period):
    """The sheet with each row's check (errors, skipped), as stored and shown; and the forms
    of the rows ready to import."""
    checked = import_checks.check(rows, user=user, accept_outside_period=accept_outside_period)
    forms_ready = [row.pop("form") for row in checked if "form" in row]
    stored = [
        {**row, "formulas": source["formulas"]} for row, source in zip(checked, rows, strict=True)
    ]
    return {**sheet, "rows": stored}, forms_ready


class ImportView(OnATeamMixin, FormView):
    form_class = ImportForm
    template_name = "activities/activity_import.html"

    def form_valid(self, form):
        user = self.request.user
        accept = form.cleaned_data["accept_outside_period"]
        sheet, _ready = checked_sheet(
            {"ignored": form.sheet.ignored},
            form.sheet.rows,
            user=user,
            accept_outside_period=accept,
        )
        # One import waiting per user; the others' forgotten ones go after a day.
        ActivityImport.objects.filter(imported_at__isnull=True).filter(
            Q(user=user) | Q(created_at__lt=timezone.now() - KEPT_FOR)
        ).delete()
        activity_import = ActivityImport.objects.create(
            user=user,
            file_name=form.cleaned_data["file"].name[:255],
            sheet=sheet,
            accept_outside_period=accept,
        )
        return HttpResponseRedirect(activity_import.get_absolute_url())


class ImportPreviewView(OnATeamMixin, TemplateView):
    """The rows read and what is wrong with each; the confirmation saves them all or none."""

    template_name = "activities/activity_import_preview.html"

    @cached_property
    def activity_import(self):
        """The user's own import waiting for confirmation; anyone else's is a 404."""
        waiting = ActivityImport.objects.filter(imported_at__isnull=True, user=self.request.user)
        return get_object_or_404(waiting, pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        rows = self.activity_import.sheet.get("rows", [])
        errors = [row for row in rows if row["errors"]]
        skipped = [row for row in rows if row["skipped"]]
        return super().get_context_data(
            activity_import=self.activity_import,
            rows=rows,
            ignored=self.activity_import.sheet.get("ignored", []),
            ready_count=len(rows) - len(errors) - len(skipped),
            error_count=len(errors),
            skipped_count=len(skipped),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        activity_import = self.activity_import
        if CANCEL in request.POST:
            activity_import.delete()
            messages.info(request, _("The import was cancelled: nothing was saved."))
            return HttpResponseRedirect(reverse("activities:import"))
        # Checked again: the portal may have changed since the preview.
        sheet, ready = checked_sheet(
            activity_import.sheet,
            activity_import.sheet.get("rows", []),
            user=request.user,
            accept_outside_period=activity_import.accept_outside_period,
        )
        if any(row["errors"] for row in sheet["rows"]) or not ready:
            activity_import.sheet = sheet
            activity_import.save(update_fields=["sheet"])
            return self.render_to_response(self.get_context_data(refused=True))
        added = services.activities_import(
            activity_import, user=request.user, records=[form.record_data() for form in ready]
        )
        messages.success(
            request,
            ngettext(
                "%(count)d activity imported from “%(file)s”.",
                "%(count)d activities imported from “%(file)s”.",
                len(added),
            )
            % {"count": len(added), "file": activity_import.file_name},
        )
        return HttpResponseRedirect(reverse("my-work"))
