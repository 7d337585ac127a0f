"""Who may do what: the manager role, and the one rule every staff view follows.

A record is found among those the user may read (`Model.objects.for_user(user)`); the user may
change it if it is also among those they may edit (`Model.objects.editable_by(user)`). One that
they may read but not edit is a 403; one they may not read is a 404, as if it did not exist.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import get_object_or_404

MANAGE_ALL_PROJECTS = "projects.manage_all_projects"


def is_manager(user):
    """Managers (and admins) see every dashboard and may work on every project."""
    if not user.is_authenticated:
        return False
    load_permissions(user)
    return user.has_perm(MANAGE_ALL_PROJECTS)


def load_permissions(user):
    """The user's permissions in one query; Django's ModelBackend asks twice (own, groups')."""
    if not user.is_authenticated or not user.is_active or user.is_superuser:
        return
    if not hasattr(user, "_perm_cache"):
        permissions = (
            Permission.objects.filter(Q(user=user) | Q(group__user=user))
            .values_list("content_type__app_label", "codename")
            .distinct()
        )
        user._perm_cache = {f"{app_label}.{codename}" for app_label, codename in permissions}


def may_edit(user, record):
    """Whether `user` may edit `record` (it is in `Model.objects.editable_by(user)`)."""
    return type(record).objects.editable_by(user).filter(pk=record.pk).exists()


def get_editable(readable, user, **lookup):
    """The record of `readable` found by `lookup` that `user` may edit, in one query.

    `readable` is the user's scope (`Model.objects.for_user(user)`, narrowed or with related
    rows selected as the view needs); 404 when the record is not in it, 403 when it is but the
    user may not edit it.
    """
    model = readable.model
    editable = model.objects.editable_by(user).filter(pk=OuterRef("pk"))
    record = get_object_or_404(readable.annotate(user_may_edit=Exists(editable)), **lookup)
    if not record.user_may_edit:
        raise PermissionDenied
    return record


def managers():
    """The active accounts with the manager role (by group or by their own permission), by name.

    Admins are left out: they manage the site, not the projects. Used to say whom to ask.
    """
    app_label, codename = MANAGE_ALL_PROJECTS.split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    holders = Q(groups__permissions__in=permission) | Q(user_permissions__in=permission)
    return (
        get_user_model()
        .objects.filter(holders, is_active=True, is_superuser=False)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )
