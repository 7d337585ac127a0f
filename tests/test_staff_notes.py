"""Editorial notes for staff: the team and managers read them, visitors never do."""

from django.test import Client

from tests import factories


def test_staff_only_notes_show_to_the_team_and_never_to_visitors(project, team_member, manager):
    factories.FundingFactory(
        project=project, note="Through the Facility.", internal_note="Amount not stated."
    )
    factories.PartnerFactory(project=project, internal_note="Named on the page as NPM.")
    activity = factories.ActivityFactory(
        project=project, internal_note="The page does not state the number of participants."
    )
    visitor, team, managers = Client(), Client(), Client()
    team.force_login(team_member)
    managers.force_login(manager)
    notes = ("Amount not stated.", "Named on the page as NPM.")
    for reader, shown in ((visitor, False), (team, True), (managers, True)):
        page = reader.get(project.get_absolute_url()).content.decode()
        assert "Through the Facility." in page  # the public note, for everyone
        assert all((note in page) is shown for note in notes)
        page = reader.get(activity.get_absolute_url()).content.decode()
        assert ("does not state the number of participants" in page) is shown
        # Nor in the API or the feeds a visitor reads.
    api = visitor.get(f"/api/activities/{activity.pk}/").content.decode()
    assert "does not state" not in api
