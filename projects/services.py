"""Changing a project's team: every change is kept in the membership's history, with who made it.

Callers pass validated values (projects.forms); these functions do not validate again.
"""

from django.db import transaction

from projects.models import ProjectMembership


def _save_as(membership, user):
    membership._history_user = user
    membership.save()
    return membership


@transaction.atomic
def membership_add(*, user, project, member, role):
    """Put `member` on `project`'s team with `role`, as `user`."""
    return _save_as(ProjectMembership(project=project, user=member, role=role), user)


@transaction.atomic
def membership_set_role(membership, *, user, role):
    """Give the team member of `membership` another role, as `user`."""
    membership.role = role
    return _save_as(membership, user)


@transaction.atomic
def membership_remove(membership, *, user):
    """Take the team member of `membership` off the team, as `user`."""
    membership._history_user = user
    membership.delete()
