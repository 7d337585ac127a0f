import re
from collections import Counter
from datetime import date, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core import dates
from core.access import is_manager
from core.models import (
    SluggedModel,
    bounded_date_validators,
    date_in_bounds,
    internal_note_field,
)
from projects import logframe

# The logframe's models live in their own module (projects/logframe.py), re-exported here.
from projects.logframe import Component, Indicator, IndicatorValue, Objective, project_key

# Pictures and documents live in projects/media.py, re-exported here.
from projects.media import ProjectDocument, ProjectPicture
from projects.periods import IndicatorDefinition, PeriodTarget, ReportingPeriod, ValueSplit

# Spending and report narratives (issue 15) too: projects/spending.py.
from projects.spending import Expenditure, ReportNarrative

__all__ = [
    "ProjectDocument",
    "ProjectPicture",
    "BudgetLine",
    "Component",
    "Envelope",
    "Expenditure",
    "ProgrammeFunder",
    "ProgrammePhase",
    "Funding",
    "Indicator",
    "IndicatorDefinition",
    "IndicatorValue",
    "Objective",
    "Programme",
    "Project",
    "ProjectMembership",
    "ProjectPartner",
    "ReportNarrative",
    "PeriodTarget",
    "ReportingPeriod",
    "ValueSplit",
    "project_key",
]


def currency_choices():
    """The IATI Currency codelist's active entries (ISO 4217), for every currency field."""
    from projects.iati import codelists

    return codelists.choices("Currency")


def currency_field():
    return models.CharField(_("currency"), max_length=3, default="EUR", choices=currency_choices)


def programme_key(related_name):
    """The programme a record belongs to; deleting the programme deletes it."""
    return models.ForeignKey(
        "projects.Programme",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name=related_name,
    )


class Programme(SluggedModel):
    """An umbrella framework, e.g. the EU/CoE Horizontal Facility."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    budget = models.DecimalField(
        _("total budget"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("As the programme states it; the page also shows its projects' total."),
    )
    currency = currency_field()
    themes = models.TextField(_("thematic areas"), blank=True, help_text=_("One per line."))

    class Meta:
        ordering = ["name"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self):
        return self.name

    reserved_slugs = ("new",)

    def slug_source(self):
        return self.acronym or self.name

    def get_absolute_url(self):
        return reverse("programmes:detail", args=[self.slug])

    @property
    def theme_list(self):
        return [line.strip() for line in self.themes.splitlines() if line.strip()]


class ProgrammePhase(models.Model):
    """A phase of a programme ("Phase II", 2019–2022); its projects carry the same label."""

    programme = programme_key("phases")
    name = models.CharField(_("name"), max_length=50, help_text=_('E.g. "Phase II".'))
    start_year = models.PositiveSmallIntegerField(_("from"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("to"), null=True, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["programme", "position", "name"]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        constraints = [
            models.UniqueConstraint(fields=["programme", "name"], name="phase_name_unique"),
            models.CheckConstraint(
                condition=Q(start_year__isnull=True)
                | Q(end_year__isnull=True)
                | Q(end_year__gte=models.F("start_year")),
                name="phase_ends_after_it_starts",
            ),
        ]

    def __str__(self):
        return f"{self.programme}: {self.name}"

    def get_absolute_url(self):
        return self.programme.get_absolute_url()


class ProgrammeFunder(models.Model):
    """A funder's share of a programme, in percent (programmes state shares, not amounts)."""

    programme = programme_key("funders")
    funder = models.ForeignKey(
        "stakeholders.Institution",
        verbose_name=_("funder"),
        on_delete=models.PROTECT,
        related_name="programme_shares",
    )
    share = models.DecimalField(
        _("share"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
        help_text=_("Percentage of the programme's budget."),
    )

    class Meta:
        ordering = ["programme", "-share"]
        verbose_name = _("programme funder")
        verbose_name_plural = _("programme funders")
        constraints = [
            models.UniqueConstraint(fields=["programme", "funder"], name="programme_funder_once"),
            models.CheckConstraint(
                condition=Q(share__gte=0, share__lte=100), name="programme_share_percentage"
            ),
        ]

    def __str__(self):
        return f"{self.funder}: {self.share}%"

    def get_absolute_url(self):
        return self.programme.get_absolute_url()


class Envelope(models.Model):
    """What a programme sets aside for one beneficiary in one phase: actions and amount."""

    programme = programme_key("envelopes")
    phase = models.ForeignKey(
        "projects.ProgrammePhase",
        verbose_name=_("phase"),
        on_delete=models.CASCADE,
        related_name="envelopes",
        null=True,
        blank=True,
    )
    country = models.ForeignKey(
        "stakeholders.Country",
        verbose_name=_("beneficiary"),
        on_delete=models.PROTECT,
        related_name="envelopes",
    )
    actions = models.PositiveIntegerField(_("number of actions"), null=True, blank=True)
    amount = models.DecimalField(
        _("amount"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
    )

    class Meta:
        ordering = ["programme", "phase__position", "country__name"]
        verbose_name = _("envelope")
        verbose_name_plural = _("envelopes")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "phase", "country"], name="envelope_once_per_phase"
            )
        ]

    def __str__(self):
        return f"{self.programme}: {self.country}"

    def get_absolute_url(self):
        return self.programme.get_absolute_url()

    def clean(self):
        if self.phase_id and self.programme_id and self.phase.programme_id != self.programme_id:
            raise ValidationError({"phase": _("Choose a phase of the same programme.")})


class ProjectQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def planned(self, today=None):
        return self.filter(start_date__gt=today or timezone.localdate())

    def ongoing(self, today=None):
        today = today or timezone.localdate()
        return self.filter(start_date__lte=today, end_date__gte=today)

    def completed(self, today=None):
        return self.filter(end_date__lt=today or timezone.localdate())

    def with_status(self, status, today=None):
        return {
            Project.Status.PLANNED: self.planned,
            Project.Status.ONGOING: self.ongoing,
            Project.Status.COMPLETED: self.completed,
        }[status](today)

    def for_user(self, user):
        """Projects `user` may read: published ones and their team's (every one for managers)."""
        if is_manager(user):
            return self.all()
        if user.is_authenticated:
            return self.filter(Q(is_published=True) | Q(memberships__user=user)).distinct()
        return self.published()

    def editable_by(self, user):
        """Projects whose activities and news `user` may create, edit and delete."""
        if is_manager(user):
            return self.all()
        if user.is_authenticated:
            return self.filter(memberships__user=user)
        return self.none()

    def managed_by(self, user):
        """Projects whose team `user` may change: every one for managers, else those they are a
        project manager of."""
        if is_manager(user):
            return self.all()
        if user.is_authenticated:
            return self.filter(
                memberships__user=user, memberships__role=ProjectMembership.Role.MANAGER
            )
        return self.none()

    def matching(self, text):
        """Projects whose title or code holds every word of `text`."""
        found = self
        for word in text.split():
            found = found.filter(Q(title__icontains=word) | Q(code__icontains=word))
        return found


class Project(SluggedModel):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ONGOING = "ongoing", _("Ongoing")
        COMPLETED = "completed", _("Completed")

    title = models.CharField(_("title"), max_length=255)
    code = models.CharField(
        _("code"), max_length=40, blank=True, help_text=_("The organisation's project reference.")
    )
    programme = models.ForeignKey(
        "projects.Programme",
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="projects",
        null=True,
        blank=True,
    )
    phase = models.CharField(_("phase"), max_length=50, blank=True, help_text=_('E.g. "Phase II".'))
    predecessor = models.ForeignKey(
        "self",
        verbose_name=_("predecessor"),
        on_delete=models.SET_NULL,
        related_name="successors",
        null=True,
        blank=True,
    )
    summary = models.TextField(_("summary"), help_text=_("One paragraph for lists and search."))
    description = models.TextField(_("description"), blank=True)
    countries = models.ManyToManyField(
        "stakeholders.Country",
        verbose_name=_("beneficiary countries and territories"),
        related_name="projects",
        blank=True,
    )
    start_date = models.DateField(_("start date"), validators=bounded_date_validators())
    start_precision = dates.precision_field(_("start date known to the"))
    end_date = models.DateField(_("end date"), validators=bounded_date_validators())
    end_precision = dates.precision_field(_("end date known to the"))
    planned_activities = models.PositiveIntegerField(
        _("planned number of activities"), null=True, blank=True
    )
    budget = models.DecimalField(
        _("total budget"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("In the project's currency."),
    )
    currency = currency_field()
    target_groups = models.TextField(_("target groups"), blank=True)
    end_beneficiaries = models.TextField(_("end beneficiaries"), blank=True)
    key_standards = models.TextField(
        _("key standards"),
        blank=True,
        help_text=_("Conventions, recommendations and case law, one per line."),
    )
    logframe_levels = models.JSONField(
        _("logframe levels"),
        default=logframe.default_levels,
        help_text=_("The chain of levels its logframe uses, top to bottom."),
    )
    is_published = models.BooleanField(_("published"), default=False)
    first_published_at = models.DateTimeField(
        _("first published"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("From then on the code, which the IATI identifier is built from, is kept."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()
    objects = ProjectQuerySet.as_manager()
    reserved_slugs = ("new", "lookup")

    class Meta:
        ordering = ["-start_date", "title"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        permissions = [("manage_all_projects", _("Can work on and follow every project"))]
        indexes = [
            models.Index(fields=["is_published", "-start_date"], name="project_published_start"),
            models.Index(fields=["end_date"], name="project_end"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")), name="project_end_after_start"
            ),
            models.CheckConstraint(
                condition=Q(budget__isnull=True) | Q(budget__gte=0),
                name="project_budget_not_negative",
            ),
            models.UniqueConstraint(
                fields=["code"], condition=~Q(code=""), name="project_code_unique"
            ),
            models.CheckConstraint(
                condition=~Q(predecessor=models.F("pk")), name="project_not_own_predecessor"
            ),
            date_in_bounds("start_date", "project_start_in_bounds"),
            date_in_bounds("end_date", "project_end_in_bounds"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:detail", args=[self.slug])

    def cache_scopes(self):
        """The visitor pages this project's changes retire (core/cache.py)."""
        successors = Project.objects.filter(predecessor=self.pk).values_list("pk", flat=True)
        neighbours = {self.predecessor_id, *successors} - {None}
        # Lists of activities and news name their project.
        return {f"project:{self.pk}", "projects", "activities", "news"} | {
            f"project:{pk}" for pk in neighbours
        }

    @staticmethod
    def option_labels(rows):
        """(value, label) for (value, title, code, start_date) rows: the title, and for projects
        sharing it what tells them apart: "Prisons (2203-HF)", "Prisons (2019)"."""
        rows = list(rows)
        titles = Counter(title for _value, title, _code, _start in rows)
        return [
            (value, f"{title} ({code or start.year})" if titles[title] > 1 else title)
            for value, title, code, start in rows
        ]

    def save(self, *args, **kwargs):
        self.normalise_dates()
        if self.is_published and self.first_published_at is None:
            self.first_published_at = timezone.now()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "first_published_at"}
        super().save(*args, **kwargs)

    @property
    def code_is_frozen(self):
        return self.first_published_at is not None

    def next_code(self):
        """A code for a project left without one: the programme's acronym (or "P") and the
        next free number, "HF-007"."""
        prefix = (self.programme.acronym if self.programme_id else "") or "P"
        numbered = re.compile(rf"^{re.escape(prefix)}-(\d+)$")
        taken = Project.objects.filter(code__startswith=f"{prefix}-").values_list("code", flat=True)
        numbers = [int(match[1]) for code in taken if (match := numbered.match(code))]
        return f"{prefix}-{max(numbers, default=0) + 1:03d}"

    def normalise_dates(self):
        """A start known to the month or year becomes its first day, an end its last day."""
        self.start_date = dates.period_start(self.start_date, self.start_precision)
        self.end_date = dates.period_end(self.end_date, self.end_precision)

    @property
    def period(self):
        """ "2015–2018", "March 2014 – June 2016", "1 October 2022 – 30 September 2025"."""
        return dates.format_period(
            self.start_date, self.start_precision, self.end_date, self.end_precision
        )

    def clean(self):
        errors = {}
        self.normalise_dates()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date must be on or after the start date.")
        if self.pk and self.budget is not None:
            funded = self.fundings.aggregate(total=Sum("amount"))["total"] or 0
            if funded > self.budget:
                errors["budget"] = _(
                    "The budget (%(budget)s) is below the known funding amounts (%(funded)s)."
                ) % {"budget": self.budget, "funded": funded}
        if self.pk and self.code_is_frozen:
            saved = Project.objects.filter(pk=self.pk).values_list("code", flat=True).first()
            if saved and saved != self.code:
                errors["code"] = _(
                    "The code of a project once published stays %(code)s: its IATI identifier "
                    "is built from it."
                ) % {"code": saved}
        if self.code and Project.objects.exclude(pk=self.pk).filter(code=self.code).exists():
            errors["code"] = _("Another project already uses the code %(code)s.") % {
                "code": self.code
            }
        if self.pk and self.predecessor_id == self.pk:
            errors["predecessor"] = _("A project cannot be its own predecessor.")
        try:
            self.logframe_levels = logframe.chain_of(self.logframe_levels or [])
        except ValidationError as error:
            errors["logframe_levels"] = error.messages
        else:
            if self.pk:
                used = self.objectives.exclude(level__in=self.logframe_levels).values_list(
                    "level", flat=True
                )
                if used:
                    errors["logframe_levels"] = _(
                        "Lines of the logframe are at levels left out: %(levels)s."
                    ) % {"levels": ", ".join(str(Objective.Level(x).label) for x in set(used))}
        if errors:
            raise ValidationError(errors)

    def status_on(self, day: date):
        if day < self.start_date:
            return self.Status.PLANNED
        if day > self.end_date:
            return self.Status.COMPLETED
        return self.Status.ONGOING

    @property
    def status(self):
        return self.status_on(timezone.localdate())

    def get_status_display(self):
        return self.status.label

    @property
    def duration_months(self):
        """Months start to end, a started month counted whole (Oct 2022-Sep 2025: 36)."""
        after_end = self.end_date + timedelta(days=1)
        months = (
            (after_end.year - self.start_date.year) * 12 + after_end.month - self.start_date.month
        )
        if after_end.day < self.start_date.day:
            months -= 1
        return months + (1 if after_end.day != self.start_date.day else 0)

    @property
    def key_standard_list(self):
        return [line.strip() for line in self.key_standards.splitlines() if line.strip()]


class Funding(models.Model):
    class Kind(models.TextChoices):
        EU_CONTRIBUTION = "eu", _("EU contribution")
        COE_BUDGET = "coe", _("Council of Europe budget")
        VOLUNTARY = "voluntary", _("Voluntary contribution")
        OTHER = "other", _("Other")

    project = project_key("fundings")
    funder = models.ForeignKey(
        "stakeholders.Institution",
        verbose_name=_("funder"),
        on_delete=models.PROTECT,
        related_name="fundings",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    amount = models.DecimalField(
        _("amount"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("In the project's currency; empty when not known."),
    )
    share = models.DecimalField(
        _("share"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
        help_text=_("Percentage of the budget; empty when not known."),
    )
    note = models.CharField(_("note"), max_length=255, blank=True)
    internal_note = internal_note_field()

    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "-amount", "funder__name"]
        verbose_name = _("funding")
        verbose_name_plural = _("fundings")
        constraints = [
            models.UniqueConstraint(fields=["project", "funder"], name="funding_one_per_funder"),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                name="funding_amount_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(share__isnull=True) | Q(share__gte=0, share__lte=100),
                name="funding_share_percentage",
            ),
        ]

    def __str__(self):
        return f"{self.funder} → {self.project}"

    def get_absolute_url(self):
        return self.project.get_absolute_url()

    def cache_scopes(self):
        """Its project's pages, the funder's page, and home's institutions engaged."""
        return {f"project:{self.project_id}", f"institution:{self.funder_id}", "partners"}

    def clean(self):
        if self.amount is None or not self.project_id or self.project.budget is None:
            return
        others = self.project.fundings.exclude(pk=self.pk).aggregate(total=Sum("amount"))["total"]
        if (others or 0) + self.amount > self.project.budget:
            raise ValidationError(
                {
                    "amount": _(
                        "Known funding would total %(total)s, above the budget of %(budget)s."
                    )
                    % {"total": (others or 0) + self.amount, "budget": self.project.budget}
                }
            )


class BudgetLine(models.Model):
    """What a project plans to spend in one calendar year (the IATI export's annual budgets)."""

    project = project_key("budget_lines")
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )
    amount = models.DecimalField(
        _("amount"),
        max_digits=14,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0))],
        help_text=_("In the project's currency."),
    )

    class Meta:
        ordering = ["project", "year"]
        verbose_name = _("yearly budget")
        verbose_name_plural = _("yearly budgets")
        constraints = [
            models.UniqueConstraint(fields=["project", "year"], name="budget_line_once_a_year"),
            models.CheckConstraint(condition=Q(amount__gte=0), name="budget_line_not_negative"),
        ]

    def __str__(self):
        return f"{self.project}: {self.year}"

    def get_absolute_url(self):
        return self.project.get_absolute_url()

    def cache_scopes(self):
        """Its project's pages and IATI file."""
        return {f"project:{self.project_id}"}


class ProjectPartner(models.Model):
    class Role(models.TextChoices):
        IMPLEMENTING = "implementing", _("Implementing partner")
        BENEFICIARY = "beneficiary", _("Beneficiary institution")
        STAKEHOLDER = "stakeholder", _("Stakeholder")
        COORDINATING = "coordinating", _("Coordinating body")
        CO_ORGANISER = "co_organiser", _("Co-organiser")
        SPONSOR = "sponsor", _("Sponsor")
        CONTRACTING = "contracting", _("Contracting authority")

    # IATI OrganisationRole codes (1 funding, 2 accountable, 3 extending, 4 implementing); the
    # codelist lives in projects.iati, which imports this module, so the codes are written here.
    # Beneficiary institutions and stakeholders take part in carrying the activity out (they host
    # and send people to its trainings): implementing, like the partners that implement it.
    IATI_ROLE = {
        Role.IMPLEMENTING: "4",
        Role.BENEFICIARY: "4",
        Role.STAKEHOLDER: "4",
        Role.COORDINATING: "2",
        Role.CO_ORGANISER: "4",
        Role.SPONSOR: "1",
        Role.CONTRACTING: "3",
    }

    project = project_key("partners")
    institution = models.ForeignKey(
        "stakeholders.Institution",
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        related_name="partnerships",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    note = models.CharField(_("note"), max_length=255, blank=True)
    internal_note = internal_note_field()

    class Meta:
        ordering = ["project", "role", "institution__name"]
        verbose_name = _("project partner")
        verbose_name_plural = _("project partners")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "institution", "role"], name="partner_once_per_role"
            )
        ]

    def __str__(self):
        return f"{self.institution} ({self.get_role_display()})"

    def get_absolute_url(self):
        return self.institution.get_absolute_url()

    def cache_scopes(self):
        """Its project's pages, the institution's page, and home's institutions engaged."""
        return {f"project:{self.project_id}", f"institution:{self.institution_id}", "partners"}

    @property
    def iati_role(self):
        return self.IATI_ROLE[self.role]


class ProjectMembership(models.Model):
    class Role(models.TextChoices):
        OFFICER = "officer", _("Project officer")
        MANAGER = "manager", _("Project manager")

    project = project_key("memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.OFFICER)

    # Who added whom, changed whose role and removed whom, when (the team page shows it).
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "role", "user__username"]
        verbose_name = _("team member")
        verbose_name_plural = _("team")
        constraints = [
            models.UniqueConstraint(fields=["project", "user"], name="membership_once_per_project")
        ]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()}, {self.project})"

    def get_absolute_url(self):
        return reverse("projects:dashboard", args=[self.project.slug])

    def cache_scopes(self):
        """None: visitors do not see teams (kept results for signed-in pages still change)."""
        return set()


def sector_choices():
    """The OECD DAC 5-digit purpose codes (IATI Sector codelist, vocabulary 1), active ones."""
    from projects.iati import codelists

    return codelists.choices("Sector")


class ProjectSector(models.Model):
    """A sector the project works in, with its share; a project's shares sum to 100."""

    project = project_key("sectors")
    code = models.CharField(_("sector"), max_length=5, choices=sector_choices)
    percentage = models.DecimalField(
        _("percentage"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(100)],
        help_text=_("The project's sectors add up to 100."),
    )

    class Meta:
        ordering = ["project", "-percentage", "code"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        constraints = [
            models.UniqueConstraint(fields=["project", "code"], name="project_sector_unique"),
            models.CheckConstraint(
                condition=Q(percentage__gt=0, percentage__lte=100),
                name="project_sector_percentage_range",
            ),
        ]

    def __str__(self):
        return f"{self.get_code_display()} ({self.percentage.normalize():f} %)"

    def cache_scopes(self):
        """Its project's pages and IATI file."""
        return {f"project:{self.project_id}"}
