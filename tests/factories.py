"""factory-boy factories: every test builds its own data from these."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from activities.models import Activity, ActivityImport, NewsItem
from projects.models import (
    BudgetLine,
    Component,
    Funding,
    Indicator,
    IndicatorValue,
    Objective,
    Programme,
    Project,
    ProjectMembership,
    ProjectPartner,
)
from projects.periods import period_for
from stakeholders.models import KOSOVO_FOOTNOTE, KOSOVO_FOOTNOTE_FR, Contact, Country, Institution

PASSWORD = "correct-horse-battery"  # noqa: S105


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("code",)

    code = factory.Iterator(["RS", "IE", "BE", "DE", "NO", "FR", "AL", "ME", "MK", "BA"])
    name = factory.LazyAttribute(
        lambda c: {
            "RS": "Serbia",
            "IE": "Ireland",
            "BE": "Belgium",
            "DE": "Germany",
            "NO": "Norway",
            "FR": "France",
            "AL": "Albania",
            "ME": "Montenegro",
            "MK": "North Macedonia",
            "BA": "Bosnia and Herzegovina",
        }[c.code]
    )


class KosovoFactory(CountryFactory):
    code = "XK"
    name = "Kosovo"
    footnote = KOSOVO_FOOTNOTE
    footnote_fr = KOSOVO_FOOTNOTE_FR


class InstitutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Institution

    name = factory.Sequence(lambda n: f"Institution {n}")
    kind = Institution.Kind.MINISTRY
    country = factory.SubFactory(CountryFactory, code="RS")


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    institution = factory.SubFactory(InstitutionFactory)
    name = factory.Faker("name")
    position = "Head of unit"
    email = factory.Faker("email")


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Programme {n}")


class ProjectFactory(factory.django.DjangoModelFactory):
    """A published project running from a year ago to a year ahead, budget 100,000 EUR."""

    class Meta:
        model = Project
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Project {n}")
    summary = factory.LazyAttribute(lambda p: f"What {p.title} does.")
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=365))
    end_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=365))
    budget = 100_000
    is_published = True

    @factory.post_generation
    def countries(obj, create, extracted, **kwargs):
        if create:
            obj.countries.set(extracted if extracted is not None else [CountryFactory(code="RS")])


class ProjectRowFactory(factory.django.DjangoModelFactory):
    """A row that belongs to a project: to a new published one unless `project=` is given."""

    class Meta:
        abstract = True

    project = factory.SubFactory(ProjectFactory)


def many_to_many(name):
    """A declaration that sets the `name` links to the list given (`countries=[…]`), if any."""

    def set_links(obj, create, extracted, **kwargs):
        if create and extracted:
            getattr(obj, name).set(extracted)

    return factory.PostGeneration(set_links)


class FundingFactory(ProjectRowFactory):
    class Meta:
        model = Funding

    funder = factory.SubFactory(InstitutionFactory, kind=Institution.Kind.DONOR)
    kind = Funding.Kind.VOLUNTARY


def eu_and_coe_funding(project, eu, coe):
    """The usual pair: an EU contribution and the Council of Europe's own budget."""
    return [
        FundingFactory(
            project=project,
            funder__name="European Union",
            kind=Funding.Kind.EU_CONTRIBUTION,
            amount=eu,
        ),
        FundingFactory(
            project=project,
            funder__name="Council of Europe",
            funder__kind=Institution.Kind.INTERNATIONAL,
            kind=Funding.Kind.COE_BUDGET,
            amount=coe,
        ),
    ]


class BudgetLineFactory(ProjectRowFactory):
    class Meta:
        model = BudgetLine

    year = 2024
    amount = 100_000


class ComponentFactory(ProjectRowFactory):
    class Meta:
        model = Component

    code = factory.Sequence(lambda n: chr(ord("A") + n % 26))
    title = factory.Sequence(lambda n: f"Component {n + 1}")


class ObjectiveFactory(ProjectRowFactory):
    """A specific objective under its project's overall objective."""

    class Meta:
        model = Objective

    level = Objective.Level.SPECIFIC
    parent = factory.LazyAttribute(
        lambda o: Objective.objects.get_or_create(
            project=o.project,
            level=Objective.Level.OVERALL,
            defaults={"code": "0", "title": "Overall objective"},
        )[0]
    )
    code = factory.Sequence(lambda n: str(n + 1))
    title = factory.Sequence(lambda n: f"Specific objective {n + 1}")
    position = factory.Sequence(int)


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    objective = factory.SubFactory(ObjectiveFactory)
    name = factory.Sequence(lambda n: f"Staff trained {n}")
    unit = "people"
    baseline = 0
    target = 100


class IndicatorValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    date = factory.LazyFunction(timezone.localdate)
    value = 10
    # The project's period holding the date (made for that calendar year when none does).
    period = factory.LazyAttribute(lambda v: period_for(v.indicator.objective.project_id, v.date))


class PartnerFactory(ProjectRowFactory):
    class Meta:
        model = ProjectPartner

    institution = factory.SubFactory(InstitutionFactory)
    role = ProjectPartner.Role.BENEFICIARY


class MembershipFactory(ProjectRowFactory):
    class Meta:
        model = ProjectMembership

    user = factory.SubFactory(UserFactory)
    role = ProjectMembership.Role.OFFICER


class ActivityFactory(ProjectRowFactory):
    """A one-day training held a month ago, inside its project's period."""

    class Meta:
        model = Activity
        skip_postgeneration_save = True

    kind = Activity.Kind.TRAINING
    title = factory.Sequence(lambda n: f"Training {n}")
    status = Activity.Status.HELD
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    end_date = factory.LazyAttribute(lambda a: a.start_date)
    city = "Belgrade"

    countries = many_to_many("countries")
    objectives = many_to_many("objectives")
    institutions = many_to_many("institutions")


def trainings_serving(objective, count):
    """`count` trainings "Training 00", "Training 01"… a day apart from the project's start."""
    project = objective.project
    return [
        ActivityFactory(
            project=project,
            title=f"Training {n:02}",
            start_date=project.start_date + datetime.timedelta(days=n),
            objectives=[objective],
        )
        for n in range(count)
    ]


class NewsItemFactory(ProjectRowFactory):
    class Meta:
        model = NewsItem

    title = factory.Sequence(lambda n: f"News story {n}")
    dateline = "Belgrade, Serbia"
    published_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=1))
    lead = "What happened, in one paragraph."
    body = "More about it, in **Markdown**."
    is_published = True


class ActivityImportFactory(factory.django.DjangoModelFactory):
    """A spreadsheet uploaded by `user`, waiting for confirmation: one training for `project`."""

    class Meta:
        model = ActivityImport
        exclude = ["project"]

    user = factory.SubFactory(UserFactory)
    project = factory.SubFactory(ProjectFactory)
    file_name = "activities.xlsx"
    sheet = factory.LazyAttribute(
        lambda i: {
            "ignored": [],
            "rows": [
                {
                    "number": 2,
                    "cells": {
                        "project": i.project.title,
                        "kind": "Training",
                        "title": "Imported training",
                        "start": i.project.start_date.isoformat(),
                    },
                    "formulas": [],
                    "errors": [],
                    "skipped": False,
                }
            ],
        }
    )
