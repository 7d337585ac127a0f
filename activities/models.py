from decimal import Decimal

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, StepValueValidator
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core import dates
from core.access import is_manager
from core.models import (
    EditedRecord,
    SluggedModel,
    bounded_date_validators,
    date_in_bounds,
    internal_note_field,
    user_key,
)
from projects.models import Project, project_key


class ActivityQuerySet(models.QuerySet):
    def visible(self):
        """Activities of published projects: what visitors may read."""
        return self.filter(project__is_published=True)

    def for_user(self, user):
        return self.filter(project__in=Project.objects.for_user(user))

    def editable_by(self, user):
        if is_manager(user):
            return self.all()
        return self.filter(project__in=Project.objects.editable_by(user))

    def upcoming(self, today=None):
        return self.filter(
            end_date__gte=today or timezone.localdate(), status=Activity.Status.PLANNED
        ).order_by("start_date", "pk")

    def with_former_logger(self):
        """`logged_by_former_member`: logged by an account since deleted (its history keeps
        who it was); no one recorded at all means it was imported."""
        logged = self.model.history.filter(
            id=OuterRef("pk"), history_type="+", created_by_id__isnull=False
        )
        return self.annotate(logged_by_former_member=Exists(logged))

    def held(self):
        return self.filter(status=Activity.Status.HELD)


# An activity's many-to-many links, kept in its history.
LINKS = ("countries", "objectives", "institutions")


class Activity(EditedRecord):
    """What a project did or will do: a training, a study visit, a meeting…"""

    class Kind(models.TextChoices):
        TRAINING = "training", _("Training")
        STUDY_VISIT = "study_visit", _("Study visit")
        MEETING = "meeting", _("Meeting")
        WORKSHOP = "workshop", _("Workshop")
        SEMINAR = "seminar", _("Seminar")
        CONFERENCE = "conference", _("Conference")
        WORKING_GROUP = "working_group", _("Working group")
        PEER_TRAINING = "peer_training", _("Peer-to-peer training")
        EXPERT_REVIEW = "expert_review", _("Expert review")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    class Scope(models.TextChoices):
        NATIONAL = "national", _("National")
        MULTILATERAL = "multilateral", _("Multilateral / regional")

    class Qualifier(models.TextChoices):
        EXACT = "exact", _("exactly")
        ABOUT = "about", _("about")
        AT_LEAST = "at_least", _("at least")
        MORE_THAN = "more_than", _("more than")

    project = project_key("activities")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=255)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    start_date = models.DateField(_("start date"), validators=bounded_date_validators())
    start_precision = dates.precision_field(_("start date known to the"))
    end_date = models.DateField(
        _("end date"),
        blank=True,
        validators=bounded_date_validators(),
        help_text=_("Leave empty for a one-day activity."),
    )
    end_precision = dates.precision_field(_("end date known to the"))
    duration_days = models.DecimalField(
        _("duration in days"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.5")), StepValueValidator(Decimal("0.5"))],
        help_text=_("Working days, in halves (2.5); empty when the dates say it."),
    )
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices, blank=True)
    external_reference = models.CharField(
        _("external reference"),
        max_length=100,
        blank=True,
        help_text=_("Its identifier in another system or database."),
    )
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    city = models.CharField(_("city or place"), max_length=100, blank=True)
    countries = models.ManyToManyField(
        "stakeholders.Country",
        verbose_name=_("countries and territories"),
        related_name="activities",
        blank=True,
    )
    format = models.CharField(
        _("format"), max_length=10, choices=Format.choices, default=Format.IN_PERSON
    )
    description = models.TextField(_("description"), blank=True)
    objectives = models.ManyToManyField(
        "projects.Objective",
        verbose_name=_("objectives served"),
        related_name="activities",
        blank=True,
    )
    institutions = models.ManyToManyField(
        "stakeholders.Institution",
        verbose_name=_("participating institutions"),
        related_name="activities",
        blank=True,
    )
    participants_qualifier = models.CharField(
        _("participant count is"),
        max_length=10,
        choices=Qualifier.choices,
        default=Qualifier.EXACT,
        help_text=_('"About 40" when the count is an estimate.'),
    )
    participants_total = models.PositiveIntegerField(
        _("participants"), null=True, blank=True, help_text=_("Empty when not known.")
    )
    participants_women = models.PositiveIntegerField(_("women"), null=True, blank=True)
    participants_men = models.PositiveIntegerField(_("men"), null=True, blank=True)
    facilitators = models.TextField(
        _("facilitators"), blank=True, help_text=_("Experts, trainers or consultants who led it.")
    )
    cost = models.DecimalField(
        _("cost"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("In the project's currency."),
    )
    internal_note = internal_note_field()
    created_by = user_key(_("logged by"))
    created_at = models.DateTimeField(_("logged"), auto_now_add=True)

    # The links are kept in history too, so a deleted activity comes back with them
    # (activities.services.activity_restore).
    history = HistoricalRecords(m2m_fields=LINKS)
    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        indexes = [
            # Site search (config/views.py): the same expression, so `@@` uses the index.
            GinIndex(
                SearchVector("title", "description", "city", "venue", config="english"),
                name="activity_search",
            ),
            models.Index(fields=["project", "-start_date"], name="activity_project_start"),
            models.Index(fields=["-start_date", "-id"], name="activity_start"),
            models.Index(fields=["kind", "-start_date"], name="activity_kind_start"),
            models.Index(fields=["status", "start_date"], name="activity_status_start"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="activity_end_after_start"
            ),
            models.CheckConstraint(
                condition=Q(participants_total__isnull=True)
                | Q(
                    participants_total__gte=Coalesce("participants_women", 0)
                    + Coalesce("participants_men", 0)
                ),
                name="activity_women_men_within_total",
            ),
            models.CheckConstraint(
                condition=Q(cost__isnull=True) | Q(cost__gte=0), name="activity_cost_not_negative"
            ),
            date_in_bounds("start_date", "activity_start_in_bounds"),
            date_in_bounds("end_date", "activity_end_in_bounds"),
            models.CheckConstraint(
                condition=Q(duration_days__isnull=True) | Q(duration_days__gt=0),
                name="activity_duration_positive",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.normalise_dates()
        super().save(*args, **kwargs)

    def normalise_dates(self):
        """A start known to the month or year becomes its first day, an end its last day; an
        empty end is the start's period."""
        if self.end_date is None:
            self.end_date, self.end_precision = self.start_date, self.start_precision
        self.start_date = dates.period_start(self.start_date, self.start_precision)
        self.end_date = dates.period_end(self.end_date, self.end_precision)

    def qualified_count(self, count):
        """ "about 40", "more than 20", or the count alone when exact."""
        if self.participants_qualifier == self.Qualifier.EXACT:
            return str(count)
        return f"{self.get_participants_qualifier_display()} {count}"

    def women_men_errors(self):
        """On the box that is wrong: Women, or Men when only men are given."""
        women, men, total = self.participants_women, self.participants_men, self.participants_total
        known = (women or 0) + (men or 0)
        if total is None or known <= total:
            return {}
        figures = {"known": known, "total": total}
        if women is not None and men is not None:
            message = _(
                "Women and men together (%(known)s) are more than the participants (%(total)s)."
            )
            return {"participants_women": message % figures}
        if women is not None:
            message = _("Women (%(known)s) are more than the participants (%(total)s).")
            return {"participants_women": message % figures}
        message = _("Men (%(known)s) are more than the participants (%(total)s).")
        return {"participants_men": message % figures}

    def get_absolute_url(self):
        return reverse("activities:detail", args=[self.pk])

    def cache_scopes(self):
        """Its project's pages, the activity lists and home, its institutions' pages."""
        institutions = self.institutions.values_list("pk", flat=True) if self.pk else []
        return {f"project:{self.project_id}", "activities"} | {
            f"institution:{pk}" for pk in institutions
        }

    def clean(self):
        errors = {}
        if self.start_date:
            self.normalise_dates()
        end_date = self.end_date or self.start_date
        if self.start_date and end_date and end_date < self.start_date:
            errors["end_date"] = _("The end date must be on or after the start date.")
        errors.update(self.women_men_errors())
        if errors:
            raise ValidationError(errors)
        if self.pk and self.project_id:
            self.validate_objectives(self.objectives.all())

    def validate_objectives(self, objectives):
        """Raise a field error unless every objective belongs to this activity's project."""
        foreign = [o for o in objectives if o.project_id != self.project_id]
        if foreign:
            raise ValidationError(
                {
                    "objectives": _("These objectives belong to another project: %(codes)s.")
                    % {"codes": ", ".join(str(o) for o in foreign)}
                }
            )

    def is_outside_project_period(self):
        project = self.project
        end_date = self.end_date or self.start_date
        return self.start_date < project.start_date or end_date > project.end_date

    @property
    def is_multi_day(self):
        return self.end_date and self.end_date != self.start_date

    @property
    def place(self):
        return ", ".join(filter(None, [self.venue, self.city]))


class NewsItemQuerySet(models.QuerySet):
    def published(self):
        """Stories visitors may read: published, of a published project, not dated ahead."""
        return self.filter(
            is_published=True,
            project__is_published=True,
            published_on__lte=timezone.localdate(),
        )

    def for_user(self, user):
        if is_manager(user):
            return self.all()
        if user.is_authenticated:
            return self.filter(
                Q(pk__in=self.published().values("pk"))
                | Q(project__in=Project.objects.editable_by(user))
            )
        return self.published()

    def editable_by(self, user):
        if is_manager(user):
            return self.all()
        return self.filter(project__in=Project.objects.editable_by(user))

    def drafts(self):
        return self.filter(is_published=False)


class NewsItem(SluggedModel, EditedRecord):
    project = project_key("news")
    activity = models.ForeignKey(
        "activities.Activity",
        verbose_name=_("activity"),
        on_delete=models.SET_NULL,
        related_name="news",
        null=True,
        blank=True,
    )
    title = models.CharField(_("title"), max_length=255)
    dateline = models.CharField(
        _("dateline"),
        max_length=100,
        blank=True,
        help_text=_('Where it happened, e.g. "Belgrade, Serbia".'),
    )
    published_on = models.DateField(
        _("publication date"), default=timezone.localdate, validators=bounded_date_validators()
    )
    lead = models.TextField(_("lead"), help_text=_("The first paragraph, shown in lists."))
    body = models.TextField(_("body"), blank=True, help_text=_("Markdown."))
    is_published = models.BooleanField(_("published"), default=False)
    author = user_key(_("author"))

    history = HistoricalRecords()
    objects = NewsItemQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-pk"]
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        indexes = [
            GinIndex(
                SearchVector("title", "lead", "body", "dateline", config="english"),
                name="news_search",
            ),
            models.Index(fields=["is_published", "-published_on"], name="news_published_on"),
            models.Index(fields=["project", "-published_on"], name="news_project_published_on"),
        ]
        constraints = [date_in_bounds("published_on", "news_published_on_in_bounds")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:detail", args=[self.slug])

    def cache_scopes(self):
        """Its project's pages (its activity's page among them), the news lists and home."""
        return {f"project:{self.project_id}", "news"}

    def clean(self):
        if self.activity_id and self.project_id and self.activity.project_id != self.project_id:
            raise ValidationError({"activity": _("Choose an activity of the same project.")})


class ActivityImport(models.Model):
    """A spreadsheet of activities uploaded for import: its rows, kept between the preview and
    the confirmation (for the user who uploaded it only), then the record of what it added.

    Bounded: a user has at most one import waiting (a new upload replaces it), waiting ones are
    dropped after a day, and the rows are dropped once imported.
    """

    # django-simple-history's change reason column, which an imported activity's entry fills.
    REASON_LENGTH = 100

    user = user_key(_("imported by"))
    file_name = models.CharField(_("file"), max_length=255)
    # {"ignored": [headers not imported], "rows": [{"number", "cells", "formulas", "errors",
    # "skipped"}]}: activities/spreadsheets.py reads and checks them.
    sheet = models.JSONField(_("rows read"), default=dict, blank=True)
    accept_outside_period = models.BooleanField(
        _("dates outside the project period accepted"), default=False
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    imported_at = models.DateTimeField(_("imported"), null=True, blank=True)
    activities = models.ManyToManyField(
        "activities.Activity",
        verbose_name=_("activities added"),
        related_name="imports",
        blank=True,
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("activity import")
        verbose_name_plural = _("activity imports")

    def __str__(self):
        return self.file_name

    def get_absolute_url(self):
        return reverse("activities:import-preview", args=[self.pk])

    def cache_scopes(self):
        """None: an import is seen by the user who made it; its activities say what they change."""
        return set()


# Pictures and documents live in activities/media.py, re-exported here.
from activities.media import ActivityDocument, ActivityPicture, NewsPicture  # noqa: E402, F401
