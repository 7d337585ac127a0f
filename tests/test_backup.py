"""No data loss: backups round-trip the whole database; deleted records come back from history."""

import stat

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command

from activities.models import Activity, NewsItem
from projects.models import Project
from scripts import backup as backups
from stakeholders.models import Contact, Institution
from tests import factories

ON_POSTGRES = backups.is_postgres(settings.DATABASES["default"])


def row_counts():
    return {model._meta.label: model._base_manager.count() for model in apps.get_models()}


@pytest.fixture(scope="module")
def put_back_afterwards(django_db_setup, django_db_blocker, tmp_path_factory):
    """Back up the test database before, and restore it after, a transactional test.

    A transactional test ends by emptying every table, the rows the migrations seeded (the
    Managers group) included, and --reuse-db would keep it so. Module-scoped, this fixture is
    set up before the test's database fixture and torn down after its flush.
    """
    with django_db_blocker.unblock():
        pristine = backups.backup(tmp_path_factory.mktemp("pristine"))
    yield
    with django_db_blocker.unblock():
        backups.restore(pristine)


# pg_dump sees committed rows only, so the test data must really be committed.
@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_every_row_into_an_emptied_database(put_back_afterwards, tmp_path):
    project = factories.ProjectFactory(title="Prison health reform", budget=1_250_000)
    factories.FundingFactory(project=project)
    objective = factories.ObjectiveFactory(project=project)
    institution = factories.InstitutionFactory(name="Ministry of Justice")
    factories.ContactFactory(institution=institution, email="desk@justice.example")
    activity = factories.ActivityFactory(
        project=project, title="Training for prison doctors", participants_total=24
    )
    activity.objectives.set([objective])
    activity.institutions.set([institution])
    factories.NewsItemFactory(project=project, activity=activity, title="Doctors trained")
    factories.MembershipFactory(project=project)
    before = row_counts()
    assert before["activities.HistoricalActivity"] >= 1

    path = backups.backup(tmp_path)
    call_command("flush", interactive=False, verbosity=0)
    assert Project.objects.count() == Activity.objects.count() == 0

    backups.restore(path)

    assert row_counts() == before
    restored = Activity.objects.get(pk=activity.pk)
    assert restored.title == "Training for prison doctors"
    assert restored.participants_total == 24
    assert list(restored.objectives.all()) == [objective]
    assert list(restored.institutions.values_list("name", flat=True)) == ["Ministry of Justice"]
    assert Project.objects.get(pk=project.pk).budget == 1_250_000
    assert Contact.objects.get().email == "desk@justice.example"
    assert NewsItem.objects.get().activity_id == activity.pk
    assert Institution.objects.get(pk=institution.pk).name == "Ministry of Justice"


def test_a_backup_is_readable_by_its_owner_only(db, tmp_path):
    directory = tmp_path / "backups"
    first = backups.backup(directory)
    directory.chmod(0o755)  # an existing directory made private again
    second = backups.backup(directory)

    assert stat.S_IMODE(directory.stat().st_mode) == 0o700
    assert [stat.S_IMODE(path.stat().st_mode) for path in (first, second)] == [0o600, 0o600]
    assert second.stat().st_size > 0


def test_restore_refuses_a_file_that_is_not_a_backup_of_this_kind(db, tmp_path):
    wrong = tmp_path / ("portal.json.gz" if ON_POSTGRES else "portal.dump")
    wrong.write_bytes(b"not a backup")
    factories.ProjectFactory(title="Still here")

    with pytest.raises(ValueError, match="is not a"):
        backups.restore(wrong)
    assert Project.objects.filter(title="Still here").exists()


def test_restore_without_a_backup_file_says_so(db, tmp_path):
    with pytest.raises(FileNotFoundError):
        backups.restore(tmp_path / "missing.dump")
    with pytest.raises(FileNotFoundError, match="No backups"):
        backups.newest_backup(tmp_path)


def test_the_newest_backup_is_restored_by_default(db, tmp_path):
    first = backups.backup(tmp_path)
    second = backups.backup(tmp_path)
    assert first != second
    assert backups.newest_backup(tmp_path) == second


def test_restore_asks_before_replacing_the_database(db, monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(backups, "setup_django", lambda: None)
    monkeypatch.setattr("builtins.input", lambda prompt: "n")
    path = backups.backup(tmp_path)
    factories.ProjectFactory(title="Added after the backup")

    assert backups.main(["restore", str(path)]) == 1
    assert "Nothing restored" in capsys.readouterr().out
    assert Project.objects.filter(title="Added after the backup").exists()


# History ------------------------------------------------------------------------------------


def test_a_deleted_activity_comes_back_from_its_history_with_its_fields(db, team_member, project):
    activity = factories.ActivityFactory(
        project=project,
        title="Study visit to Oslo prisons",
        kind=Activity.Kind.STUDY_VISIT,
        city="Oslo",
        participants_total=12,
        participants_women=7,
        participants_men=5,
        description="Six governors and six doctors.",
        created_by=team_member,
    )
    pk = activity.pk
    activity.delete()
    assert not Activity.objects.filter(pk=pk).exists()

    deletion = Activity.history.filter(id=pk).first()
    assert deletion.history_type == "-"
    deletion.instance.save()

    back = Activity.objects.get(pk=pk)
    assert back.title == "Study visit to Oslo prisons"
    assert back.kind == Activity.Kind.STUDY_VISIT
    assert back.project == project
    assert (back.participants_total, back.participants_women, back.participants_men) == (12, 7, 5)
    assert back.description == "Six governors and six doctors."
    assert back.created_by == team_member
    assert Activity.history.filter(id=pk).first().history_type in {"+", "~"}


@pytest.mark.parametrize(
    ("factory", "model"),
    [
        (factories.ProjectFactory, Project),
        (factories.ActivityFactory, Activity),
        (factories.NewsItemFactory, NewsItem),
    ],
    ids=["project", "activity", "news"],
)
def test_changes_and_deletions_are_kept_in_history(db, factory, model):
    record = factory(title="First title")
    record.title = "Second title"
    record.save()
    pk = record.pk
    record.delete()

    history = model.history.filter(id=pk).order_by("history_date", "history_id")
    assert [(h.history_type, h.title) for h in history] == [
        ("+", "First title"),
        ("~", "Second title"),
        ("-", "Second title"),
    ]


def test_an_earlier_version_of_a_news_item_can_be_brought_back(db):
    news = factories.NewsItemFactory(title="Doctors trained in Belgrade", lead="The first lead.")
    news.title = "A wrong title"
    news.lead = "A wrong lead."
    news.save()

    first = news.history.earliest("history_date")
    first.instance.save()

    news.refresh_from_db()
    assert (news.title, news.lead) == ("Doctors trained in Belgrade", "The first lead.")


def test_a_backup_keeps_the_uploaded_files_beside_the_database(db, tmp_path_factory, media_root):
    (media_root / "pictures").mkdir()
    (media_root / "pictures" / "court.jpg").write_bytes(b"photo")
    (media_root / "documents").mkdir()
    (media_root / "documents" / "list.pdf").write_bytes(b"%PDF-1.4")
    directory = tmp_path_factory.mktemp("backups")
    path = backups.backup(directory)
    archive = backups.media_archive(path)
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert backups.newest_backup(directory) == path  # the archive is no backup

    (media_root / "pictures" / "court.jpg").unlink()
    (media_root / "stray.txt").write_bytes(b"added after the backup")
    assert backups.restore_media(path)
    assert (media_root / "pictures" / "court.jpg").read_bytes() == b"photo"
    assert (media_root / "documents" / "list.pdf").read_bytes() == b"%PDF-1.4"
    assert not (media_root / "stray.txt").exists()
