// Draws the dashboards' charts. Each <canvas data-chart="ID"> reads its Chart.js config from the
// JSON in <script id="ID" type="application/json"> (written by Django's json_script filter).
// The same figures are in a table beside each chart, so nothing here is the only way to read them.
(function () {
  if (typeof Chart === "undefined") {
    return;
  }
  const dateLabel = (ms) =>
    new Date(ms).toLocaleDateString(document.documentElement.lang || undefined, {
      year: "numeric",
      month: "short",
    });

  // A project timeline: bars floating from start to end date, on a linear scale of milliseconds.
  function timeline(config) {
    config.data.datasets.forEach((dataset) => {
      dataset.data = dataset.data.map((period) => period.map((day) => Date.parse(day)));
    });
    const days = config.data.datasets.flatMap((dataset) => dataset.data.flat());
    const month = 31 * 24 * 3600 * 1000;
    config.options = Object.assign({}, config.options, {
      scales: {
        x: {
          type: "linear",
          min: Math.min(...days) - month,
          max: Math.max(...days) + month,
          ticks: { callback: (value) => dateLabel(value) },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: (item) => item.raw.map((ms) => new Date(ms).toLocaleDateString()).join(" – "),
          },
        },
      },
    });
    return config;
  }

  document.querySelectorAll("canvas[data-chart]").forEach((canvas) => {
    const source = document.getElementById(canvas.dataset.chart);
    if (!source) {
      return;
    }
    let config = JSON.parse(source.textContent);
    if (config.portalTimeline) {
      delete config.portalTimeline;
      config = timeline(config);
    }
    config.options = Object.assign({ responsive: true, maintainAspectRatio: true }, config.options);
    new Chart(canvas, config);
  });
})();
