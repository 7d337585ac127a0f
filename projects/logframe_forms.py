"""The logframe editor's forms: the project's chain of levels, its lines, their indicators."""

from django import forms
from django.forms import BaseInlineFormSet, BaseModelFormSet
from django.utils.translation import gettext_lazy as _

from core.forms import CHOOSE, PlainMessagesMixin
from projects.forms import LogframeLevelsField
from projects.logframe import chain_of
from projects.models import Component, Indicator, Objective, Project

TEXT = forms.Textarea(attrs={"rows": 2})
NUMBER = forms.NumberInput(attrs={"min": 0})


class LevelsForm(PlainMessagesMixin, forms.ModelForm):
    logframe_levels = LogframeLevelsField()

    class Meta:
        model = Project
        fields = ["logframe_levels"]

    def clean_logframe_levels(self):
        # Top to bottom whatever order the boxes came in; the lines are checked against it.
        return chain_of(self.cleaned_data["logframe_levels"])

    def _post_clean(self):
        # Only the levels change here; the project's other rules are the set-up form's.
        self.instance.logframe_levels = self.cleaned_data.get(
            "logframe_levels", self.instance.logframe_levels
        )


class LineForm(PlainMessagesMixin, forms.ModelForm):
    class Meta:
        model = Objective
        fields = [
            "position",
            "code",
            "level",
            "parent",
            "component",
            "title",
            "sources_of_verification",
            "assumptions",
        ]
        widgets = {
            "position": NUMBER,
            "title": TEXT,
            "sources_of_verification": TEXT,
            "assumptions": TEXT,
        }


class BaseLineFormSet(BaseInlineFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        project = self.instance
        form.fields["parent"].queryset = project.objectives.all()
        form.fields["parent"].help_text = _("Lines added now can be chosen once saved.")
        form.fields["component"].queryset = project.components.all()
        form.fields["level"].choices = [
            ("", CHOOSE),
            *((level, Objective.Level(level).label) for level in project.logframe_levels),
        ]

    def clean(self):
        super().clean()
        removed = {form.instance.pk for form in self.deleted_forms if form.instance.pk}
        for form in self.deleted_forms:
            kept = form.instance.children.exclude(pk__in=removed) if form.instance.pk else []
            if kept:
                raise forms.ValidationError(
                    _("Line %(code)s still has lines under it: remove or move them first.")
                    % {"code": form.instance.code}
                )


LineFormSet = forms.inlineformset_factory(
    Project,
    Objective,
    form=LineForm,
    formset=BaseLineFormSet,
    extra=2,
    can_delete=True,
)


class IndicatorForm(PlainMessagesMixin, forms.ModelForm):
    class Meta:
        model = Indicator
        fields = [
            "objective",
            "position",
            "name",
            "measure",
            "unit",
            "baseline",
            "baseline_year",
            "target",
            "target_text",
            "means_of_verification",
        ]
        labels = {"objective": _("line")}
        widgets = {
            "position": NUMBER,
            "target_text": TEXT,
            "means_of_verification": TEXT,
        }


class BaseIndicatorFormSet(BaseModelFormSet):
    def __init__(self, *args, project, **kwargs):
        self.project = project
        kwargs["queryset"] = Indicator.objects.filter(objective__project=project).order_by(
            "objective__position", "objective__code", "position", "pk"
        )
        super().__init__(*args, **kwargs)

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["objective"].queryset = self.project.objectives.all()


IndicatorFormSet = forms.modelformset_factory(
    Indicator,
    form=IndicatorForm,
    formset=BaseIndicatorFormSet,
    extra=2,
    can_delete=True,
)


class ComponentForm(PlainMessagesMixin, forms.ModelForm):
    class Meta:
        model = Component
        fields = ["position", "code", "title", "countries"]
        widgets = {"position": NUMBER, "countries": forms.CheckboxSelectMultiple}


ComponentFormSet = forms.inlineformset_factory(
    Project, Component, form=ComponentForm, extra=1, can_delete=True
)
