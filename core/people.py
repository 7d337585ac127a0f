"""People who leave: a manager deactivates an account, and its sessions end at once."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.auth.views import redirect_to_login
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.access import is_manager
from core.two_factor import next_page

User = get_user_model()


def end_sessions(user):
    """Delete every session of `user` kept in the database.

    With the cache session backend (REDIS_URL) sessions cannot be listed; there Django's
    ModelBackend refuses an inactive account's session on its next request (the user is
    signed out), which is what ends them.
    """
    if settings.SESSION_ENGINE != "django.contrib.sessions.backends.db":
        return 0
    ended = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get(SESSION_KEY) == str(user.pk)
    ]
    Session.objects.filter(pk__in=ended).delete()
    return len(ended)


@receiver(pre_save, sender=User, dispatch_uid="portal-was-active")
def remember_was_active(sender, instance, **kwargs):
    instance._was_active = (
        instance.pk is not None and User.objects.filter(pk=instance.pk, is_active=True).exists()
    )


@receiver(post_save, sender=User, dispatch_uid="portal-end-sessions-on-deactivation")
def end_sessions_on_deactivation(sender, instance, **kwargs):
    """However an account is deactivated (this page, the admin, the shell), it is signed out."""
    if getattr(instance, "_was_active", False) and not instance.is_active:
        end_sessions(instance)


@require_POST
def deactivate(request, pk):
    """Managers: deactivate the account of someone who left (not an admin, not oneself)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not is_manager(request.user):
        raise PermissionDenied
    person = get_object_or_404(User, pk=pk)
    if person.is_superuser or person == request.user:
        raise PermissionDenied
    if person.is_active:
        person.is_active = False
        person.save(update_fields=["is_active"])
    name = person.get_full_name() or person.get_username()
    done = _("%(name)s's account is deactivated and signed out.") % {"name": name}
    messages.success(request, done)
    return redirect(next_page(request))
