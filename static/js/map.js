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
  // Every point of a feature's (multi)polygons, as [longitude, latitude].
  function points(feature) {
    return feature.geometry ? feature.geometry.coordinates.flat(3) : [];
  }
  function corners(feature) {
    const flat = points(feature);
    const box = [180, 90, -180, -90];
    for (let i = 0; i + 1 < flat.length; i += 2) {
      box[0] = Math.min(box[0], flat[i]);
      box[1] = Math.min(box[1], flat[i + 1]);
      box[2] = Math.max(box[2], flat[i]);
      box[3] = Math.max(box[3], flat[i + 1]);
    }
    return box;
  }
  // The countries with figures and their neighbours (a margin of MARGIN degrees around them), so
  // that the Balkans are not a speck on a world map; the whole world when nothing has figures.
  const MARGIN = 8;
  function around(counted, features) {
    if (!counted.length) {
      return features;
    }
    const boxes = counted.map(corners);
    const west = Math.min(...boxes.map((b) => b[0])) - MARGIN;
    const south = Math.min(...boxes.map((b) => b[1])) - MARGIN;
    const east = Math.max(...boxes.map((b) => b[2])) + MARGIN;
    const north = Math.max(...boxes.map((b) => b[3])) + MARGIN;
    return features.filter((feature) => {
      const [w, s, e, n] = corners(feature);
      return w >= west && e <= east && s >= south && n <= north;
    });
  }

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
        const shown = around(features.filter(find), features);
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
