"""A project's team page: who is on it, what each role may do, and who changed the team when.

The whole team and the managers read it; managers and the project's project managers change it
(`Project.objects.managed_by`). Officers see it read-only: knowing who to ask is part of the job.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from core.access import is_manager
from core.accounts import invitation_days
from projects import services
from projects.dashboards import TeamProjectMixin
from projects.forms import REMOVE_MEMBER, SET_ROLE, MemberForm, MembershipAddForm, person
from projects.invitations import INVITE, InvitationForm, invite
from projects.models import Project, ProjectMembership

HISTORY_SHOWN = 50

# What each role may do: (what, (project officer, project manager, manager of every project)).
ABILITIES = [
    (gettext_lazy("Read the project's dashboard, drafts and team"), (True, True, True)),
    (gettext_lazy("Log, edit and delete activities and news"), (True, True, True)),
    (gettext_lazy("Import activities from a spreadsheet"), (True, True, True)),
    (gettext_lazy("Record indicator values"), (True, True, True)),
    (gettext_lazy("Add institutions to the directory"), (True, True, True)),
    (gettext_lazy("Add and remove team members, set their roles"), (False, True, True)),
    (gettext_lazy("Work on every project; follow the portfolio dashboard"), (False, False, True)),
    (gettext_lazy("Add countries and territories"), (False, False, True)),
]


def team_history(project):
    """The latest changes to `project`'s team, newest first, as {record, what, member, role}."""
    records = list(
        ProjectMembership.history.filter(project_id=project.pk)
        .select_related("history_user", "user")
        .order_by("history_date", "history_id")
    )
    roles = dict(ProjectMembership.Role.choices)
    previous_role = {}
    entries = []
    for record in records:
        before = previous_role.get(record.id)
        previous_role[record.id] = record.role
        member = person(record.user) if record.user else _("a deleted account")
        if record.history_type == "+":
            what = _("Added %(member)s as %(role)s")
        elif record.history_type == "-":
            what = _("Took %(member)s (%(role)s) off the team")
        elif before is not None and before != record.role:
            what = _("Changed the role of %(member)s from %(before)s to %(role)s")
        else:
            continue  # saved without a change
        text = what % {
            "member": member,
            "role": roles.get(record.role, record.role).lower(),
            "before": roles.get(before, before or "").lower(),
        }
        entries.append({"record": record, "what": text})
    return entries[::-1][:HISTORY_SHOWN]


class TeamView(TeamProjectMixin, TemplateView):
    template_name = "projects/team.html"

    def may_manage(self):
        user = self.request.user
        return Project.objects.managed_by(user).filter(pk=self.project.pk).exists()

    def get_context_data(self, **kwargs):
        project, user = self.project, self.request.user
        may_manage = self.may_manage()
        members = project.memberships.select_related("user").order_by(
            "role", "user__first_name", "user__last_name", "user__username"
        )
        rows = [
            {
                "membership": membership,
                "person": person(membership.user),
                "form": MemberForm(
                    project=project,
                    user=user,
                    initial={"membership": membership.pk, "role": membership.role},
                    auto_id=f"id_member_{membership.pk}_%s",
                )
                if may_manage and (membership.user_id != user.pk or is_manager(user))
                else None,
            }
            for membership in members
        ]
        if may_manage and "add_form" not in kwargs:
            kwargs["add_form"] = MembershipAddForm(project=project)
        if may_manage and "invite_form" not in kwargs:
            kwargs["invite_form"] = InvitationForm(project=project)
        return super().get_context_data(
            project=project,
            rows=rows,
            may_manage=may_manage,
            abilities=ABILITIES,
            history=team_history(project),
            invitation_days=invitation_days(),
            set_role=SET_ROLE,
            remove=REMOVE_MEMBER,
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if not self.may_manage():
            raise PermissionDenied
        project, user = self.project, request.user
        if REMOVE_MEMBER in request.POST or SET_ROLE in request.POST:
            removing = REMOVE_MEMBER in request.POST
            form = MemberForm(request.POST, project=project, user=user, removing=removing)
            if not form.is_valid():
                return self.render_to_response(
                    self.get_context_data(member_errors=form.errors.values()), status=400
                )
            membership = form.cleaned_data["membership"]
            name = person(membership.user)
            if removing:
                services.membership_remove(membership, user=user)
                messages.success(request, _("%s is no longer on the team.") % name)
            else:
                role = form.cleaned_data["role"]
                services.membership_set_role(membership, user=user, role=role)
                messages.success(
                    request,
                    _("%(member)s is now %(role)s.")
                    % {"member": name, "role": membership.get_role_display().lower()},
                )
            return HttpResponseRedirect(request.path)
        if INVITE in request.POST:
            return self.invite()
        form = MembershipAddForm(request.POST, project=project)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(add_form=form))
        membership = services.membership_add(
            user=user,
            project=project,
            member=form.cleaned_data["member"],
            role=form.cleaned_data["role"],
        )
        messages.success(
            request,
            _("%(member)s joined the team as %(role)s.")
            % {"member": person(membership.user), "role": membership.get_role_display().lower()},
        )
        return HttpResponseRedirect(request.path)

    def invite(self):
        form = InvitationForm(self.request.POST, project=self.project)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(invite_form=form), status=400)
        membership, emailed = invite(
            user=self.request.user,
            project=self.project,
            request=self.request,
            **form.cleaned_data,
        )
        what = {"member": person(membership.user), "email": membership.user.email}
        if emailed:
            text = _(
                "%(member)s is on the team: an invitation to set a password went to %(email)s."
            )
        else:
            text = _("%(member)s already had an account and joined the team.")
        messages.success(self.request, text % what)
        return HttpResponseRedirect(self.request.path)
