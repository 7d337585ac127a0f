from io import StringIO

from django.core.management import call_command


def test_models_and_migrations_agree(db):
    out = StringIO()
    call_command("makemigrations", check=True, dry_run=True, stdout=out)


def test_the_managers_role_survives_a_flush(transactional_db):
    """`flush` (and every transactional test's clean-up) empties auth_group; the role comes back."""
    from django.contrib.auth.models import Group

    call_command("flush", interactive=False, verbosity=0)
    managers = Group.objects.get(name="Managers")
    assert [p.codename for p in managers.permissions.all()] == ["manage_all_projects"]
