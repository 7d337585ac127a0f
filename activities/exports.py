"""Exports of the filtered activity list: CSV, Excel and iCalendar (issue 5).

Who may export: CSV and Excel need a signed-in user and hold exactly the activities the list page
shows them (`Activity.objects.for_user`); the iCalendar feeds are public for published projects
(calendar applications subscribe without signing in), and show team members their drafts too.
"""

import csv
import io
from datetime import date, timedelta

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from icalendar import Calendar, Event
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from activities.filters import ActivityFilter
from activities.models import Activity
from core import cache
from core.db import joined_ids
from projects.models import Objective, Project
from stakeholders.models import Country, Institution

# Rows fetched at a time: 500 keep a worker's memory flat (about 4 MB less than 2,000) for the
# same export time.
CHUNK_SIZE = 500
BATCH_SIZE = 64 * 1024


def filtered_activities(request):
    """The list page's filters over what `request.user` may read; a 400 response if invalid."""
    filterset = ActivityFilter(
        request.GET, queryset=Activity.objects.for_user(request.user), request=request
    )
    if not filterset.is_valid():
        return HttpResponseBadRequest(
            filterset.errors.as_text(), content_type="text/plain; charset=utf-8"
        )
    return filterset.qs


def with_related_ids(activities):
    """Annotate each activity's country, institution and objective ids ("3,17", or None).

    Per row, reading the through tables alone costs a fraction of joining and sorting the names
    there (the export's main cost at 200,000 activities); `NameIndex` puts the names back.
    """
    return activities.annotate(
        country_ids=joined_ids(Activity.countries.through.objects, "activity", "country"),
        institution_ids=joined_ids(
            Activity.institutions.through.objects, "activity", "institution"
        ),
        objective_ids=joined_ids(Activity.objectives.through.objects, "activity", "objective"),
    )


class NameIndex:
    """Every name by id, ranked in the queryset's order: joins id lists as `stats.joined` would.

    `records` are (pk, name) pairs, or (pk, name, footnote) ones: a name with a footnote
    (Kosovo*) gets its asterisk, and `footnotes` lists the footnotes of the names joined so far,
    once each, for the line the file ends with.
    """

    def __init__(self, records):
        self.names = {}
        self.rank = {}
        self.notes = {}
        self.used = {}
        for rank, (pk, name, *footnote) in enumerate(records):
            key = str(pk)
            note = footnote[0] if footnote else None
            self.names[key] = Country.display_name(name, note)
            self.rank[key] = rank
            if note:
                self.notes[key] = note

    def join(self, ids):
        """ "17,3" → "Kosovo*; Serbia", in the queryset's order; "" for None."""
        if not ids:
            return ""
        if self.notes:
            self.note_used(ids)
        if "," not in ids:  # most activities have one: no sort
            return self.names.get(ids, "")
        # An id missing from the index was created after it was loaded, a moment ago: left out.
        known = sorted((pk for pk in ids.split(",") if pk in self.rank), key=self.rank.__getitem__)
        return "; ".join([self.names[pk] for pk in known])

    def note_used(self, ids):
        for pk in ids.split(","):
            if pk in self.notes:
                self.used.setdefault(self.notes[pk], None)

    @property
    def footnotes(self):
        return list(self.used)

    @classmethod
    def of(cls, queryset, *fields):
        return cls(queryset.values_list("pk", *fields))


# The columns of the CSV and Excel exports, which the import reads back (spreadsheets.py). The
# first fifteen are the first export's; later ones were added after them, so that files and
# habits built on those keep working.
COLUMNS = [
    ("id", gettext_lazy("ID")),
    ("project", gettext_lazy("Project")),
    ("kind", gettext_lazy("Kind")),
    ("title", gettext_lazy("Title")),
    ("status", gettext_lazy("Status")),
    ("start", gettext_lazy("Start")),
    ("end", gettext_lazy("End")),
    ("city", gettext_lazy("City")),
    ("countries", gettext_lazy("Countries and territories")),
    ("participants", gettext_lazy("Participants")),
    ("women", gettext_lazy("Women")),
    ("men", gettext_lazy("Men")),
    ("institutions", gettext_lazy("Institutions")),
    ("objectives", gettext_lazy("Objectives")),
    ("cost", gettext_lazy("Cost")),
    ("title_fr", gettext_lazy("Title (French)")),
    ("start_precision", gettext_lazy("Start known to the")),
    ("end_precision", gettext_lazy("End known to the")),
    ("duration", gettext_lazy("Duration (days)")),
    ("format", gettext_lazy("Format")),
    ("scope", gettext_lazy("Scope")),
    ("venue", gettext_lazy("Venue")),
    ("participants_qualifier", gettext_lazy("Participant count is")),
    ("facilitators", gettext_lazy("Facilitators")),
    ("objective_titles", gettext_lazy("Objective titles")),
    ("description", gettext_lazy("Description")),
    ("description_fr", gettext_lazy("Description (French)")),
    ("external_reference", gettext_lazy("External reference")),
    ("url", gettext_lazy("URL")),
]
# The choice columns: written as their labels in the page's language, read back in any.
CHOICE_COLUMNS = (
    "kind",
    "status",
    "start_precision",
    "end_precision",
    "format",
    "scope",
    "participants_qualifier",
)
# The line below the table that carries a footnote (Kosovo*): its first cell only, starting so.
FOOTNOTE_MARK = "*"


def headers():
    return [str(label) for _key, label in COLUMNS]


def choice_labels():
    """{field name: {value: label}} for the choice columns, in the active language."""
    return {
        name: {key: str(label) for key, label in Activity._meta.get_field(name).flatchoices}
        for name in CHOICE_COLUMNS
    }


def objective_indexes():
    """NameIndexes of every objective's code and title, from one query."""
    listed = Objective.objects.order_by("position", "code").values_list("pk", "code", "title")
    codes, titles = {}, {}
    for pk, code, title in listed:
        codes[pk], titles[pk] = code, title
    return NameIndex(codes.items()), NameIndex(titles.items())


def rows(request, activities):
    """One tuple per activity, streamed from the database in chunks (constant memory), then one
    single-cell line per footnote of the countries named (Kosovo*), once each.

    Four queries whatever the number of activities: three name indexes, then the activities.
    Texts with a column per language are written in both (`title` is the English one, as in the
    activity form); dates are ISO dates (2024-05-31) in every language.
    """
    labels = choice_labels()
    base_url = request.build_absolute_uri(reverse("activities:list"))
    countries = NameIndex.of(Country.objects.order_by("name"), "name", "footnote")
    institutions = NameIndex.of(Institution.objects.order_by("name"), "name")
    objectives, objective_titles = objective_indexes()
    values = with_related_ids(activities).values_list(
        "pk",
        "project__title",
        "kind",
        "title_en",
        "status",
        "start_date",
        "end_date",
        "city",
        "country_ids",
        "participants_total",
        "participants_women",
        "participants_men",
        "institution_ids",
        "objective_ids",
        "cost",
        "title_fr",
        "start_precision",
        "end_precision",
        "duration_days",
        "format",
        "scope",
        "venue",
        "participants_qualifier",
        "facilitators",
        "description_en",
        "description_fr",
        "external_reference",
    )
    for row in values.iterator(chunk_size=CHUNK_SIZE):
        pk, project, kind, title, status, start, end, city, country_ids, *rest = row
        total, women, men, institution_ids, objective_ids, cost, title_fr, *rest = rest
        start_precision, end_precision, duration, format, scope, venue, *rest = rest
        qualifier, facilitators, description, description_fr, reference = rest
        yield (
            pk,
            project,
            labels["kind"].get(kind, kind),
            title,
            labels["status"].get(status, status),
            start,
            end,
            city,
            countries.join(country_ids),
            total,
            women,
            men,
            institutions.join(institution_ids),
            objectives.join(objective_ids),
            cost,
            title_fr or "",
            labels["start_precision"].get(start_precision, start_precision),
            labels["end_precision"].get(end_precision, end_precision),
            duration,
            labels["format"].get(format, format),
            labels["scope"].get(scope, scope),
            venue,
            labels["participants_qualifier"].get(qualifier, qualifier),
            facilitators,
            objective_titles.join(objective_ids),
            description,
            description_fr or "",
            reference,
            f"{base_url}{pk}/",
        )
    for footnote in countries.footnotes:
        yield (FOOTNOTE_MARK + footnote,)


# A cell starting with one of these is a formula to Excel and LibreOffice (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMULA_GUARD = "'"


def csv_cell(value):
    """A text cell a spreadsheet shows as text: a leading `'` before what could start a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return FORMULA_GUARD + value
    return value


def csv_uncell(text):
    """The import's inverse of `csv_cell`: the guard dropped again."""
    if text.startswith(FORMULA_GUARD) and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


def filename(stem, extension):
    return f"{stem}-{timezone.localdate().isoformat()}.{extension}"


@login_required
def activities_csv(request):
    activities = filtered_activities(request)
    if isinstance(activities, HttpResponse):
        return activities

    def batches():
        """The CSV in pieces of about BATCH_SIZE characters: a send per piece, not per row."""
        buffer = io.StringIO()
        writer = csv.writer(buffer)  # writes None as an empty field
        writer.writerow(headers())
        for row in rows(request, activities):
            writer.writerow([csv_cell(value) for value in row])
            if buffer.tell() >= BATCH_SIZE:
                yield buffer.getvalue()
                buffer.seek(0)
                buffer.truncate()
        if buffer.tell():
            yield buffer.getvalue()

    response = StreamingHttpResponse(batches(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename("activities", "csv")}"'
    return response


def xlsx_cell(sheet, value):
    """Strings stay strings (never formulas) and lose characters Excel cannot store."""
    if isinstance(value, str):
        cell = WriteOnlyCell(sheet, ILLEGAL_CHARACTERS_RE.sub("", value))
        cell.data_type = "s"
        return cell
    return value


@login_required
def activities_xlsx(request):
    activities = filtered_activities(request)
    if isinstance(activities, HttpResponse):
        return activities
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Activities")[:31])
    bold = Font(bold=True)
    header_cells = []
    for title in headers():
        cell = WriteOnlyCell(sheet, title)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows(request, activities):
        sheet.append([xlsx_cell(sheet, value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename("activities", "xlsx")}"'
    return response


def day_after(day):
    """All-day events end on the day after the last one (DTEND is exclusive); never overflows."""
    return day + timedelta(days=1) if day < date.max else day


def calendar_response(request, activities, *, name, stem):
    """An RFC 5545 calendar with one all-day VEVENT per activity."""
    calendar = Calendar()
    calendar.add("prodid", "-//Cooperation Portal//Activities//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # An X- property is written as is: a line break (a Word paste in a project's title) would
    # end it and break the file, so the name is one line.
    calendar.add("x-wr-calname", " ".join(str(name).split()))
    host = request.get_host().split(":")[0]
    countries = NameIndex.of(Country.objects.order_by("name"), "name")
    activities = activities.annotate(
        country_ids=joined_ids(Activity.countries.through.objects, "activity", "country")
    ).select_related("project")
    for activity in activities.iterator(chunk_size=CHUNK_SIZE):
        event = Event()
        event.add("uid", f"activity-{activity.pk}@{host}")
        event.add("dtstamp", activity.updated_at)
        event.add("last-modified", activity.updated_at)
        event.add("dtstart", activity.start_date)
        event.add("dtend", day_after(activity.end_date or activity.start_date))
        event.add("summary", activity.title)
        country_names = countries.join(activity.country_ids)
        location = ", ".join(filter(None, [activity.venue, activity.city, country_names]))
        if location:
            event.add("location", location)
        description = [f"{activity.project.title} · {activity.get_kind_display()}"]
        if activity.description:
            description.append(activity.description)
        event.add("description", "\n\n".join(description))
        event.add("url", request.build_absolute_uri(activity.get_absolute_url()))
        calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{stem}.ics"'
    return response


def activities_calendar(request):
    cache.depends_on(request, "activities")
    activities = filtered_activities(request)
    if isinstance(activities, HttpResponse):
        return activities
    return calendar_response(
        request, activities.upcoming(), name=_("Upcoming activities"), stem="activities"
    )


def project_calendar(request, slug):
    project = get_object_or_404(Project.objects.for_user(request.user), slug=slug)
    cache.depends_on(request, f"project:{project.pk}")
    activities = Activity.objects.filter(project=project).upcoming()
    return calendar_response(request, activities, name=project.title, stem=project.slug)
