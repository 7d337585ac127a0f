"""The search endpoints behind the forms' search boxes (static/js/forms.js)."""

from functools import wraps

from django.http import JsonResponse
from django.utils.translation import gettext as _

RESULTS = 20
MAX_LENGTH = 100


def json_lookup(view):
    """`view(request, text)` answers ?q=text with at most RESULTS result dicts, sent as JSON.

    Nothing for an empty search; a 400 with a message for one over MAX_LENGTH characters.
    """

    @wraps(view)
    def lookup(request):
        text = request.GET.get("q", "").replace("\x00", "").strip()  # PostgreSQL refuses NUL
        if len(text) > MAX_LENGTH:
            message = _("Search for at most %(max)d characters.") % {"max": MAX_LENGTH}
            return JsonResponse({"error": message}, status=400)
        return JsonResponse({"results": view(request, text) if text else []})

    return lookup
