"""The logframe: its lines (objectives at the levels a project uses), the optional components
they belong to, and the indicators that measure them (projects.models re-exports these)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import bounded_date_validators, date_in_bounds, user_key


def project_key(related_name):
    """The project a record belongs to; deleting the project deletes it."""
    return models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name=related_name,
    )


class Level(models.TextChoices):
    """Logframe levels, top to bottom; a project uses a chain of them (Project.logframe_levels)."""

    OVERALL = "overall", _("Overall objective")
    SPECIFIC = "specific", _("Specific objective")
    PURPOSE = "purpose", _("Project purpose")
    RESULT = "result", _("Expected result")
    OUTPUT = "output", _("Output")
    ACTIVITY_GROUP = "activity_group", _("Activity group")


# The chain a project has unless set otherwise: the classic logframe.
DEFAULT_LEVELS = [Level.OVERALL.value, Level.SPECIFIC.value, Level.RESULT.value]
LEVEL_ORDER = [level.value for level in Level]


def default_levels():
    return list(DEFAULT_LEVELS)


def chain_of(levels):
    """`levels` in top-to-bottom order, each once; a ValidationError for an unknown one."""
    unknown = [level for level in levels if level not in LEVEL_ORDER]
    if unknown:
        raise ValidationError(
            _("Unknown logframe levels: %(levels)s.") % {"levels": ", ".join(map(str, unknown))}
        )
    if not levels:
        raise ValidationError(_("Choose at least one logframe level."))
    return [level for level in LEVEL_ORDER if level in levels]


class Component(models.Model):
    """A component or sub-project of a large project, with its own beneficiary countries."""

    project = project_key("components")
    code = models.CharField(_("code"), max_length=20, help_text=_('E.g. "A" or "2".'))
    title = models.CharField(_("title"), max_length=255)
    countries = models.ManyToManyField(
        "stakeholders.Country",
        verbose_name=_("beneficiary countries and territories"),
        related_name="components",
        blank=True,
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["project", "position", "code"]
        verbose_name = _("component")
        verbose_name_plural = _("components")
        constraints = [
            models.UniqueConstraint(fields=["project", "code"], name="component_code_unique")
        ]

    def __str__(self):
        return f"{self.code}. {self.title}"

    def get_absolute_url(self):
        return f"{self.project.get_absolute_url()}#component-{self.code}"

    def cache_scopes(self):
        """Its project's pages."""
        return {f"project:{self.project_id}"}


class Objective(models.Model):
    """A line of the logframe: an objective, purpose, result, output or activity group."""

    Level = Level

    project = project_key("objectives")
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        on_delete=models.CASCADE,
        related_name="children",
        null=True,
        blank=True,
        help_text=_("The line it contributes to, one level up; empty when nothing is above it."),
    )
    component = models.ForeignKey(
        "projects.Component",
        verbose_name=_("component"),
        on_delete=models.SET_NULL,
        related_name="objectives",
        null=True,
        blank=True,
    )
    level = models.CharField(_("level"), max_length=20, choices=Level.choices)
    code = models.CharField(_("code"), max_length=20, help_text=_('E.g. "1" or "1.2".'))
    title = models.TextField(_("title"))
    description = models.TextField(_("description"), blank=True)
    sources_of_verification = models.TextField(
        _("sources of verification"),
        blank=True,
        help_text=_("Where the line's achievement can be checked."),
    )
    assumptions = models.TextField(
        _("assumptions"), blank=True, help_text=_("What must hold outside the project's control.")
    )
    position = models.PositiveIntegerField(
        _("position"), default=0, help_text=_("Order in the logframe.")
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "position", "code"]
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        constraints = [
            models.UniqueConstraint(fields=["project", "code"], name="objective_code_unique"),
            models.CheckConstraint(
                condition=~Q(level="overall") | Q(parent__isnull=True),
                name="objective_overall_has_no_parent",
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")), name="objective_not_own_parent"
            ),
        ]

    def __str__(self):
        return f"{self.code}. {self.title}"

    def get_absolute_url(self):
        return f"{self.project.get_absolute_url()}#objective-{self.code}"

    def cache_scopes(self):
        """Its project's pages (the activities it serves show it too)."""
        return {f"project:{self.project_id}"}

    def level_above(self):
        """The level a parent of this line has in its project's chain; None at the top."""
        levels = self.project.logframe_levels
        index = levels.index(self.level) if self.level in levels else 0
        return levels[index - 1] if index else None

    def clean(self):
        """The level is one of the project's chain; a parent, when given, is a line of the same
        project one level up that chain (lines with nothing above them are allowed)."""
        errors = {}
        levels = self.project.logframe_levels if self.project_id else LEVEL_ORDER
        if self.level and self.level not in levels:
            errors["level"] = _(
                "This project's logframe has no such level (it uses: %(levels)s)."
            ) % {"levels": ", ".join(str(Level(level).label) for level in levels)}
        elif self.parent_id:
            above = self.level_above()
            if self.parent.project_id != self.project_id:
                errors["parent"] = _("The parent must be a line of the same project's logframe.")
            elif self.parent_id == self.pk:
                errors["parent"] = _("A line cannot be its own parent.")
            elif above is None:
                errors["parent"] = _(
                    "The top level of this logframe (%(level)s) has no parent."
                ) % {"level": self.get_level_display()}
            elif self.parent.level != above:
                errors["parent"] = _(
                    "In this logframe, a line at the level “%(level)s” sits under one at "
                    "“%(above)s”."
                ) % {"level": self.get_level_display(), "above": Level(above).label}
        if self.component_id and self.component.project_id != self.project_id:
            errors["component"] = _("Choose a component of the same project.")
        if errors:
            raise ValidationError(errors)


class Source(models.TextChoices):
    """Where an indicator's values come from: typed by the team, or computed from activities."""

    TYPED = "typed", _("Recorded by the team")
    TRAINED = "trained", _("Participants of held trainings serving its line")
    ACTIVITY_COUNT = "activity_count", _("Number of held activities of chosen kinds")


class Indicator(models.Model):
    """What shows progress on a logframe line, from baseline to target."""

    Source = Source

    class Measure(models.TextChoices):
        # IATI IndicatorMeasure codes.
        UNIT = "1", _("Unit")
        PERCENTAGE = "2", _("Percentage")
        NOMINAL = "3", _("Nominal")
        ORDINAL = "4", _("Ordinal")
        QUALITATIVE = "5", _("Qualitative")

    objective = models.ForeignKey(
        "projects.Objective",
        verbose_name=_("objective"),
        on_delete=models.CASCADE,
        related_name="indicators",
    )
    name = models.CharField(_("name"), max_length=255)
    measure = models.CharField(
        _("measure"), max_length=1, choices=Measure.choices, default=Measure.UNIT
    )
    unit = models.CharField(
        _("unit"), max_length=50, blank=True, help_text=_('E.g. "people" or "%".')
    )
    baseline = models.DecimalField(
        _("baseline"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Empty when not known or for a qualitative indicator."),
    )
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    target = models.DecimalField(
        _("target"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("A number, except for a qualitative indicator."),
    )
    target_text = models.TextField(
        _("target (text)"),
        blank=True,
        help_text=_('What a qualitative indicator aims at, e.g. "a strategy adopted".'),
    )
    means_of_verification = models.TextField(_("means of verification"), blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    cumulative = models.BooleanField(
        _("cumulative"),
        default=False,
        help_text=_(
            "Ticked: the periods' values add up (people trained so far). Unticked: each value "
            "stands for itself and the latest one says where the project is (a rate, a score)."
        ),
    )
    source = models.CharField(
        _("source of values"), max_length=20, choices=Source.choices, default=Source.TYPED
    )
    activity_kinds = models.JSONField(
        _("kinds of activities counted"),
        default=list,
        blank=True,
        help_text=_("For a count of activities: the kinds that count."),
    )
    definition = models.ForeignKey(
        "projects.IndicatorDefinition",
        verbose_name=_("shared definition"),
        on_delete=models.SET_NULL,
        related_name="indicators",
        null=True,
        blank=True,
        help_text=_("The portfolio's shared indicator it reports on, summed across projects."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["objective", "position", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.CheckConstraint(
                condition=Q(measure="5") | Q(target__isnull=False),
                name="indicator_quantitative_has_target",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return self.objective.get_absolute_url()

    def cache_scopes(self):
        """Its project's pages."""
        return {f"project:{self.objective.project_id}"}

    @property
    def is_qualitative(self):
        return self.measure == self.Measure.QUALITATIVE

    @property
    def is_computed(self):
        return self.source != Source.TYPED

    def clean(self):
        errors = {}
        if self.is_qualitative:
            if not self.target_text.strip():
                errors["target_text"] = _("Say what a qualitative indicator aims at.")
            if self.target is not None:
                errors["target"] = _("A qualitative indicator has a text target, not a number.")
        elif self.target is None:
            errors["target"] = _("Give a target number (or choose the qualitative measure).")
        if self.source == Source.ACTIVITY_COUNT and not self.activity_kinds:
            errors["activity_kinds"] = _("Choose the kinds of activities that count.")
        if self.is_computed and self.is_qualitative:
            errors["source"] = _("A qualitative indicator cannot be computed from activities.")
        if errors:
            raise ValidationError(errors)


class ValueStatus(models.TextChoices):
    """The review loop: the team drafts and submits a period's values; a reviewer approves them
    or returns them with a reason, and the team submits them again."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    APPROVED = "approved", _("Approved")
    RETURNED = "returned", _("Returned")


class IndicatorValueQuerySet(models.QuerySet):
    def approved(self):
        """Values a reviewer approved: the only ones public pages and reports count."""
        return self.filter(status=ValueStatus.APPROVED)

    def of_project(self, project):
        return self.filter(indicator__objective__project=project)

    def open(self):
        """Values the team may still change: drafts and returned ones."""
        return self.filter(status__in=[ValueStatus.DRAFT, ValueStatus.RETURNED])


def known(field):
    return Coalesce(field, Value(0), output_field=models.DecimalField())


class IndicatorValue(models.Model):
    """A measurement of an indicator for a reporting period, split by sex where known."""

    Status = ValueStatus

    indicator = models.ForeignKey(
        "projects.Indicator",
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="values",
    )
    date = models.DateField(_("date"), validators=bounded_date_validators())
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    note = models.CharField(_("note"), max_length=255, blank=True)
    activity = models.ForeignKey(
        "activities.Activity",
        verbose_name=_("activity"),
        on_delete=models.SET_NULL,
        related_name="indicator_values",
        null=True,
        blank=True,
    )
    recorded_by = user_key(_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    period = models.ForeignKey(
        "projects.ReportingPeriod",
        verbose_name=_("period"),
        on_delete=models.PROTECT,
        related_name="values",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ValueStatus.choices, default=ValueStatus.DRAFT
    )
    computed = models.BooleanField(_("computed from activities"), default=False, editable=False)
    women = models.DecimalField(_("women"), max_digits=14, decimal_places=2, null=True, blank=True)
    men = models.DecimalField(_("men"), max_digits=14, decimal_places=2, null=True, blank=True)
    sex_not_recorded = models.DecimalField(
        _("sex not recorded"), max_digits=14, decimal_places=2, null=True, blank=True
    )

    objects = IndicatorValueQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "date", "pk"]
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        indexes = [
            models.Index(fields=["indicator", "-date"], name="indicatorvalue_latest"),
            models.Index(fields=["period", "status"], name="indicatorvalue_period_status"),
        ]
        constraints = [
            date_in_bounds("date", "indicatorvalue_date_in_bounds"),
            models.CheckConstraint(
                condition=Q(women__gte=0) | Q(women__isnull=True), name="value_women_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(men__gte=0) | Q(men__isnull=True), name="value_men_not_negative"
            ),
            models.CheckConstraint(
                condition=Q(sex_not_recorded__gte=0) | Q(sex_not_recorded__isnull=True),
                name="value_sex_not_recorded_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(value__gte=known("women") + known("men") + known("sex_not_recorded")),
                name="value_sex_split_within_total",
            ),
        ]

    def __str__(self):
        return f"{self.indicator}: {self.value} ({self.date})"

    def get_absolute_url(self):
        return self.indicator.get_absolute_url()

    def cache_scopes(self):
        """Its project's pages."""
        return {f"project:{self.indicator.objective.project_id}"}

    @property
    def sex_split(self):
        """Women, men and not recorded, summed (None when no part is known)."""
        parts = [self.women, self.men, self.sex_not_recorded]
        return None if all(p is None for p in parts) else sum(p or 0 for p in parts)

    def clean(self):
        errors = {}
        project_id = self.indicator.objective.project_id if self.indicator_id else None
        if self.activity_id and project_id and self.activity.project_id != project_id:
            errors["activity"] = _("Choose an activity of the same project.")
        if self.period_id and project_id and self.period.project_id != project_id:
            errors["period"] = _("Choose a period of the indicator's project.")
        elif self.period_id and self.date and not self.period.contains(self.date):
            errors["date"] = _("The date must fall within the period (%(period)s).") % {
                "period": self.period
            }
        split = self.sex_split
        if split is not None and self.value is not None and split > self.value:
            errors["women"] = _(
                "Women, men and not recorded (%(split)s) cannot be more than the value (%(value)s)."
            ) % {"split": split, "value": self.value}
        if errors:
            raise ValidationError(errors)
