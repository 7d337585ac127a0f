"""What visitors read of results: approved values only, on the project page and the portfolio."""

import datetime

from django.urls import reverse

from projects.models import IndicatorDefinition, IndicatorValue
from tests import factories
from tests.helpers import page, texts

D = datetime.date


def results_table(client, project):
    doc = page(client.get(reverse("projects:detail", args=[project.slug])))
    return doc, [
        " | ".join(t.strip() for t in row.xpath(".//th//text()|.//td//text()") if t.strip())
        for row in doc.xpath("//table[contains(@class, 'results-table')]/tbody/tr")
    ]


def test_the_project_page_shows_approved_progress_and_key_figures_to_visitors(client, project):
    objective = factories.ObjectiveFactory(project=project, code="1")
    judges = factories.IndicatorFactory(
        objective=objective, name="Judges trained", baseline=10, target=110, cumulative=True
    )
    rate = factories.IndicatorFactory(
        objective=objective, name="Cases closed on time", unit="%", baseline=40, target=80
    )
    day = project.start_date
    factories.IndicatorValueFactory(indicator=judges, date=day, value=30, status="approved")
    factories.IndicatorValueFactory(indicator=judges, date=day, value=20, status="approved")
    factories.IndicatorValueFactory(indicator=judges, date=day, value=500, status="submitted")
    factories.IndicatorValueFactory(indicator=rate, date=day, value=60, status="approved")
    factories.IndicatorValueFactory(indicator=rate, date=day, value=99, status="returned")
    ministry, court = factories.InstitutionFactory.create_batch(2)
    factories.ActivityFactory(
        project=project,
        participants_total=40,
        participants_women=30,
        participants_men=10,
        institutions=[ministry, court],
    )
    factories.ActivityFactory(project=project, institutions=[ministry])  # no count: not known
    factories.ActivityFactory(project=project, status="planned", participants_total=500)

    doc, rows = results_table(client, project)
    # Cumulative: the baseline plus the approved values; otherwise the latest approved value.
    assert rows == [
        "Judges trained | (people) | 10 | 110 | 60 | " + f"{day:%B %Y} | 50 % of the target",
        f"Cases closed on time | (%) | 40 | 80 | 60 | {day:%B %Y} | 50 % of the target",
    ]
    assert doc.xpath("//progress[@aria-label='Progress of Judges trained']/@value") == ["50"]
    figures = dict(
        zip(
            texts(doc, "//dl[contains(@class, 'key-figures')]//dt"),
            texts(doc, "//dl[contains(@class, 'key-figures')]//dd"),
            strict=True,
        )
    )
    assert figures == {
        "Activities held": "2",
        "Participants": "40",
        "Share of women": "75 %",
        "Institutions reached": "2",
    }
    assert not IndicatorValue.objects.approved().filter(value__in=[500, 99]).exists()


def test_the_portfolio_sums_shared_indicators_of_the_same_unit_per_programme(client, db):
    trained = IndicatorDefinition.objects.create(name="People trained", unit="people")
    programme = factories.ProgrammeFactory(name="Horizontal Facility")
    first, second = factories.ProjectFactory.create_batch(2, programme=programme)
    alone = factories.ProjectFactory(programme=None, title="Lone project")
    draft = factories.ProjectFactory(programme=programme, is_published=False)
    for project, value, unit in [
        (first, 30, "people"),
        (second, 12, "People"),
        (alone, 5, "people"),
        (draft, 1000, "people"),
        (first, 7, "sessions"),  # another unit: left out
    ]:
        indicator = factories.IndicatorFactory(
            objective=factories.ObjectiveFactory(project=project), definition=trained, unit=unit
        )
        factories.IndicatorValueFactory(indicator=indicator, value=value, status="approved")
        factories.IndicatorValueFactory(indicator=indicator, value=value + 1, status="draft")
    response = client.get(reverse("results:portfolio"))
    doc = page(response)
    rows = [
        " | ".join(t.strip() for t in row.xpath(".//th//text()|.//td//text()") if t.strip())
        for row in doc.xpath("//section//tbody/tr|//section//tfoot/tr")
    ]
    assert rows == [
        "Horizontal Facility | 42 | 200",
        f"{first.title} | 30 | 100",
        f"{second.title} | 12 | 100",
        "Projects outside a programme | 5 | 100",
        "Lone project | 5 | 100",
        "Total | 47 | 300",
    ]
    assert "1 linked indicator uses another unit and is left out." in response.content.decode()
