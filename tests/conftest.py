from dataclasses import dataclass

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.test import Client
from django.utils import translation
from django.utils.functional import empty

from demo import loader, seed
from projects.models import Project
from tests import factories
from tests.helpers import mark_verified


@receiver(setting_changed)
def _thumbnails_follow_the_storages_setting(setting, **kwargs):
    """sorl-thumbnail keeps the storage it first met: a test that puts pictures in a bucket
    (tests/test_object_storage.py) must not leave the bucket behind for the tests after it."""
    if setting == "STORAGES":
        from sorl.thumbnail import default as thumbnails

        thumbnails.storage._wrapped = empty


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _force_login_passes_two_factor(monkeypatch):
    """`force_login` stands for a whole sign-in: password, and the second factor managers and
    admins must give (tests/test_two_factor.py signs in step by step)."""
    force_login = Client.force_login

    def force_login_verified(self, user, backend=None):
        force_login(self, user, backend)
        mark_verified(self, user)

    monkeypatch.setattr(Client, "force_login", force_login_verified)


@pytest.fixture
def project(db):
    """A published, ongoing project (a year behind it, a year ahead)."""
    return factories.ProjectFactory()


@pytest.fixture
def team_member(project):
    """A team member: a project officer on `project`'s team."""
    return factories.MembershipFactory(project=project).user


@pytest.fixture
def team_member_client(client, team_member):
    """The test client, signed in as the team member."""
    client.force_login(team_member)
    return client


@pytest.fixture
def vesna_martin(team_member):
    """The team member, named: pages that say who did what show "Vesna Martin"."""
    team_member.first_name, team_member.last_name = "Vesna", "Martin"
    team_member.save()
    return team_member


@pytest.fixture
def outsider(db):
    """An outsider: a project officer on another project's team, not on `project`'s."""
    return factories.MembershipFactory().user


@pytest.fixture
def no_team(db):
    """Someone signed in on no team, not a manager: what a leaked password to any account gives."""
    return factories.UserFactory()


@pytest.fixture
def manager(db):
    """A manager: in the Managers group, so every project and every dashboard."""
    user = factories.UserFactory()
    user.groups.add(Group.objects.get(name="Managers"))
    return user


@pytest.fixture
def admin_user(db):
    """An admin: a superuser, the Django admin included."""
    return factories.UserFactory(is_staff=True, is_superuser=True)


@pytest.fixture
def test_urls(request, settings):
    """The test module's own `urlpatterns` (test views before the portal's) as the URLconf."""
    settings.ROOT_URLCONF = request.module.__name__


@pytest.fixture(autouse=True)
def _english_after_each_test():
    # A request to /fr/... leaves French active in this thread; reverse() would then give /fr/.
    yield
    translation.activate(settings.LANGUAGE_CODE)


@dataclass(frozen=True)
class Demo:
    """The demo data (demo/seed.py) as loaded: the two seed projects by slug."""

    projects: dict[str, Project]

    @property
    def serbia(self):
        return self.projects[seed.SERBIA_SLUG]

    @property
    def kosovo(self):
        return self.projects[seed.KOSOVO_SLUG]

    @property
    def predecessor(self):
        """Seed 001's 2016–2018 action, the Kosovo project's predecessor."""
        return self.kosovo.predecessor


@pytest.fixture
def demo(db):
    """The demo data, loaded as `load_demo` loads it (without the accounts it adds with DEBUG)."""
    return Demo(projects={project.slug: project for project in loader.load()})


@pytest.fixture
def demo_accounts(demo):
    """The demo accounts on top of the demo data, by username (admin, manager, officer-…)."""
    loader.create_accounts()
    return {user.username: user for user in get_user_model().objects.all()}


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploaded files (pictures, renditions, documents) in the test's own temporary folder."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path
