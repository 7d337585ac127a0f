// Draws the choropleth maps. Each <canvas data-map="ID" data-atlas="URL"> reads its countries
// from the JSON in <script id="ID" type="application/json"> (Django's json_script) and the
// boundaries from the vendored world-atlas TopoJSON. The same figures are in the table beside
// the map, so nothing here is the only way to read them.
(function () {
  if (typeof Chart === "undefined" || typeof ChartGeo === "undefined") {
    return;
  }
  Chart.register(
    ChartGeo.ChoroplethController,
    ChartGeo.GeoFeature,
    ChartGeo.ColorScale,
    ChartGeo.ProjectionScale
  );
  document.querySelectorAll("canvas[data-map]").forEach((canvas) => {
    const source = document.getElementById(canvas.dataset.map);
    if (!source) {
      return;
    }
    const data = JSON.parse(source.textContent);
    fetch(canvas.dataset.atlas)
      .then((response) => response.json())
      .then((atlas) => {
        const features = ChartGeo.topojson.feature(atlas, atlas.objects.countries).features;
        const byNumeric = new Map();
        const byName = new Map();
        data.countries.forEach((country) => {
          if (country.numeric) byNumeric.set(String(country.numeric), country);
          if (country.featureName) byName.set(country.featureName, country);
        });
        const find = (feature) =>
          byNumeric.get(String(feature.id)) || byName.get(feature.properties.name);
        // Europe and its neighbours, where the portal's projects are; the rest as outline.
        const shown = features.filter((feature) => feature.properties.name !== "Antarctica");
        new Chart(canvas, {
          type: "choropleth",
          data: {
            labels: shown.map((feature) => (find(feature) || {}).name || feature.properties.name),
            datasets: [
              {
                label: data.label,
                outline: shown,
                data: shown.map((feature) => ({
                  feature: feature,
                  value: find(feature) ? find(feature).value : 0,
                })),
              },
            ],
          },
          options: {
            showOutline: true,
            plugins: { legend: { display: false } },
            scales: {
              projection: { axis: "x", projection: "equalEarth" },
              color: { axis: "x", quantize: 5, ticks: { precision: 0 } },
            },
          },
        });
      });
  });
})();
