// One function per page type: each asks the API for what it shows and writes it into the page.
// Every id is a link to its page (model.js idLink); every graph is drawn by graph.js.
import {blob, find, get} from './api.js';
import {barChart, lineChart} from './charts.js';
import {drawGraph} from './graph.js';
import {
  commitUrl, csv, duration, escapeHtml as x, finalMetrics, href, idLink, impactRows, kindOfId, lineageGraph, merge, metricSeries,
  openAlerts, plottable, provenanceGraph, renamed, unversioned,
} from './model.js';

const enc = encodeURIComponent;
const code = v => `<code>${x(v)}</code>`;
const time = v => (v ? `<time datetime="${x(v)}">${x(String(v).replace('T', ' ').replace(/\.\d+Z$/, 'Z'))}</time>` : '');
const state = s => (s ? `<span class="state s-${x(s).toLowerCase()}">${x(s)}</span>` : '');

function table(header, rows, cls = '') {
  return `<div class="scroll"><table class="${cls}"><thead><tr>${header.map(h => `<th scope="col">${x(h)}</th>`).join('')}</tr></thead>`
    + `<tbody>${rows.join('') || `<tr><td colspan="${header.length}" class="muted">none</td></tr>`}</tbody></table></div>`;
}

function kv(pairs) {
  return '<dl class="kv">' + pairs.filter(([, v]) => v != null && v !== '').map(([k, v]) => `<dt>${x(k)}</dt><dd>${v}</dd>`).join('') + '</dl>';
}

function banner(kind, html) {
  return `<p class="banner ${kind}" role="${kind === 'alert' ? 'alert' : 'status'}">${html}</p>`;
}

function alertBanner(alerts, versionId) {
  const open = openAlerts(alerts, versionId);
  if (!open.length) return '';
  const worst = open.some(a => a.severity === 'ALERT') ? 'ALERT' : 'WARN';
  return banner('alert', `${open.length} open drift alert${open.length > 1 ? 's' : ''} (${x(worst)}) on ${idLink(versionId)}: `
    + open.slice(0, 3).map(a => `${x(a.metric)} of ${code(a.feature)} = ${Number(a.value).toFixed(3)} &gt; ${Number(a.threshold).toFixed(3)}`).join('; '));
}

function redactedBanner(answer) {
  return answer.redacted && answer.redacted.nodes > 0 ? banner('info', x(answer.redacted.note) + ` (readable: ${x(answer.redacted.readableNamespaces.join(', '))})`) : '';
}

function partialBanner(answer) {
  return answer.partial ? banner('warn', 'Partial answer: ' + x(answer.partialReason ?? 'a bound cut it short') + '. Dashed nodes are where it stopped.') : '';
}

function copyBlock(text, labelText) {
  return `<div class="copy"><pre>${x(text)}</pre><button type="button" data-copy="${x(text)}" aria-label="Copy ${x(labelText)}">Copy</button></div>`;
}

function dataRows(refs, withRole = true) {
  return (refs ?? []).map(d => `<tr>${withRole ? `<td>${x(d.role ?? '')}</td>` : ''}<td>${idLink(d.dataset)}</td>`
    + `<td>${d.datasetVersion ? idLink(d.datasetVersion, d.version ?? d.datasetVersion.split('#')[1]) : '<span class="muted">no version known</span>'}</td>`
    + `<td>${idLink(d.writtenBy)}</td><td>${time(d.at)}</td></tr>`);
}

function graphOptions(ctx) {
  return {
    navigate: ctx.navigate,
    merge,
    canExpand: n => ['dataset', 'datasetVersion', 'job', 'jobVersion'].includes(n.kind),
    onExpand: async n => renamed(lineageGraph(await get(`/api/v1/lineage?nodeId=${enc(unversioned(n.id))}&depth=1&direction=upstream`)), unversioned(n.id), n.id),
  };
}

function section(title, body, id) {
  return `<section${id ? ` id="${id}"` : ''}><h2>${x(title)}</h2>${body}</section>`;
}

/** The decision page: what produced it, as a graph and as tables, and whether its model version drifts. */
export async function decision({id, asOf}, ctx) {
  const p = await get(`/api/v1/decisions/${enc(id)}/provenance${asOf ? '?asOf=' + enc(asOf) : ''}`);
  const d = p.decision;
  const mv = p.modelVersion;
  const alerts = d.modelName ? await get(`/api/v1/alerts?model=${enc(d.modelName)}&version=${enc(d.modelVersion)}`).catch(() => []) : [];
  ctx.title(`Decision ${id}`);
  let html = `<h1>Decision ${code(id)}</h1>`;
  html += `<form class="inline" data-route="asof"><label for="asof">Graph as of</label><input id="asof" name="asOf" value="${x(asOf ?? '')}" placeholder="now, or 2026-11-26T10:00:00Z">`
    + `<button type="submit">Show</button>${asOf ? ` <a href="/ui/decisions/${enc(id)}">now</a>` : ''}</form>`;
  html += alertBanner(alerts, d.modelVersionId) + partialBanner(p) + redactedBanner(p);
  html += kv([['time', time(d.decisionTime)], ['output', code(JSON.stringify(d.output))], ['subject', d.subjectId ? code(d.subjectId) : null],
    ['model version', idLink(d.modelVersionId)], ['inputs', d.inputsRef ? code(d.inputsRef) : null], ['received', time(d.receivedAt)]]);
  html += `<p class="actions">Compliance report: <button type="button" data-report="pdf">PDF</button> <button type="button" data-report="html">HTML</button></p>`;
  html += '<div id="provenance-graph"></div>';
  if (mv) {
    html += section('Model version', kv([['id', idLink(mv.id)], ['artifact', mv.uri ? code(mv.uri) : null], ['framework', x(mv.framework ?? '')],
      ['decisions', `<a href="${x(href(mv.id))}">${x(mv.decisionCount ?? 0)}</a>`], ['trained by', idLink(mv.trainingRun)]]));
  }
  const run = p.trainingRun;
  if (run) {
    html += section('Training run', runSummary(run) + `<p><a href="/ui/runs/${enc(run.runId ?? run.id.replace(/^run:/, ''))}#reproduce">How to train this model again</a></p>`);
    html += section('Data it trained on', table(['role', 'dataset', 'version', 'written by', 'read at'], dataRows(Object.values(p.data ?? {}).flat())));
  }
  if ((p.upstream ?? []).length) {
    html += section('Upstream', table(['depth', 'dataset version', 'written by run', 'job', 'code', 'its inputs'], p.upstream.map(s =>
      `<tr><td>${s.depth}</td><td>${idLink(s.dataset.datasetVersion ?? s.dataset.dataset)}</td><td>${idLink(s.writtenByRun)}</td><td>${idLink(s.job)}</td>`
      + `<td>${codeLink(s.code)}</td><td>${(s.inputs ?? []).map(i => idLink(i.datasetVersion ?? i.dataset)).join('<br>')}</td></tr>`)));
  }
  ctx.main.innerHTML = html;
  drawGraph(ctx.main.querySelector('#provenance-graph'), provenanceGraph(p), graphOptions(ctx));
  wireDownloads(ctx.main, format => `/api/v1/decisions/${enc(id)}/report?format=${format}${asOf ? '&asOf=' + enc(asOf) : ''}`, `decision-${id}`);
  ctx.main.querySelector('[data-route="asof"]').addEventListener('submit', event => {
    event.preventDefault();
    const value = new FormData(event.target).get('asOf').trim();
    ctx.navigate(`/ui/decisions/${enc(id)}${value ? '?asOf=' + enc(value) : ''}`);
  });
}

/** Buttons marked data-report download the document in that format (fetched with the key, so no bare link would do). */
function wireDownloads(main, pathFor, name) {
  for (const button of main.querySelectorAll('[data-report]')) {
    button.addEventListener('click', async () => {
      const format = button.dataset.report;
      const file = await blob(pathFor(format), format === 'pdf' ? 'application/pdf' : 'text/html');
      const a = document.createElement('a');
      a.href = URL.createObjectURL(file);
      a.download = `${name.replace(/[^a-zA-Z0-9._-]+/g, '_')}.${format}`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 5000);
    });
  }
}

function codeLink(c) {
  if (!c) return '';
  const url = commitUrl(c.repoUrl ?? c.url, c.commit);
  const commit = c.commit ? (url ? `<a href="${x(url)}" rel="noopener noreferrer">${code(c.commit.slice(0, 12))}</a>` : code(c.commit.slice(0, 12))) : '';
  return [c.repoUrl ?? c.url ? code(c.repoUrl ?? c.url) : '', commit, c.path ? code(c.path) : '', c.uncommittedChanges ? '<span class="state s-fail">uncommitted changes</span>' : '']
    .filter(Boolean).join(' ');
}

function runSummary(run) {
  const e = run.environment;
  const finals = finalMetrics(run.metrics);
  return kv([['run', idLink(run.id)], ['state', state(run.state)], ['job', idLink(run.job)], ['started', time(run.startTime)], ['ended', time(run.endTime)],
    ['code', codeLink(run.code)], ['environment', e ? environmentLine(e) : null],
    ['parameters', Object.entries(run.parameters ?? {}).map(([k, v]) => `${x(k)}=${code(v)}`).join(' ')],
    ['metrics', Object.entries(finals).map(([k, v]) => `${x(k)}=${code(Number(v).toPrecision(4))}`).join(' ')],
    ['produced', (run.producedModelVersions ?? []).map(m => idLink(m)).join(' ')]]);
}

function environmentLine(e) {
  const gpus = (e.gpus ?? []).map(g => x(g.model ?? 'GPU')).join(', ');
  return [e.runtime ? x(e.runtime + ' ' + (e.runtimeVersion ?? '')) : '', e.containerImage ? code(e.containerImage + (e.imageDigest ? '@' + e.imageDigest.slice(0, 19) + '…' : '')) : '',
    gpus ? 'GPU ' + gpus : '', Object.keys(e.packages ?? {}).length + ' packages'].filter(Boolean).join(', ');
}

/** The run page: everything recorded of one run, its metric curves, and how to run it again. */
export async function run({id}, ctx) {
  const [r, recipe] = await Promise.all([get(`/api/v1/runs/${enc(id)}`), find(`/api/v1/runs/${enc(id)}/reproduce`)]);
  ctx.title(`Run ${id}`);
  let html = `<h1>Run ${code(id)} ${state(r.state)}</h1>`;
  html += kv([['job', idLink(r.job)], ['started', time(r.startTime)], ['ended', time(r.endTime)],
    ['duration', r.startTime && r.endTime ? duration(Date.parse(r.endTime) - Date.parse(r.startTime)) : null], ['error', r.errorMessage ? code(r.errorMessage) : null],
    ['parent run', idLink(r.parentRun)], ['child runs', (r.childRuns ?? []).map(c => idLink(c)).join(' ')],
    ['produced', (r.producedModelVersions ?? []).map(m => idLink(m)).join(' ')]]);
  html += `<p><a href="/ui/jobs/${enc(r.job ?? '')}">Other runs of this job</a>${r.job ? ` · <a href="/ui/impact/${enc(r.id)}">What this run touched downstream</a>` : ''}</p>`;
  html += section('Code', kv([['where', codeLink(r.code)], ['language', r.code?.language ? x(r.code.language) : null], ['branch', r.code?.branch ? code(r.code.branch) : null],
    ['SQL', r.code?.sql ? `<pre>${x(r.code.sql)}</pre>` : null]]));
  const e = r.environment;
  if (e) {
    html += section('Environment', kv([['runtime', x(`${e.runtime ?? ''} ${e.runtimeVersion ?? ''}`)], ['OS', x(e.os ?? '')],
      ['image', e.containerImage ? code(e.containerImage) : null], ['digest', e.imageDigest ? code(e.imageDigest) : null]])
      + ((e.gpus ?? []).length ? table(['GPU', 'memory (MiB)', 'driver', 'CUDA'], e.gpus.map(g => `<tr><td>${x(g.model)}</td><td>${x(g.memoryMiB ?? '')}</td><td>${x(g.driverVersion ?? '')}</td><td>${x(g.cudaVersion ?? '')}</td></tr>`)) : '<p class="muted">no GPU recorded</p>')
      + `<details><summary>${Object.keys(e.packages ?? {}).length} packages</summary>${table(['package', 'version'], Object.entries(e.packages ?? {}).map(([k, v]) => `<tr><td>${x(k)}</td><td>${code(v)}</td></tr>`))}</details>`);
  }
  html += section('Parameters', table(['name', 'value'], Object.entries(r.parameters ?? {}).map(([k, v]) => `<tr><td>${x(k)}</td><td>${code(v)}</td></tr>`)));
  const series = metricSeries(r.metrics);
  const plots = plottable(series);
  html += section('Metrics', plots.map(n => `<div class="chart"><canvas data-metric="${x(n)}" aria-label="${x(n)} per step"></canvas></div>`).join('')
    + table(['metric', 'final value', 'points'], Object.entries(finalMetrics(r.metrics)).map(([k, v]) => `<tr><td>${x(k)}</td><td>${code(v)}</td><td>${series[k].length}</td></tr>`)));
  html += section('Inputs', table(['role', 'dataset', 'version', 'written by', 'read at'], dataRows(r.inputs)));
  html += section('Outputs', table(['dataset', 'version', 'written by', 'at'], dataRows(r.outputs, false)));
  if (recipe) {
    html += section('Reproduce', (recipe.checkout?.length ? '<h3>Code</h3>' + copyBlock(recipe.checkout.join('\n'), 'checkout commands') : '')
      + (recipe.image ? '<h3>Image</h3>' + copyBlock(recipe.image, 'image') : '')
      + (recipe.requirements ? '<h3>Packages</h3>' + copyBlock(recipe.requirements, 'requirements') : '')
      + (recipe.parameters && Object.keys(recipe.parameters).length ? '<h3>Parameters</h3>' + copyBlock(JSON.stringify(recipe.parameters, null, 2), 'parameters') : '')
      + (recipe.missing?.length ? banner('warn', 'Not recorded, so not reproducible from this alone: ' + recipe.missing.map(x).join('; ')) : banner('ok', 'Everything needed to run it again was recorded.')), 'reproduce');
  }
  ctx.main.innerHTML = html;
  for (const canvas of ctx.main.querySelectorAll('canvas[data-metric]')) {
    const name = canvas.dataset.metric;
    lineChart(canvas, name, [{label: name, points: series[name].filter(p => p.x != null)}]);
  }
}

/** Runs side by side: the differences marked, the metric curves overlaid. */
export async function compare({runs}, ctx) {
  ctx.title('Compare runs');
  if (runs.length < 2) {
    ctx.main.innerHTML = '<h1>Compare runs</h1>' + banner('warn', 'Name two to ten runs: /ui/compare?runs=a,b');
    return;
  }
  const [c, ...details] = await Promise.all([get(`/api/v1/runs/compare?ids=${runs.map(enc).join(',')}`), ...runs.map(id => get(`/api/v1/runs/${enc(id)}`))]);
  let html = `<h1>${runs.length} runs side by side</h1><p>${c.differences} difference${c.differences === 1 ? '' : 's'}. `
    + `<label><input type="checkbox" id="only-differences"> only what differs</label></p>`;
  const header = ['', ...c.runs.map((r, i) => `${i + 1}`)];
  const rows = list => (list ?? []).map(row => `<tr class="${row.differs ? 'differs' : 'same'}"><th scope="row">${x(row.name)}</th>`
    + row.values.map(v => `<td>${v == null ? '<span class="muted">–</span>' : typeof v === 'object' ? code(JSON.stringify(v)) : href(String(v)) ? idLink(String(v)) : code(v)}</td>`).join('') + '</tr>');
  html += table(['', ...c.runs.map((r, i) => String(i + 1))], [`<tr><th scope="row">job</th>${details.map(d => `<td>${idLink(d.job)}</td>`).join('')}</tr>`,
    `<tr><th scope="row">run</th>${c.runs.map(r => `<td>${idLink(r.startsWith('run:') ? r : 'run:' + r)}</td>`).join('')}</tr>`], 'compare heading');
  for (const [title, list] of [['Parameters', c.parameters], ['Final metrics', c.metrics], ['Code', c.code], ['Environment', c.environment],
    ['Packages', c.packages], ['Data', c.data]]) {
    html += section(title, table(header, rows(list), 'compare'));
  }
  const perRun = details.map(d => metricSeries(d.metrics));
  const names = [...new Set(perRun.flatMap(plottable))].sort();
  html += section('Metric curves', names.map(n => `<div class="chart"><canvas data-metric="${x(n)}"></canvas></div>`).join('') || '<p class="muted">no metric was logged per step</p>');
  ctx.main.innerHTML = html;
  for (const canvas of ctx.main.querySelectorAll('canvas[data-metric]')) {
    const n = canvas.dataset.metric;
    lineChart(canvas, n, perRun.map((s, i) => ({label: `${i + 1}: ${runs[i].slice(0, 8)}`, points: (s[n] ?? []).filter(p => p.x != null)})));
  }
  ctx.main.querySelector('#only-differences').addEventListener('change', event => ctx.main.classList.toggle('only-differences', event.target.checked));
}

/** The model inventory: every model's versions with training run, decisions and open alerts, filtered by alert severity. */
export async function models({severity}, ctx) {
  const list = await get('/api/v1/models?limit=500' + (severity ? '&severity=' + enc(severity) : ''));
  ctx.title('Models');
  const rows = [];
  for (const m of list) {
    for (const v of m.versions) {
      rows.push(`<tr><td>${x(m.name)}</td><td>${idLink(v.id, 'v' + v.version)}</td><td>${idLink(v.trainingRun)}</td><td>${time(v.createdAt)}</td>`
        + `<td class="num">${x(v.decisionCount ?? 0)}</td><td>${v.openAlerts ? `<a class="state s-fail" href="${x(href(v.id))}#drift">${v.openAlerts} open (${x(v.openSeverity)})</a>` : '<span class="muted">none</span>'}</td></tr>`);
    }
  }
  ctx.main.innerHTML = `<h1>Models</h1><form class="inline" data-route="models"><label>Open alerts <select name="severity">`
    + [['', 'any or none'], ['WARN', 'WARN or worse'], ['ALERT', 'ALERT']].map(([v, t]) => `<option value="${v}"${v === (severity ?? '') ? ' selected' : ''}>${t}</option>`).join('')
    + '</select></label><button type="submit">Show</button></form>'
    + table(['model', 'version', 'training run', 'created', 'decisions', 'open alerts'], rows);
  ctx.main.querySelector('[data-route="models"]').addEventListener('submit', event => {
    event.preventDefault();
    const value = new FormData(event.target).get('severity');
    ctx.navigate('/ui/models' + (value ? '?severity=' + enc(value) : ''));
  });
}

/** A model version: its training run, drift against the training data, alert history and decisions. */
export async function modelVersion({name, version}, ctx) {
  const [m, alerts, windows, checks] = await Promise.all([get(`/api/v1/models/${enc(name)}/versions/${enc(version)}?limit=20`),
    get(`/api/v1/alerts?model=${enc(name)}&version=${enc(version)}&limit=200`).catch(() => []),
    find(`/api/v1/models/${enc(name)}/versions/${enc(version)}/windows?limit=50`).catch(() => null),
    find(`/api/v1/models/${enc(name)}/versions/${enc(version)}/validations`).catch(() => null)]);
  const v = m.version;
  ctx.title(`${name} v${version}`);
  let html = `<h1>Model ${x(name)} <span class="muted">v${x(version)}</span></h1>` + alertBanner(alerts, v.id) + redactedBanner(m);
  html += kv([['artifact', v.uri ? code(v.uri) : null], ['digest', v.digest ? code(v.digest) : null], ['framework', x(v.framework ?? '')], ['created', time(v.createdAt)],
    ['decisions', x(v.decisionCount ?? 0)], ['training run', idLink(v.trainingRun)]]);
  html += `<p class="actions">Technical documentation: <button type="button" data-report="pdf">PDF</button> <button type="button" data-report="html">HTML</button></p>`;
  if (m.trainingRun) html += section('Training run', runSummary(m.trainingRun));
  html += section('Validations', checks?.validations?.length ? table(['run', 'job', 'state', 'ended', 'metrics', 'data'], checks.validations.map(v =>
    `<tr><td>${idLink(v.runId)}</td><td>${idLink(v.job)}</td><td>${state(v.state)}</td><td>${time(v.endTime)}</td>`
    + `<td>${Object.entries(v.metrics ?? {}).map(([k, val]) => `${x(k)}=${x(val)}`).join(', ')}</td>`
    + `<td>${(v.data ?? []).map(d => idLink(d.datasetVersion ?? d.dataset) + (d.role ? ` <span class="muted">${x(d.role)}</span>` : '')).join('<br>')}</td></tr>`))
    + (checks.alertsSince?.length ? `<p>${x(checks.alertsSince.length)} alert(s) opened since the last validation</p>` : '<p class="muted">no alert opened since the last validation</p>')
    : '<p class="muted">no run has validated this version (a run that reads the model with the validation role)</p>', 'validations');
  html += section('Drift', windows && windows.windows?.length ? driftHtml(windows) : '<p class="muted">no monitoring window received for this version yet</p>', 'drift');
  html += section('Alerts', table(['state', 'severity', 'feature', 'metric', 'value', 'threshold', 'window', 'opened'], alerts.map(a =>
    `<tr><td>${state(a.state)}</td><td>${x(a.severity)}</td><td>${code(a.feature)}</td><td>${x(a.metric)}</td><td class="num">${Number(a.value).toFixed(3)}</td>`
    + `<td class="num">${Number(a.threshold).toFixed(3)}</td><td>${time(a.windowStart)} – ${time(a.windowEnd)}</td><td>${time(a.openedAt)}</td></tr>`)));
  html += section('Decisions', decisionsTable(m.decisions?.decisions) + (m.decisions?.nextCursor ? `<button type="button" id="more-decisions">More decisions</button>` : ''));
  ctx.main.innerHTML = html;
  wireDownloads(ctx.main, format => `/api/v1/models/${enc(name)}/versions/${enc(version)}/documentation?format=${format}`, `model-${name}-${version}`);
  if (windows?.windows?.length) drawDrift(ctx.main, windows);
  let cursor = m.decisions?.nextCursor;
  const more = ctx.main.querySelector('#more-decisions');
  more?.addEventListener('click', async () => {
    const page = await get(`/api/v1/models/${enc(name)}/versions/${enc(version)}/decisions?limit=50&cursor=${enc(cursor)}`);
    more.insertAdjacentHTML('beforebegin', decisionsTable(page.decisions));
    cursor = page.nextCursor;
    if (!cursor) more.remove();
  });
}

function decisionsTable(list) {
  return table(['decision', 'time', 'subject', 'output'], (list ?? []).map(d =>
    `<tr><td>${idLink('decision:' + d.decisionId, d.decisionId)}</td><td>${time(d.decisionTime)}</td><td>${x(d.subjectId ?? '')}</td><td>${code(JSON.stringify(d.output))}</td></tr>`));
}

function driftHtml(w) {
  const features = [...new Set(w.windows.flatMap(win => Object.keys(win.features ?? {})))].sort();
  return `<p>${w.windows.length} monitoring window${w.windows.length > 1 ? 's' : ''} judged against the training data's reference profile`
    + `${w.referenceProfile ? ' from ' + idLink(w.referenceProfile) : ''}; alert thresholds dashed.</p>`
    + features.map(f => `<h3>${code(f)}</h3><div class="charts2"><div class="chart"><canvas data-drift="${x(f)}" aria-label="drift of ${x(f)} per window"></canvas></div>`
      + `<div class="chart"><canvas data-histogram="${x(f)}" aria-label="${x(f)}: training data and latest window"></canvas></div></div>`).join('');
}

function drawDrift(main, w) {
  const ordered = w.windows;
  const at = win => Date.parse(win.windowStart);
  for (const canvas of main.querySelectorAll('canvas[data-drift]')) {
    const f = canvas.dataset.drift;
    const metrics = [...new Set(ordered.flatMap(win => Object.keys(win.features?.[f]?.metrics ?? {})))].sort();
    const series = metrics.map(name => ({label: name, points: ordered.filter(win => win.features?.[f]?.metrics?.[name] != null)
      .map(win => ({x: at(win), y: win.features[f].metrics[name]}))}));
    const last = [...ordered].reverse().find(win => win.features?.[f]);
    for (const name of metrics) {
      const threshold = last?.features[f].alert?.[name];
      if (threshold != null) {
        series.push({label: name + ' alert threshold', dashed: true, points: [{x: at(ordered[0]), y: threshold}, {x: at(ordered[ordered.length - 1]), y: threshold}]});
      }
    }
    lineChart(canvas, `${f}: drift per window`, series, {time: true});
  }
  for (const canvas of main.querySelectorAll('canvas[data-histogram]')) {
    const f = canvas.dataset.histogram;
    const last = [...ordered].reverse().find(win => win.features?.[f]?.labels?.length);
    if (!last) {
      canvas.parentElement.remove();
      continue;
    }
    const current = last.features[f];
    barChart(canvas, `${f}: training data vs the window of ${String(last.windowStart).slice(0, 16).replace('T', ' ')}`, current.labels,
      [{label: 'training data', values: current.reference}, {label: 'latest window', values: current.observed}]);
  }
}

/** Lineage of a dataset or job drawn as a graph, with direction, depth, column level and as-of controls. */
async function lineagePage(kind, params, ctx) {
  const {id, direction, depth, asOf, columns} = params;
  const node = unversioned(id);
  const path = columns ? `/api/v1/column-lineage?nodeId=${enc(node)}&depth=${enc(depth)}${asOf ? '&asOf=' + enc(asOf) : ''}`
    : `/api/v1/lineage?nodeId=${enc(id)}&depth=${enc(depth)}&direction=${enc(direction)}${asOf ? '&asOf=' + enc(asOf) : ''}`;
  const [answer, runs, about] = await Promise.all([get(path), kind === 'job' ? get(`/api/v1/runs?job=${enc(node)}&limit=50`).catch(() => []) : null,
    kind === 'dataset' ? get(`/api/v1/datasets?nodeId=${enc(node)}&versions=20${asOf ? '&asOf=' + enc(asOf) : ''}`).catch(() => null) : null]);
  const me = answer.graph.find(n => n.id === node);
  ctx.title(me?.data?.name ?? node);
  let html = `<h1>${kind === 'job' ? 'Job' : 'Dataset'} ${code(me?.data?.name ?? node)}</h1>`
    + `<p class="muted">${x(node)}${id !== node ? ` · version ${code(id.split('#')[1])}` : ''} · <a href="/ui/impact/${enc(id)}">impact downstream</a></p>`;
  html += `<form class="inline" data-route="lineage"><label>Direction <select name="direction">${['both', 'upstream', 'downstream'].map(d => `<option${d === direction ? ' selected' : ''}>${d}</option>`).join('')}</select></label>`
    + `<label>Depth <input name="depth" type="number" min="1" max="50" value="${x(depth)}"></label>`
    + `<label>As of <input name="asOf" value="${x(asOf ?? '')}" placeholder="now"></label>`
    + (kind === 'dataset' ? `<label><input type="checkbox" name="columns"${columns ? ' checked' : ''}> column level</label>` : '')
    + '<button type="submit">Show</button></form>';
  html += partialBanner(answer) + redactedBanner(answer) + '<div id="lineage-graph"></div>';
  if (me?.data) {
    html += section('Details', kv([['namespace', code(me.data.namespace ?? '')], ['type', x(me.data.type ?? '')], ['first seen', time(me.data.createdAt)], ['last seen', time(me.data.updatedAt)]])
      + (me.data.facets && Object.keys(me.data.facets).length ? `<details><summary>attributes</summary>${table(['name', 'value'], Object.entries(me.data.facets).map(([k, v]) => `<tr><td>${x(k)}</td><td>${code(typeof v === 'object' ? JSON.stringify(v) : v)}</td></tr>`))}</details>` : ''));
  }
  if (about) html += datasetSections(about);
  if (kind === 'job' && me?.data?.facets) {
    const f = me.data.facets;
    if (f.description || f.owners || f.tags) {
      html += section('About', kv([['description', x(f.description ?? '')], ['owners', x((f.owners ?? '').split(',').join(', '))],
        ['tags', x((f.tags ?? '').split(',').join(', '))], ['integration', x(f.integration ?? '')], ['job type', x(f.jobType ?? '')]]));
    }
  }
  if (runs) {
    html += section('Runs', table(['run', 'state', 'started', 'duration', 'commit'], runs.map(r =>
      `<tr><td>${idLink(r.id)}</td><td>${state(r.state)}</td><td>${time(r.startTime)}</td><td>${x(duration(r.durationMs))}</td><td>${r.commit ? code(r.commit.slice(0, 12)) : ''}</td></tr>`))
      + (runs.length >= 2 ? `<p><a href="/ui/compare?runs=${runs.slice(0, 2).map(r => enc(r.runId)).join(',')}">Compare the last two runs</a></p>` : ''));
  }
  ctx.main.innerHTML = html;
  drawGraph(ctx.main.querySelector('#lineage-graph'), lineageGraph(answer, node), graphOptions(ctx));
  ctx.main.querySelector('[data-route="lineage"]').addEventListener('submit', event => {
    event.preventDefault();
    const f = new FormData(event.target);
    const q = new URLSearchParams({direction: f.get('direction'), depth: f.get('depth')});
    if (f.get('asOf')) q.set('asOf', f.get('asOf'));
    if (f.get('columns')) q.set('columns', 'true');
    ctx.navigate(`/ui/${kind === 'job' ? 'jobs' : 'datasets'}/${enc(id)}?${q}`);
  });
}

/** What a dataset's producers said and measured: description, owners, tags, columns, the jobs around it, its versions. */
function datasetSections(d) {
  const list = v => x((v ?? []).join(', '));
  const how = j => [j.declared ? 'declared' : '', j.observed ? 'observed' : ''].filter(Boolean).join(' + ') + (j.declared && !j.observed ? ' (no run seen)' : '');
  const assertions = v => (v.assertionsPassed != null || v.assertionsFailed != null ? `${v.assertionsPassed ?? 0} passed, ${v.assertionsFailed ?? 0} failed` : '');
  let html = section('About', kv([['description', x(d.description ?? '')], ['owners', list(d.owners)], ['tags', list(d.tags)],
    ['dataset type', x(d.datasetType ?? '')], ['also named', (d.aliases ?? []).map(a => code(a)).join(' ')],
    ['catalog', d.catalog ? x(Object.values(d.catalog).join(' · ')) : '']]), 'about');
  if (d.fields?.length) {
    html += section('Columns', table(['column', 'type', 'tags', 'description'], d.fields.map(f =>
      `<tr><td>${code(f.name)}</td><td>${x(f.type ?? '')}</td><td>${list(f.tags)}</td><td>${x(f.description ?? '')}</td></tr>`)));
  }
  const jobs = [...(d.writtenBy ?? []).map(j => ({...j, role: 'writes'})), ...(d.readBy ?? []).map(j => ({...j, role: 'reads'}))];
  if (jobs.length) {
    html += section('Jobs', table(['job', '', 'lineage'], jobs.map(j => `<tr><td>${idLink(j.job)}</td><td>${x(j.role)}</td><td>${x(how(j))}</td></tr>`)));
  }
  html += section('Versions', table(['version', 'written', 'by', 'rows', 'bytes', 'files', 'assertions', 'readers measured'], (d.versions ?? []).map(v =>
    `<tr><td>${idLink(v.nodeId, v.version)}</td><td>${time(v.createdAt)}</td><td>${idLink(v.writtenBy)}</td><td>${x(v.rowCount ?? '')}</td>`
    + `<td>${x(v.bytes ?? '')}</td><td>${x(v.fileCount ?? '')}</td><td>${x(assertions(v))}</td>`
    + `<td>${(v.measuredByReaders ?? []).map(r => `${idLink(r.run)} ${x([r.rowCount != null ? r.rowCount + ' rows' : '', assertions(r)].filter(Boolean).join(', '))}`).join('<br>')}</td></tr>`)));
  return html;
}

export const dataset = (params, ctx) => lineagePage('dataset', params, ctx);
export const job = (params, ctx) => lineagePage('job', params, ctx);

/** Impact: everything downstream of a node, counted, as a table and a graph, exportable as CSV. */
export async function impact({id}, ctx) {
  const i = await get(`/api/v1/impact?nodeId=${enc(id)}&limit=100`);
  const lineageNode = ['dataset', 'datasetVersion', 'job', 'jobVersion'].includes(kindOfId(id)) ? unversioned(id) : null;
  const downstream = lineageNode ? await find(`/api/v1/lineage?nodeId=${enc(id)}&direction=downstream&depth=10`).catch(() => null) : null;
  ctx.title('Impact of ' + id);
  const rows = impactRows(i);
  let html = `<h1>Impact of ${idLink(id)}</h1>` + partialBanner(i) + redactedBanner(i);
  html += `<ul class="counts"><li><b>${i.jobs.length}</b> jobs</li><li><b>${i.runCount}</b> runs</li><li><b>${i.datasetVersions.length}</b> dataset versions</li>`
    + `<li><b>${i.modelVersions.length}</b> model versions</li><li><b>${i.decisionCount}</b> decisions</li></ul>`;
  html += '<p><button type="button" id="export-csv">Export as CSV</button></p>';
  if (downstream) html += '<div id="impact-graph"></div>';
  html += section('Downstream', table(['kind', 'id', 'decisions'], rows.map(r => `<tr><td>${x(r[0])}</td><td>${idLink(r[1])}</td><td class="num">${x(r[2])}</td></tr>`)));
  html += section('Decisions', decisionsTable(i.decisions) + (i.nextCursor ? '<p class="muted">the first 100 of them; the CSV holds these too</p>' : ''));
  ctx.main.innerHTML = html;
  if (downstream) drawGraph(ctx.main.querySelector('#impact-graph'), lineageGraph(downstream, lineageNode), graphOptions(ctx));
  ctx.main.querySelector('#export-csv').addEventListener('click', () => {
    const body = csv(['kind', 'id', 'decisions'], [...rows, ...(i.decisions ?? []).map(d => ['decision', d.decisionId, ''])]);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([body], {type: 'text/csv'}));
    a.download = 'impact-' + id.replace(/[^a-zA-Z0-9._-]+/g, '_') + '.csv';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });
}

function alertRow(a) {
  return `<tr class="${a.state === 'OPEN' ? 'open' : 'resolved'}"><td>${state(a.state)}</td><td>${x(a.severity)}</td><td>${idLink(a.modelVersionId)}</td><td>${code(a.feature)}</td>`
    + `<td>${x(a.metric)}</td><td class="num">${Number(a.value).toFixed(3)}</td><td class="num">${Number(a.threshold).toFixed(3)}</td><td>${time(a.windowStart)}</td><td>${time(a.updatedAt ?? a.openedAt)}</td></tr>`;
}

const ALERT_HEADER = ['state', 'severity', 'model version', 'feature', 'metric', 'value', 'threshold', 'window', 'updated'];

/** Alerts, newest first, with new ones arriving live. */
export async function alerts(params, ctx) {
  const list = await get('/api/v1/alerts?limit=200');
  ctx.title('Alerts');
  ctx.main.innerHTML = `<h1>Alerts <span class="muted" id="live"></span></h1>` + table(ALERT_HEADER, list.map(alertRow), 'alerts');
  const body = ctx.main.querySelector('table.alerts tbody');
  ctx.stream('/api/v1/alerts/stream', a => {
    body.querySelector('td.muted')?.parentElement?.remove();
    body.insertAdjacentHTML('afterbegin', alertRow(a));
  }, () => { ctx.main.querySelector('#live').textContent = '(live)'; });
}

/** Search results, each a link. */
export async function search({q}, ctx) {
  ctx.title('Search ' + q);
  if (!q) {
    ctx.main.innerHTML = '<h1>Search</h1><p class="muted">Type part of a name, a commit or an image digest above.</p>';
    return;
  }
  const r = await get(`/api/v1/search?q=${enc(q)}&limit=100`);
  ctx.main.innerHTML = `<h1>${r.totalCount} result${r.totalCount === 1 ? '' : 's'} for ${code(q)}</h1>` + redactedBanner(r)
    + table(['type', 'name', 'namespace', 'matched on', 'model versions built from it', 'updated'], r.results.map(h =>
      `<tr><td>${x(h.type)}</td><td>${idLink(h.nodeId, h.name ?? h.nodeId)}</td><td>${x(h.namespace ?? '')}</td><td>${x(h.matchedOn ?? '')}</td>`
      + `<td>${(h.modelVersions ?? []).map(m => idLink(m)).join(' ')}</td><td>${time(h.updatedAt)}</td></tr>`));
}

/** The start: trace a decision, the models and what is drifting. */
export async function home(params, ctx) {
  const [list, open] = await Promise.all([get('/api/v1/models?limit=20'), get('/api/v1/alerts?state=OPEN&limit=20').catch(() => [])]);
  ctx.title('Headwater');
  let html = '<h1>Which data, code and environment produced this decision?</h1>';
  html += '<form class="inline big" id="trace"><label for="decision-id">Decision id</label><input id="decision-id" name="id" required placeholder="e.g. the id your serving system logged"><button type="submit">Trace</button></form>';
  html += section('Open alerts', open.length ? table(ALERT_HEADER, open.map(alertRow), 'alerts') : '<p class="muted">none open</p>');
  const versions = list.flatMap(m => m.versions.map(v => ({...v, model: m.name})));
  html += section('Models', table(['model', 'version', 'training run', 'decisions'], versions.slice(-20).reverse().map(v =>
    `<tr><td>${x(v.model)}</td><td>${idLink(v.id, 'v' + v.version)}</td><td>${idLink(v.trainingRun)}</td><td class="num">${x(v.decisionCount ?? 0)}</td></tr>`))
    + '<p><a href="/ui/models">All models</a> · <a href="/ui/alerts">All alerts</a></p>');
  ctx.main.innerHTML = html;
  ctx.main.querySelector('#trace').addEventListener('submit', event => {
    event.preventDefault();
    ctx.navigate('/ui/decisions/' + enc(new FormData(event.target).get('id').trim()));
  });
}
