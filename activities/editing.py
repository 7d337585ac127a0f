"""Staff forms for activities and news: create, edit, delete and history.

Who may do what is decided by the scoped querysets, through core.access.get_editable: a record
the user may edit opens; one they may only read is a 403; any other is a 404.
"""

from crispy_forms.utils import render_crispy_form
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import BadRequest, PermissionDenied
from django.core.validators import slug_re
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import CreateView, DeleteView, DetailView, UpdateView, View

from activities import services
from activities.forms import (
    PREVIEW,
    SAVE_AND_ADD_ANOTHER,
    ActivityForm,
    ConfirmDeleteForm,
    NewsItemForm,
    RestoreForm,
)
from activities.models import LINKS, Activity, NewsItem
from core import cache
from core.access import get_editable
from core.forms import as_id
from core.once import OneTimeSubmitMixin
from projects.models import Project


class EditableRecordMixin(LoginRequiredMixin):
    """The record of the URL, for a user who may edit it (core.access.get_editable)."""

    def get_queryset(self):
        return self.model.objects.for_user(self.request.user)

    def get_object(self, queryset=None):
        lookup = {key: self.kwargs[key] for key in ("pk", "slug") if key in self.kwargs}
        return get_editable(self.get_queryset(), self.request.user, **lookup)


class OnATeamMixin(LoginRequiredMixin):
    """New records: only for users on at least one team (or managers)."""

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and not Project.objects.editable_by(user).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def editable_project(self, **lookup):
        """The user's project found by `lookup`: 403 if they may only read it, 404 if unknown."""
        user = self.request.user
        return get_editable(Project.objects.for_user(user), user, **lookup)

    def project_from_query(self):
        """The project named by ?project=<slug>, preselected on a new record's form."""
        slug = self.request.GET.get("project")
        if not slug:
            return None
        if not slug_re.match(slug):
            raise Http404
        return self.editable_project(slug=slug)


class ProjectChoicesView(OnATeamMixin, View):
    """The part of a new record's form that lists one project's choices, for ?project=<id>.

    static/js/forms.js swaps it in when the user picks another project; an empty ?project= gives
    the part as it is before any choice.
    """

    form_class = None
    field_name = ""

    def get(self, request):
        value = request.GET.get("project", "")
        project = None
        if value:
            project_id = as_id(value)
            if project_id is None:
                raise BadRequest(_("The project must be given by its number."))
            project = self.editable_project(pk=project_id)
        form = self.form_class(user=request.user, initial={"project": project})
        return render(request, "includes/_form_field.html", {"field": form[self.field_name]})


class StaffFormMixin:
    """Hands the user to the form; turns an edit conflict into a message on the kept form."""

    success_message = ""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def edit_conflict(self, form, conflict):
        loaded_version = form.cleaned_data["version"]
        if conflict.current is not None:
            # The next save is a deliberate overwrite of the version the user has now been shown.
            data = form.data.copy()
            data[form.add_prefix("version")] = str(conflict.current.version)
            form.data = data
        form.add_error(None, conflict.message())
        return self.render_to_response(
            self.get_context_data(
                form=form,
                conflict=conflict,
                conflict_changes=changed_fields(conflict, loaded_version),
            )
        )


class RecordUpdateView(EditableRecordMixin, StaffFormMixin, UpdateView):
    """Edit a record the user may edit; a save made meanwhile by someone else is not overwritten."""

    saved_message = ""
    # The service that saves: update(record, *, user, version, **fields), or EditConflict.
    update = None

    def get_queryset(self):
        return super().get_queryset().select_related("project", "updated_by")

    def form_valid(self, form):
        try:
            self.object = self.update(
                self.object,
                user=self.request.user,
                version=form.cleaned_data["version"],
                **form.record_data(),
            )
        except services.EditConflict as conflict:
            return self.edit_conflict(form, conflict)
        messages.success(self.request, self.saved_message % self.object.title)
        return HttpResponseRedirect(self.object.get_absolute_url())


class RecordDeleteView(EditableRecordMixin, DeleteView):
    """A confirmation page; the delete is kept in history, and the user lands on My work."""

    form_class = ConfirmDeleteForm
    deleted_message = ""

    def get_queryset(self):
        return super().get_queryset().select_related("project")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "cancel_url": self.object.get_absolute_url()}

    def form_valid(self, form):
        title = self.object.title
        services.record_delete(self.object, user=self.request.user)
        messages.success(self.request, self.deleted_message % title)
        return HttpResponseRedirect(reverse("my-work"))


def changed_fields(conflict, loaded_version):
    """Labels of the fields the other person changed since `loaded_version`, from history."""
    current = conflict.current
    if current is None:
        return []
    records = current.history.order_by("-history_date", "-history_id")
    latest = records.first()
    loaded = records.filter(version=loaded_version).first()
    if latest is None or loaded is None:
        return []
    delta = latest.diff_against(loaded, excluded_fields=HISTORY_EXCLUDED)
    return [str(type(current)._meta.get_field(name).verbose_name) for name in delta.changed_fields]


# Links are kept in history for restoring a deleted activity (services.activity_restore), not
# listed as changes.
HISTORY_EXCLUDED = ["created_by", "updated_by", "author", "slug", *LINKS]


class HistoryView(EditableRecordMixin, DetailView):
    """Who changed what and when, newest first."""

    def get_context_data(self, **kwargs):
        records = list(
            self.object.history.select_related("history_user").order_by(
                "-history_date", "-history_id"
            )
        )
        entries = []
        for record, older in zip(records, [*records[1:], None], strict=True):
            reason = record.history_change_reason or ""
            entries.append(
                {
                    "record": record,
                    "changes": describe_changes(record, older),
                    "imported_from": reason.removeprefix(services.IMPORT_REASON)
                    if reason.startswith(services.IMPORT_REASON)
                    else None,
                }
            )
        return super().get_context_data(entries=entries, **kwargs)


def describe_changes(record, older):
    """[(field label, old value, new value)] between two history records, for display."""
    if older is None:
        return []
    delta = record.diff_against(older, excluded_fields=HISTORY_EXCLUDED, foreign_keys_are_objs=True)
    rows = []
    for change in delta.changes:
        field = record.instance_type._meta.get_field(change.field)
        choices = dict(field.flatchoices) if field.choices else {}
        rows.append(
            (
                field.verbose_name,
                choices.get(change.old, change.old),
                choices.get(change.new, change.new),
            )
        )
    return rows


# Activities


class ActivityCreateView(OnATeamMixin, StaffFormMixin, OneTimeSubmitMixin, CreateView):
    model = Activity
    form_class = ActivityForm
    template_name = "activities/activity_form.html"

    @cached_property
    def preselected_project(self):
        """The project of ?project=<slug> (403 or 404 if not the user's), or None."""
        return self.project_from_query()

    @cached_property
    def model_activity(self):
        """The activity of ?like=<id> a similar one starts from (404 unless the user's), or None."""
        value = self.request.GET.get("like", "")
        if not value:
            return None
        activity = Activity.objects.editable_by(self.request.user).filter(pk=as_id(value)).first()
        if as_id(value) is None or activity is None:
            raise Http404
        return activity

    def get_initial(self):
        initial = super().get_initial()
        if self.preselected_project is not None:
            initial["project"] = self.preselected_project
        if self.model_activity is not None:
            initial.update(similar_activity(self.model_activity))
        return initial

    def get(self, request, *args, **kwargs):
        if self.model_activity is not None:  # prefilled: not the kept blank form
            return super().get(request, *args, **kwargs)
        # The blank form is the same for this user and project until the portal's data or the
        # user's role changes: kept as HTML, it costs neither its queries nor its rendering
        # (crispy: about 70 ms). The project is checked on every request.
        self.object = None
        project = self.preselected_project
        # Kept without its one-time token (core/once.py), which is new on every rendering.
        fields = cache.kept(
            "blank-activity-form",
            lambda: render_crispy_form(super(OneTimeSubmitMixin, self).get_form()),
            request.user.pk,
            project and project.pk,
        )
        blank_form = fields + self.token_input()
        return self.render_to_response(self.get_context_data(form=None, blank_form=blank_form))

    def form_valid(self, form):
        self.object = services.activity_create(user=self.request.user, **form.record_data())
        messages.success(self.request, _("Activity “%s” logged.") % self.object.title)
        if SAVE_AND_ADD_ANOTHER in self.request.POST:
            url = reverse("activities:create") + f"?project={self.object.project.slug}"
            return HttpResponseRedirect(url)
        return HttpResponseRedirect(self.object.get_absolute_url())


# What "Log a similar activity" copies into the new form; dates and figures are the new one's.
SIMILAR = (
    "title",
    "title_fr",
    "kind",
    "format",
    "scope",
    "venue",
    "city",
    "description",
    "description_fr",
)


def similar_activity(activity):
    """The new activity form's initial values for one like `activity`."""
    return {
        "project": activity.project_id,
        **{
            name: getattr(activity, f"{name}_en" if name in ("title", "description") else name)
            for name in SIMILAR
        },
        "countries": list(activity.countries.values_list("pk", flat=True)),
        "institutions": list(activity.institutions.values_list("pk", flat=True)),
        "objectives": list(activity.objectives.values_list("pk", flat=True)),
    }


class ActivityUpdateView(RecordUpdateView):
    model = Activity
    form_class = ActivityForm
    template_name = "activities/activity_form.html"
    saved_message = gettext_lazy("Activity “%s” saved.")
    update = staticmethod(services.activity_update)


class ActivityDeleteView(RecordDeleteView):
    model = Activity
    template_name = "activities/activity_confirm_delete.html"
    deleted_message = gettext_lazy("Activity “%s” deleted.")

    def get_context_data(self, **kwargs):
        return super().get_context_data(news_count=self.object.news.count(), **kwargs)


class ActivityChoicesView(ProjectChoicesView):
    form_class = ActivityForm
    field_name = "objectives"


class ActivityHistoryView(HistoryView):
    """An activity's history; a deleted one's too, with the button that restores it."""

    model = Activity
    template_name = "activities/activity_history.html"
    deletion = None

    def get_object(self, queryset=None):
        try:
            return super().get_object(queryset)
        except Http404:
            self.deletion = deleted_activity(self.request.user, self.kwargs["pk"])
            return self.deletion.instance

    def get_context_data(self, **kwargs):
        restore_form = RestoreForm(action=reverse("activities:restore", args=[self.kwargs["pk"]]))
        return super().get_context_data(
            deletion=self.deletion, restore_form=restore_form if self.deletion else None, **kwargs
        )


def deleted_activity(user, pk):
    """The deletion entry of activity `pk` if `user` may edit its project: else 404 (or 403)."""
    deletion = services.latest_deletion(pk)
    if deletion is None:
        raise Http404
    get_editable(Project.objects.for_user(user), user, pk=deletion.project_id)
    return deletion


@login_required
@require_POST
def activity_restore(request, pk):
    """Bring a deleted activity back with its links (team members of its project, managers)."""
    activity = services.activity_restore(deleted_activity(request.user, pk), user=request.user)
    messages.success(
        request,
        _("Activity “%s” restored, with its countries, objectives, institutions and news.")
        % activity.title,
    )
    return HttpResponseRedirect(activity.get_absolute_url())


# News


class NewsPreviewMixin:
    """The Preview button re-displays the form with the body rendered; nothing is saved."""

    def get_context_data(self, **kwargs):
        if self.request.method == "POST" and PREVIEW in self.request.POST:
            form = kwargs.get("form")
            kwargs["preview_body"] = form.data.get(form.add_prefix("body"), "") if form else ""
            kwargs["previewing"] = True
        return super().get_context_data(**kwargs)

    def wants_preview(self):
        return PREVIEW in self.request.POST


class NewsCreateView(
    OnATeamMixin, StaffFormMixin, NewsPreviewMixin, OneTimeSubmitMixin, CreateView
):
    model = NewsItem
    form_class = NewsItemForm
    template_name = "news/news_form.html"

    def get_initial(self):
        initial = super().get_initial()
        project = self.project_from_query()
        if project is not None:
            initial["project"] = project
        activity_id = self.request.GET.get("activity", "")
        if activity_id:
            activity_id = as_id(activity_id)
            if activity_id is None:
                raise Http404
            activity = (
                Activity.objects.editable_by(self.request.user).filter(pk=activity_id).first()
            )
            if activity is None:
                raise Http404
            initial.update(project=activity.project_id, activity=activity.pk)
        return initial

    def form_valid(self, form):
        if self.wants_preview():
            return self.render_to_response(self.get_context_data(form=form))
        self.object = services.news_create(user=self.request.user, **form.record_data())
        messages.success(self.request, _("News item “%s” saved.") % self.object.title)
        return HttpResponseRedirect(self.object.get_absolute_url())


class NewsUpdateView(NewsPreviewMixin, RecordUpdateView):
    model = NewsItem
    form_class = NewsItemForm
    template_name = "news/news_form.html"
    saved_message = gettext_lazy("News item “%s” saved.")
    update = staticmethod(services.news_update)

    def form_valid(self, form):
        if self.wants_preview():
            return self.render_to_response(self.get_context_data(form=form))
        return super().form_valid(form)


class NewsDeleteView(RecordDeleteView):
    model = NewsItem
    template_name = "news/news_confirm_delete.html"
    context_object_name = "item"
    deleted_message = gettext_lazy("News item “%s” deleted.")


class NewsChoicesView(ProjectChoicesView):
    form_class = NewsItemForm
    field_name = "activity"


class NewsHistoryView(HistoryView):
    model = NewsItem
    template_name = "news/news_history.html"
    context_object_name = "item"
