// Charts with Chart.js (a WebJar): metric curves per step, several runs overlaid, histograms side by side.
const COLOURS = ['#0b5394', '#e69138', '#6aa84f', '#a64d79', '#3d85c6', '#cc0000', '#674ea7', '#45818e', '#bf9000', '#666666'];

export function colour(i) {
  return COLOURS[i % COLOURS.length];
}

/** A line chart of one metric: series [{label, points: [{x, y}]}], x the step. */
export function lineChart(canvas, title, series, options = {}) {
  return new Chart(canvas, {
    type: 'line',
    data: {datasets: series.map((s, i) => ({label: s.label, data: s.points, borderColor: colour(i), backgroundColor: colour(i), tension: 0.1,
      pointRadius: 2, borderDash: s.dashed ? [6, 4] : undefined}))},
    options: {
      animation: false, responsive: true, maintainAspectRatio: false, parsing: false,
      plugins: {title: {display: true, text: title}, legend: {display: series.length > 1}},
      scales: {x: {type: 'linear', title: {display: true, text: options.time ? 'window start (UTC)' : 'step'},
        ticks: options.time ? {callback: v => new Date(v).toISOString().slice(5, 16).replace('T', ' ')} : {}}, y: {beginAtZero: true}},
    },
  });
}

/** Bars of several distributions over the same bins (a reference profile next to monitoring windows). */
export function barChart(canvas, title, labels, series) {
  return new Chart(canvas, {
    type: 'bar',
    data: {labels, datasets: series.map((s, i) => ({label: s.label, data: s.values, backgroundColor: colour(i) + 'aa', borderColor: colour(i)}))},
    options: {animation: false, responsive: true, maintainAspectRatio: false, plugins: {title: {display: true, text: title}}},
  });
}
