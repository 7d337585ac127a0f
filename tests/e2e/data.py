"""A small, realistic portal for the browser tests, built with the project's factories."""

import datetime
from types import SimpleNamespace

from django.contrib.auth.models import Group
from django.utils import timezone

from activities.models import Activity
from projects.models import Funding, Objective, ProjectMembership, ProjectPartner
from stakeholders.models import Institution
from tests import factories


def build_site():
    """One project in Kosovo* with its logframe, team, partners, activities and news."""
    today = timezone.localdate()
    kosovo = factories.KosovoFactory()
    programme = factories.ProgrammeFactory(
        name="Horizontal Facility for the Western Balkans and Turkey", acronym="HF"
    )
    project = factories.ProjectFactory(
        title="Improvement of the treatment of persons deprived of their liberty",
        code="PGG-KOS-2022",
        programme=programme,
        summary=(
            "Supports reform initiatives so that treatment and healthcare for persons deprived "
            "of liberty comply with Council of Europe standards."
        ),
        description="The Project will focus on supporting reform initiatives.",
        budget=850_000,
        target_groups="Healthcare professionals and other staff in prisons.",
        countries=[kosovo],
    )
    ministry = factories.InstitutionFactory(
        name="Ministry of Justice", acronym="MoJ", kind=Institution.Kind.MINISTRY, country=kosovo
    )
    prisons = factories.InstitutionFactory(
        name="Kosovo Correctional Service",
        acronym="KCS",
        kind=Institution.Kind.PRISON,
        country=kosovo,
    )
    ombudsperson = factories.InstitutionFactory(
        name="Ombudsperson Institution",
        acronym="OIK",
        kind=Institution.Kind.INDEPENDENT_BODY,
        country=kosovo,
    )
    for country_code, name in [("BE", "Belgium"), ("IE", "Ireland")]:
        factories.FundingFactory(
            project=project,
            funder=factories.InstitutionFactory(
                name=f"Government of {name}",
                kind=Institution.Kind.DONOR,
                country=factories.CountryFactory(code=country_code),
            ),
            kind=Funding.Kind.VOLUNTARY,
            amount=200_000,
        )
    factories.PartnerFactory(
        project=project, institution=ministry, role=ProjectPartner.Role.BENEFICIARY
    )
    factories.PartnerFactory(
        project=project, institution=prisons, role=ProjectPartner.Role.BENEFICIARY
    )
    overall = Objective.objects.create(
        project=project,
        level=Objective.Level.OVERALL,
        code="0",
        title="Persons deprived of liberty are treated in line with European standards.",
    )
    healthcare = factories.ObjectiveFactory(
        project=project,
        parent=overall,
        code="1",
        title="Healthcare in prisons and forensic institutions meets European standards.",
    )
    safeguards = factories.ObjectiveFactory(
        project=project,
        parent=overall,
        code="2",
        title="Safeguards against ill-treatment are applied in closed institutions.",
    )
    indicator = factories.IndicatorFactory(
        objective=healthcare, name="Prison healthcare staff trained", unit="people", target=120
    )
    factories.IndicatorValueFactory(
        indicator=indicator, value=45, date=today - datetime.timedelta(days=60)
    )

    team_member = factories.UserFactory(username="alice", first_name="Alice", last_name="Officer")
    colleague = factories.UserFactory(username="carol", first_name="Carol", last_name="Officer")
    for user in (team_member, colleague):
        factories.MembershipFactory(project=project, user=user, role=ProjectMembership.Role.OFFICER)
    manager = factories.UserFactory(username="bob", first_name="Bob", last_name="Manager")
    manager.groups.add(Group.objects.get(name="Managers"))
    admin = factories.UserFactory(username="admin", is_staff=True, is_superuser=True)

    training = factories.ActivityFactory(
        project=project,
        kind=Activity.Kind.TRAINING,
        title="Training on medical documentation of injuries for prison doctors",
        start_date=today - datetime.timedelta(days=40),
        end_date=today - datetime.timedelta(days=38),
        city="Pristina",
        participants_total=24,
        participants_women=14,
        participants_men=10,
        description="Three days on documenting injuries, following the Istanbul Protocol.",
        countries=[kosovo],
        objectives=[healthcare],
        institutions=[prisons, ombudsperson],
    )
    meeting = factories.ActivityFactory(
        project=project,
        kind=Activity.Kind.MEETING,
        title="Steering committee meeting",
        start_date=today - datetime.timedelta(days=10),
        city="Pristina",
        participants_total=12,
        objectives=[safeguards],
        institutions=[ministry],
    )
    visit = factories.ActivityFactory(
        project=project,
        kind=Activity.Kind.STUDY_VISIT,
        title="Study visit to the Irish Prison Service",
        status=Activity.Status.PLANNED,
        start_date=today + datetime.timedelta(days=20),
        end_date=today + datetime.timedelta(days=23),
        city="Dublin",
        objectives=[healthcare],
        institutions=[prisons],
    )
    story = factories.NewsItemFactory(
        project=project,
        activity=training,
        title="Prison doctors trained to document injuries",
        dateline="Pristina",
        lead="Twenty-four prison doctors and nurses learned to document signs of ill-treatment.",
        body="The training followed the **Istanbul Protocol**.",
        author=team_member,
    )
    draft = factories.NewsItemFactory(
        project=project,
        title="Draft: steering committee takes stock",
        is_published=False,
        author=team_member,
    )
    return SimpleNamespace(
        project=project,
        objectives=SimpleNamespace(overall=overall, healthcare=healthcare, safeguards=safeguards),
        indicator=indicator,
        institutions=SimpleNamespace(ministry=ministry, prisons=prisons, ombudsperson=ombudsperson),
        activities=SimpleNamespace(training=training, meeting=meeting, visit=visit),
        story=story,
        draft=draft,
        team_member=team_member,
        colleague=colleague,
        manager=manager,
        admin=admin,
    )
