"""Accounts: password reset by email, and the link an invited person sets a password from.

Both send email to an address someone typed, so both count the emails each address received in
the last hour (in the cache, shared by every app server) and stop at `EMAILS_PER_HOUR`.
Tokens are Django's (`PasswordResetTokenGenerator`): valid `PASSWORD_RESET_TIMEOUT` seconds
(three days by default), and spent once the password is set. An invitation's tokens have a salt
of their own, so a reset link never opens the invitation page or the other way round.
"""

import hashlib

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.cache import cache
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse, reverse_lazy
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

EMAILS_PER_HOUR = 3
EMAIL_WINDOW = 3600


def _email_key(address):
    return "emails-sent:" + hashlib.sha256(address.strip().lower().encode()).hexdigest()


def may_email(address):
    """Whether `address` may still receive an account email this hour."""
    return (cache.get(_email_key(address)) or 0) < EMAILS_PER_HOUR


def count_email(address):
    """Count one account email to `address`: False when its hour's allowance is already used."""
    key = _email_key(address)
    cache.add(key, 0, EMAIL_WINDOW)
    try:
        sent = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, EMAIL_WINDOW)
        sent = 1
    return sent <= EMAILS_PER_HOUR


class RateLimitedPasswordResetForm(PasswordResetForm):
    """Django's reset form; past the hour's allowance for the address nothing is sent.

    The page says the same either way, so it tells no one whether an address has an account.
    """

    def save(self, **kwargs):
        if count_email(self.cleaned_data["email"]):
            super().save(**kwargs)


class PasswordResetView(auth_views.PasswordResetView):
    form_class = RateLimitedPasswordResetForm
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "core.accounts.InvitationTokenGenerator"


invitation_tokens = InvitationTokenGenerator()


def invitation_days():
    return max(1, settings.PASSWORD_RESET_TIMEOUT // 86400)


def send_invitation(person, *, inviter, team, role, request):
    """Email `person` the link to set their password and join `team` (a project's title)."""
    context = {
        "person": person,
        "inviter": inviter.get_full_name() or inviter.get_username(),
        "team": team,
        "role": role,
        "days": invitation_days(),
        "url": request.build_absolute_uri(
            reverse(
                "invitation_accept",
                kwargs={
                    "uidb64": urlsafe_base64_encode(force_bytes(person.pk)),
                    "token": invitation_tokens.make_token(person),
                },
            )
        ),
    }
    subject = " ".join(render_to_string("registration/invitation_subject.txt", context).split())
    body = render_to_string("registration/invitation_email.txt", context)
    send_mail(subject, body, None, [person.email])


class InvitationAcceptView(auth_views.PasswordResetConfirmView):
    """The invited person chooses a password, is signed in and lands on My work."""

    template_name = "registration/invitation_accept.html"
    token_generator = invitation_tokens
    post_reset_login = True
    post_reset_login_backend = "django.contrib.auth.backends.ModelBackend"
    success_url = reverse_lazy("my-work")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Welcome: your password is set and you are signed in."))
        return response
