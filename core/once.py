"""One-time form tokens: a create form sent twice (a double click, a reload, Back and resend)
saves one record.

Each rendering of the form carries a new random token in a hidden field. The first POST with it
claims it in the cache (`cache.add`: atomic in Redis and in local memory, so two servers or two
workers cannot both claim it) and, once the record is saved, keeps where the save led. A later
POST with the same token saves nothing: it goes there with a message. A POST that saves nothing
(a form error, a preview) gives the token back, so the corrected form can be sent.
"""

import re
import secrets

from crispy_forms.layout import Hidden
from django.contrib import messages
from django.core.cache import cache
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext as _

TOKEN_FIELD = "form_token"  # noqa: S105 - a field name, not a secret
SANE_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")
KEPT_FOR = 24 * 3600  # seconds a sent form is remembered
PENDING = "pending"


def token_key(user, token):
    # Per user: a token seen by someone else cannot be used to refuse that user's form.
    return f"one-time-form:{user.pk}:{token}"


class OneTimeSubmitMixin:
    """For a CreateView whose form has a crispy `helper`; a save answers a redirect (or a 201)."""

    @cached_property
    def form_token(self):
        """The token of this rendering: the one sent back (the form shown again), or a new one."""
        sent = self.request.POST.get(TOKEN_FIELD, "") if self.request.method == "POST" else ""
        return sent if SANE_TOKEN.fullmatch(sent) else secrets.token_urlsafe(18)

    def token_input(self):
        """The hidden field as HTML, for a form rendered ahead (a cached blank form)."""
        return format_html(
            '<input type="hidden" name="{}" value="{}">', TOKEN_FIELD, self.form_token
        )

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.helper.layout.append(Hidden(TOKEN_FIELD, self.form_token))
        return form

    def post(self, request, *args, **kwargs):
        token = request.POST.get(TOKEN_FIELD, "")
        if not SANE_TOKEN.fullmatch(token):
            # No token (a script, an old page): saved as before, without the guard.
            return super().post(request, *args, **kwargs)
        key = token_key(request.user, token)
        if not cache.add(key, PENDING, KEPT_FOR):
            return self.already_sent(cache.get(key))
        try:
            response = super().post(request, *args, **kwargs)
        except BaseException:
            cache.delete(key)
            raise
        if isinstance(response, HttpResponseRedirect):
            cache.set(key, response["Location"], KEPT_FOR)
        elif response.status_code == 201:  # saved, answered as data (the institution picker)
            cache.set(key, self.object.get_absolute_url(), KEPT_FOR)
        else:
            cache.delete(key)  # nothing saved: the form can be sent again
        return response

    def already_sent(self, location):
        messages.info(self.request, _("This form was already sent; nothing was saved twice."))
        if not location or location == PENDING:  # the first is still being saved
            location = reverse("my-work")
        return HttpResponseRedirect(location)
