"""Inviting someone by email onto a project's team (managers and the team's project managers).

Someone new gets an account with no usable password and an email with a link to choose one
(`core.accounts`); someone with an account is put on the team at once.
"""

import re

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Layout, Row, Submit
from django import forms
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from core.accounts import count_email, may_email, send_invitation
from projects import services
from projects.models import ProjectMembership

INVITE = "invite"


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    role = forms.ChoiceField(
        label=_("Role"),
        choices=ProjectMembership.Role.choices,
        initial=ProjectMembership.Role.OFFICER,
    )

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.project = project
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Row(Column("email", css_class="col-md-6"), Column("role", css_class="col-md-4")),
            Row(
                Column("first_name", css_class="col-md-5"),
                Column("last_name", css_class="col-md-5"),
            ),
            Submit(INVITE, _("Send the invitation")),
        )

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        accounts = get_user_model().objects.filter(email__iexact=email)
        if self.project.memberships.filter(user__in=accounts).exists():
            raise forms.ValidationError(_("Someone with this address is on the team already."))
        if accounts.filter(is_active=False).exists():
            raise forms.ValidationError(
                _("The account with this address is switched off: ask an administrator.")
            )
        if not may_email(email):
            raise forms.ValidationError(
                _("Several emails went to this address in the last hour: try again later.")
            )
        return email


def free_username(email):
    """A username from the address's local part, numbered when taken: "vmartin", "vmartin2"."""
    base = re.sub(r"[^\w.+-]", "", email.split("@")[0])[:140] or "user"
    taken = set(
        get_user_model()
        .objects.filter(username__istartswith=base)
        .values_list("username", flat=True)
    )
    taken = {name.lower() for name in taken}
    name, number = base, 1
    while name.lower() in taken:
        number += 1
        name = f"{base}{number}"
    return name


@transaction.atomic
def invite(*, user, project, email, role, first_name="", last_name="", request):
    """Put the person with `email` on `project`'s team, creating and emailing them if new.

    Returns (membership, emailed): an account that already has a password gets no email.
    """
    person = (
        get_user_model().objects.filter(email__iexact=email, is_active=True).order_by("pk").first()
    )
    if person is None:
        person = get_user_model()(
            username=free_username(email),
            email=email,
            first_name=first_name,
            last_name=last_name,
        )
        person.set_unusable_password()
        person.save()
    membership = services.membership_add(user=user, project=project, member=person, role=role)
    emailed = not person.has_usable_password() and count_email(email)
    if emailed:
        send_invitation(
            person,
            inviter=user,
            team=project.title,
            role=membership.get_role_display().lower(),
            request=request,
        )
    return membership, emailed
