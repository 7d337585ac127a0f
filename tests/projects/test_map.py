"""The map (issue 15, item 7): activities and projects by country, drawn from vendored files."""

import json
from pathlib import Path

from django.conf import settings
from django.urls import reverse

from tests import factories
from tests.helpers import page, texts

VENDOR = Path(settings.BASE_DIR) / "static" / "vendor"


def test_the_home_map_counts_published_activities_by_country_with_kosovo_footnoted(client, project):
    kosovo, serbia = factories.KosovoFactory(), factories.CountryFactory(code="RS", name="Serbia")
    project.countries.set([kosovo, serbia])
    factories.ActivityFactory(project=project, countries=[kosovo])
    factories.ActivityFactory(project=project, countries=[kosovo, serbia])
    draft = factories.ProjectFactory(is_published=False)
    factories.ActivityFactory(project=draft, countries=[serbia])

    doc = page(client.get(reverse("home")))

    rows = doc.xpath("//figure[@id='map-countries']//tbody/tr")
    assert [texts(row, "./*") for row in rows] == [["Kosovo*", "2", "1"], ["Serbia", "1", "1"]]
    data = json.loads(doc.xpath("//script[@id='map-countries-data']")[0].text)
    assert {c["name"]: (c["numeric"], c["featureName"]) for c in data["countries"]} == {
        "Kosovo*": (None, "Kosovo"),
        "Serbia": ("688", None),
    }
    assert "United Nations Security Council Resolution 1244" in doc.text_content()
    canvas = doc.xpath("//canvas[@data-map]")[0]
    assert canvas.get("data-atlas").endswith("vendor/world-atlas/countries-110m.json")
    scripts = [s.get("src") for s in doc.xpath("//script[@src]")]
    assert any(src.endswith("chartjs-chart-geo.umd.min.js") for src in scripts)


def test_the_vendored_boundaries_draw_kosovo_as_its_own_unit_beside_serbia():
    atlas = json.loads((VENDOR / "world-atlas" / "countries-110m.json").read_text())
    names = {
        g["properties"]["name"]: g.get("id") for g in atlas["objects"]["countries"]["geometries"]
    }
    assert names["Kosovo"] is None and names["Serbia"] == "688"
    assert "Chart.js v4" in (VENDOR / "chartjs" / "chart.umd.min.js").read_text()[:200]
    for licence in ("chartjs-chart-geo/LICENSE", "world-atlas/LICENSE"):
        assert (VENDOR / licence).exists()


def test_the_portfolio_map_follows_its_filters(client, manager, project):
    serbia = factories.CountryFactory(code="RS", name="Serbia")
    project.countries.set([serbia])
    factories.ActivityFactory(project=project, countries=[serbia])
    client.force_login(manager)

    doc = page(client.get(reverse("portfolio")))
    assert texts(doc, "//figure[@id='map-countries']//tbody/tr/*") == ["Serbia", "1", "1"]
    doc = page(client.get(reverse("portfolio") + "?start=2100-01-01"))
    assert texts(doc, "//figure[@id='map-countries']//tbody/tr/*") == ["Serbia", "0", "1"]
    doc = page(client.get(reverse("projects:dashboard", args=[project.slug])))
    assert texts(doc, "//figure[@id='map-countries']//tbody/tr/*") == ["Serbia", "1", "1"]
