"""Authentication backends."""

from axes.backends import AxesStandaloneBackend


class AxesLockoutBackend(AxesStandaloneBackend):
    """django-axes' lockout check, skipped when no request is given.

    Every sign-in over HTTP (the login view, the admin login) passes the request, so the lockout
    applies to them. Calls without one — the test client's `client.login()`, a shell — have no
    client address to lock and would otherwise fail with AxesBackendRequestParameterRequired.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


# AccessAttempt.username (and the access logs' username) is a varchar(255).
AXES_USERNAME_MAX_LENGTH = 255


def axes_username(request, credentials=None):
    """The name django-axes records a sign-in under (AXES_USERNAME_CALLABLE).

    Django's login form does not limit the typed name's length; axes would store it as it is and
    PostgreSQL refuses a name over 255 characters (a 500). No account has such a name (150 at
    most), so cutting it keeps the lockout working for whoever tries it.
    """
    source = credentials if credentials else getattr(request, "POST", {})
    username = source.get("username")
    return username[:AXES_USERNAME_MAX_LENGTH] if isinstance(username, str) else username
