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
