"""The period report of a project as a page, a PDF and an Excel workbook (issue 15).

For the team and managers (`dashboards.TeamProjectMixin`); the period comes from
?start=YYYY-MM-DD&end=YYYY-MM-DD (a 400 with the form's errors when it is not a period).
"""

import io

from django.contrib import messages
from django.contrib.staticfiles import finders
from django.db import transaction
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from activities.exports import xlsx_cell
from activities.models import Activity
from projects import report
from projects.dashboards import TeamProjectMixin
from projects.models import Objective, ReportNarrative
from projects.report_forms import NarrativeForm, ReportPeriodForm
from stakeholders.middleware import with_footnotes
from stakeholders.models import Country

PRINT_CSS = "css/report-print.css"


class ReportMixin(TeamProjectMixin):
    def period_form(self):
        return ReportPeriodForm(self.request.GET, project=self.project)

    def bad_period(self, form):
        errors = "; ".join(f"{form[name].label}: {' '.join(e)}" for name, e in form.errors.items())
        return HttpResponseBadRequest(
            _("Not a reporting period: %(errors)s") % {"errors": errors},
            content_type="text/plain; charset=utf-8",
        )

    def filename(self, period, extension):
        dates = f"{period.start.isoformat()}-{period.end.isoformat()}"
        return f"report-{self.project.slug}-{dates}.{extension}"


class ReportView(ReportMixin, View):
    """The report page; a POST keeps the narratives the team wrote for the period."""

    template_name = "projects/report.html"

    def get(self, request, *args, **kwargs):
        form = self.period_form()
        if not form.is_valid():
            context = {"project": self.project, "form": form}
            return TemplateResponse(request, self.template_name, context, status=400)
        return self.render(form)

    def render(self, form, narrative_form=None, status=200):
        period = report.Period(form.cleaned_data["start"], form.cleaned_data["end"])
        context = report.build(self.project, period)
        if narrative_form is None:
            narrative_form = NarrativeForm(
                objectives=context["objectives"],
                texts={o.pk: o.narrative for o in context["objectives"]},
            )
        narrative_form.helper.form_action = f"?{form.query()}"
        context.update(form=form, narrative_form=narrative_form, query=form.query())
        return TemplateResponse(self.request, self.template_name, context, status=status)

    def post(self, request, *args, **kwargs):
        form = self.period_form()
        if not form.is_valid():
            return self.bad_period(form)
        period = report.Period(form.cleaned_data["start"], form.cleaned_data["end"])
        objectives = Objective.objects.filter(project=self.project).order_by(
            "position", "code", "pk"
        )
        narrative_form = NarrativeForm(request.POST, objectives=objectives, texts={})
        if not narrative_form.is_valid():
            return self.render(form, narrative_form, status=400)
        with transaction.atomic():
            for objective, text in narrative_form.texts():
                kept = ReportNarrative.objects.filter(
                    objective=objective, start=period.start, end=period.end
                ).first()
                if kept is None and not text:
                    continue
                kept = kept or ReportNarrative(
                    project=self.project, objective=objective, start=period.start, end=period.end
                )
                if kept.text != text or kept.pk is None:
                    kept.text, kept.updated_by = text, request.user
                    kept.save()
        messages.success(request, _("The narratives were saved for this period."))
        url = reverse("projects:report", args=[self.project.slug])
        return HttpResponseRedirect(f"{url}?{form.query()}#narratives")


class ReportPdfView(ReportMixin, View):
    """The same report as a PDF (WeasyPrint), rendered in the request."""

    def get(self, request, *args, **kwargs):
        import weasyprint  # loaded on first use: Pango is only needed here

        form = self.period_form()
        if not form.is_valid():
            return self.bad_period(form)
        period = report.Period(form.cleaned_data["start"], form.cleaned_data["end"])
        context = report.build(self.project, period)
        html = render_to_string("projects/report_pdf.html", context, request)
        html = with_footnotes(html.encode()).decode()
        with open(finders.find(PRINT_CSS), encoding="utf-8") as handle:
            stylesheet = weasyprint.CSS(string=handle.read())
        document = weasyprint.HTML(string=html, base_url=request.build_absolute_uri("/"))
        pdf = document.write_pdf(stylesheets=[stylesheet])
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{self.filename(period, "pdf")}"'
        return response


def bold_row(sheet, titles):
    bold = Font(bold=True)
    cells = []
    for title in titles:
        cell = WriteOnlyCell(sheet, str(title))
        cell.font = bold
        cells.append(cell)
    sheet.append(cells)


class ReportXlsxView(ReportMixin, View):
    """The report's tables as a workbook: indicators, activities, participants by country."""

    def get(self, request, *args, **kwargs):
        form = self.period_form()
        if not form.is_valid():
            return self.bad_period(form)
        period = report.Period(form.cleaned_data["start"], form.cleaned_data["end"])
        data = report.build(self.project, period)
        workbook = Workbook(write_only=True)
        self.indicators_sheet(workbook, data)
        self.activities_sheet(workbook, data)
        self.participants_sheet(workbook, data)
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{self.filename(period, "xlsx")}"'
        return response

    @staticmethod
    def indicators_sheet(workbook, data):
        sheet = workbook.create_sheet(_("Indicators")[:31])
        bold_row(sheet, [
            _("Objective"), _("Indicator"), _("Unit"), _("Baseline"), _("Target"),
            _("Period actual"), _("Cumulative"), _("Progress to target"),
        ])  # fmt: skip
        for objective in data["objectives"]:
            for indicator in objective.indicators.all():
                progress = indicator.progress
                sheet.append([
                    xlsx_cell(sheet, f"{objective.code}. {objective.title}"),
                    xlsx_cell(sheet, indicator.name),
                    xlsx_cell(sheet, indicator.unit),
                    indicator.baseline,
                    indicator.period_target if indicator.period_target is not None
                    else xlsx_cell(sheet, indicator.target_text),
                    indicator.period_value,
                    indicator.achieved,
                    None if progress is None else round(progress, 1),
                ])  # fmt: skip

    @staticmethod
    def activities_sheet(workbook, data):
        sheet = workbook.create_sheet(_("Activities")[:31])
        kinds = dict(Activity.Kind.choices)
        statuses = dict(Activity.Status.choices)
        bold_row(sheet, [
            _("Start"), _("End"), _("Title"), _("Kind"), _("Status"), _("City"),
            _("Countries and territories"), _("Participants"), _("Women"), _("Men"),
            _("Institutions"),
        ])  # fmt: skip
        for activity in data["activities"]:
            sheet.append([
                activity.start_date,
                activity.end_date,
                xlsx_cell(sheet, activity.title),
                xlsx_cell(sheet, str(kinds.get(activity.kind, activity.kind))),
                xlsx_cell(sheet, str(statuses.get(activity.status, activity.status))),
                xlsx_cell(sheet, activity.city),
                xlsx_cell(sheet, activity.country_names or ""),
                activity.participants_total,
                activity.participants_women,
                activity.participants_men,
                xlsx_cell(sheet, activity.institution_names or ""),
            ])  # fmt: skip

    @staticmethod
    def participants_sheet(workbook, data):
        sheet = workbook.create_sheet(_("Participants")[:31])
        bold_row(sheet, [
            _("Country or territory"), _("Held activities"), _("Participants"), _("Women"),
            _("Men"),
        ])  # fmt: skip
        for row in data["by_country"]:
            name = Country.display_name(row["country__name"], row["country__footnote"])
            sheet.append([
                xlsx_cell(sheet, name), row["activities"], row["participants"], row["women"],
                row["men"],
            ])  # fmt: skip
        totals = data["totals"]
        sheet.append([
            xlsx_cell(sheet, _("All held activities")), totals["held"], totals["participants"],
            totals["women"], totals["men"],
        ])  # fmt: skip
