"""Programme pages (public) and programme set-up (managers)."""

from decimal import Decimal

import lxml.html
import pytest
from django.urls import reverse

from projects.models import Envelope, Programme, ProgrammeFunder, ProgrammePhase
from tests import factories
from tests.helpers import signed_in

pytestmark = pytest.mark.django_db


def form_data(response):
    (form,) = lxml.html.fromstring(response.content).xpath('//form[@id="programme-form"]')
    data = {}
    for name, value in form.form_values():
        if "__prefix__" not in name:
            data.setdefault(name, []).append(value.removeprefix("\n"))
    return data


def test_a_manager_sets_up_a_programme_with_phases_shares_and_then_envelopes(manager):
    eu, coe = factories.InstitutionFactory(kind="donor"), factories.InstitutionFactory()
    serbia = factories.CountryFactory(code="RS")
    client = signed_in(manager)
    data = form_data(client.get(reverse("programmes:create")))
    data |= {
        "name": ["Horizontal Facility"],
        "acronym": ["HF"],
        "budget": ["41000000"],
        "currency": ["EUR"],
        "themes": ["Rule of law\nFight against corruption"],
        "phases-0-name": ["Phase I"],
        "phases-0-start_year": ["2016"],
        "phases-0-end_year": ["2019"],
        "phases-1-name": ["Phase II"],
        "phases-1-position": ["1"],
        "funders-0-funder": [str(eu.pk)],
        "funders-0-share": ["85"],
        "funders-1-funder": [str(coe.pk)],
        "funders-1-share": ["15"],
    }

    response = client.post(reverse("programmes:create"), data)

    programme = Programme.objects.get()
    assert response["Location"] == reverse("programmes:detail", args=[programme.slug])
    assert [p.name for p in programme.phases.all()] == ["Phase I", "Phase II"]
    assert {(f.funder, f.share) for f in ProgrammeFunder.objects.all()} == {
        (eu, Decimal(85)),
        (coe, Decimal(15)),
    }
    assert programme.theme_list == ["Rule of law", "Fight against corruption"]

    url = reverse("programmes:update", args=[programme.slug])
    data = form_data(client.get(url))
    phase_two = ProgrammePhase.objects.get(name="Phase II")
    data |= {
        "envelopes-0-phase": [str(phase_two.pk)],
        "envelopes-0-country": [str(serbia.pk)],
        "envelopes-0-actions": ["4"],
        "envelopes-0-amount": ["2500000"],
    }
    assert client.post(url, data).status_code == 302
    envelope = Envelope.objects.get()
    assert (envelope.phase, envelope.country, envelope.actions) == (phase_two, serbia, 4)


def test_shares_above_100_percent_are_refused_with_nothing_saved(manager):
    client = signed_in(manager)
    data = form_data(client.get(reverse("programmes:create")))
    data |= {
        "name": ["Too generous"],
        "currency": ["EUR"],
        "funders-0-funder": [str(factories.InstitutionFactory().pk)],
        "funders-0-share": ["70"],
        "funders-1-funder": [str(factories.InstitutionFactory().pk)],
        "funders-1-share": ["40"],
    }

    response = client.post(reverse("programmes:create"), data)

    assert response.status_code == 200
    assert "The shares of the funders add up to 110%, above 100%." in response.content.decode()
    assert not Programme.objects.exists()


def test_the_programme_form_says_what_to_do_about_each_phase_and_share(manager):
    client = signed_in(manager)
    data = form_data(client.get(reverse("programmes:create")))
    data |= {
        "name": [""],
        "currency": ["EUR"],
        "phases-0-name": ["Phase I"],
        "phases-0-start_year": ["two thousand"],
        "funders-0-funder": ["999999"],
        "funders-0-share": ["85"],
    }

    html = client.post(reverse("programmes:create"), data).content.decode()

    assert "Enter the name." in html
    assert "Enter the first year as a number." in html
    assert "Choose the funder from the list" in html
    assert "This field is required" not in html
    assert not Programme.objects.exists()


def test_programme_page_groups_projects_by_phase_and_country_beside_stated_figures(client):
    programme = factories.ProgrammeFactory(name="Horizontal Facility", acronym="HF")
    programme.budget = Decimal(41_000_000)
    programme.save()
    phase = ProgrammePhase.objects.create(programme=programme, name="Phase II", position=1)
    serbia, albania = factories.CountryFactory(code="RS"), factories.CountryFactory(code="AL")
    Envelope.objects.create(
        programme=programme, phase=phase, country=serbia, actions=3, amount=2_000_000
    )
    factories.ProjectFactory(
        title="Prisons", programme=programme, phase="Phase II", budget=1_500_000, countries=[serbia]
    )
    factories.ProjectFactory(
        title="Police", programme=programme, phase="Phase II", budget=500_000, countries=[albania]
    )
    factories.ProjectFactory(title="Hidden draft", programme=programme, is_published=False)

    doc = lxml.html.fromstring(client.get(programme.get_absolute_url()).content)

    assert doc.xpath("string(//dd[@class='programme-budget'])") == "41,000,000 EUR"
    assert doc.xpath("string(//dd[@class='projects-budget'])").startswith(
        "2,000,000 EUR (2 projects)"
    )
    headings = [" ".join(h.text_content().split()) for h in doc.xpath("//h3|//h4")]
    assert headings == ["Phase II", "Albania", "Serbia"]
    envelope = [
        " ".join(c.text_content().split())
        for c in doc.xpath("//table[contains(@class, 'envelopes')]//tbody/tr/*")
    ]
    assert envelope == ["Serbia", "Phase II", "3", "2,000,000 EUR", "1,500,000 EUR"]
    assert "Hidden draft" not in lxml.html.tostring(doc).decode()


def test_the_programme_list_links_each_programme(client, db):
    programme = factories.ProgrammeFactory(name="Horizontal Facility")
    factories.ProjectFactory(programme=programme)

    doc = lxml.html.fromstring(client.get(reverse("programmes:list")).content)

    assert doc.xpath("//ul[@class='list-unstyled programmes']//a/@href") == [
        programme.get_absolute_url()
    ]
    assert "1 project" in doc.text_content()
