"""Two-factor sign-in (django-otp): TOTP apps and one-time recovery codes.

Managers, admins and staff accounts must verify a second factor after their password, or set one
up on their first sign-in, before any page but these; an officer may turn it on, and from then on
must verify too. `TwoFactorMiddleware` sends an unverified account to the right page.
"""

import base64

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.dispatch import receiver
from django.shortcuts import redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.access import is_manager

RECOVERY_CODES = 10
# Set at sign-in: the account has a confirmed device, so it must verify (officers who opted in).
HAS_DEVICE_SESSION_KEY = "portal_two_factor_on"
# Pages an account that has not yet verified may open.
OPEN_PAGES = {
    "login",
    "logout",
    "two-factor-verify",
    "two-factor-setup",
    "privacy",
    "set_language",
    "healthz",
    "admin:logout",
}


def must_use_two_factor(user):
    """Managers, admins and staff accounts: two-factor sign-in is required."""
    return user.is_superuser or user.is_staff or is_manager(user)


def needs_verification(request):
    """Whether the signed-in account must still verify a second factor."""
    user = request.user
    if not user.is_authenticated or user.is_verified():
        return False
    return request.session.get(HAS_DEVICE_SESSION_KEY, False) or must_use_two_factor(user)


@receiver(user_logged_in, dispatch_uid="portal-two-factor-on")
def remember_two_factor_on(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[HAS_DEVICE_SESSION_KEY] = user_has_device(user)


def is_open_page(request):
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return match.view_name in OPEN_PAGES


class TwoFactorMiddleware:
    """After django-otp's OTPMiddleware: an unverified account goes to verify or set up."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_open_page(request) and needs_verification(request):
            page = "two-factor-verify" if user_has_device(request.user) else "two-factor-setup"
            return redirect(f"{reverse(page)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("The six digits your authenticator app shows, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )

    def __init__(self, *args, user, devices=None, **kwargs):
        self.user = user
        self.devices = devices
        self.device = None
        super().__init__(*args, **kwargs)

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if self.devices is None:
            self.device = match_token(self.user, code)
        else:
            self.device = next((d for d in self.devices if d.verify_token(code)), None)
        if self.device is None:
            raise forms.ValidationError(
                _(
                    "That code is not valid. Enter the current code from your app, or a "
                    "recovery code."
                )
            )
        return code


def next_page(request):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("my-work")


@login_required
def verify(request):
    """Enter a code from the authenticator app, or a recovery code (each works once)."""
    if request.user.is_verified():
        return redirect(next_page(request))
    if not user_has_device(request.user):
        return redirect(f"{reverse('two-factor-setup')}?{urlencode({'next': next_page(request)})}")
    form = CodeForm(request.POST or None, user=request.user)
    if form.is_valid():
        otp_login(request, form.device)
        return redirect(next_page(request))
    context = {"form": form, "next": next_page(request)}
    return render(request, "accounts/two_factor_verify.html", context)


def pending_device(user):
    """The user's authenticator being set up (unconfirmed), made on first visit."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


@login_required
def setup(request):
    """Turn on two-factor sign-in: add an authenticator app, then get the recovery codes."""
    user = request.user
    if user_has_device(user) and not user.is_verified():
        return redirect(f"{reverse('two-factor-verify')}?{urlencode({'next': next_page(request)})}")
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return render(request, "accounts/two_factor_setup.html", {"enabled": True})
    device = pending_device(user)
    form = CodeForm(request.POST or None, user=user, devices=[device])
    if form.is_valid():
        codes = confirm(user, device)
        otp_login(request, device)
        request.session[HAS_DEVICE_SESSION_KEY] = True
        messages.success(request, _("Two-factor sign-in is on."))
        return render(
            request,
            "accounts/two_factor_codes.html",
            {"codes": codes, "next": next_page(request)},
        )
    context = {
        "form": form,
        "secret": base64.b32encode(device.bin_key).decode(),
        "uri": device.config_url,
        "next": next_page(request),
    }
    return render(request, "accounts/two_factor_setup.html", context)


@transaction.atomic
def confirm(user, device):
    """Confirm the authenticator and give the account fresh recovery codes; returns the codes."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    StaticDevice.objects.filter(user=user).delete()
    recovery = StaticDevice.objects.create(user=user, name="recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=code) for code in codes)
    return codes
