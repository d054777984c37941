// Renders the query API's answers as HTML for people. Pure functions of the JSON, so they are
// tested with Node (query-service/src/test/js) as the browser runs them.

export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
}

const code = v => `<code>${escapeHtml(v)}</code>`;

function lastMetrics(metrics) {
  const last = {};
  for (const m of metrics ?? []) {
    if (!(m.name in last) || m.step == null || last[m.name].step == null || m.step >= last[m.name].step) last[m.name] = m;
  }
  return Object.keys(last).sort().map(n => `${escapeHtml(n)} = ${Number(last[n].value).toFixed(4)}`).join(', ');
}

function dataRef(d) {
  return code(d.datasetVersion ?? d.dataset) + (d.writtenBy ? ` <span class="muted">written by ${code(d.writtenBy)}</span>` : '');
}

function upstreamTree(ids, steps, seen) {
  if (!ids.length) return '';
  return '<ul>' + ids.map(id => {
    const step = steps.get(id);
    const again = seen.has(id);
    seen.add(id);
    const job = step?.job ? ` ← ${code(step.job)}` : '';
    const children = step && !again ? upstreamTree((step.inputs ?? []).map(i => i.datasetVersion ?? i.dataset), steps, seen) : '';
    return `<li>${code(id)}${job}${again ? ' <span class="muted">(above)</span>' : ''}${children}</li>`;
  }).join('') + '</ul>';
}

/** The answer of GET /api/v1/decisions/{id}/provenance. */
export function renderProvenance(p) {
  const d = p.decision;
  let html = `<h2>Decision ${code(d.decisionId)}</h2>`;
  html += `<p>${escapeHtml(d.decisionTime)}: output ${code(JSON.stringify(d.output))}${d.subjectId ? `, about ${code(d.subjectId)}` : ''}</p>`;
  if (p.partial) html += `<p class="partial">Partial answer: ${escapeHtml(p.partialReason)}</p>`;
  const mv = p.modelVersion;
  if (!mv) return html;
  html += `<h3>Model ${escapeHtml(mv.name)} version ${escapeHtml(mv.version)}</h3>`;
  html += `<p>${mv.uri ? code(mv.uri) + ', ' : ''}${escapeHtml(mv.decisionCount)} decisions</p>`;
  const run = p.trainingRun;
  if (!run) return html;
  html += `<h3>Trained by ${code(run.id)}</h3><table>`;
  html += `<tr><th>state</th><td>${escapeHtml(run.state)} ${escapeHtml(run.startTime ?? '')} – ${escapeHtml(run.endTime ?? '')}</td></tr>`;
  if (run.code) {
    const c = run.code;
    html += `<tr><th>code</th><td>${code(c.repoUrl ?? c.url ?? '')} @ ${code(c.commit ?? '?')} ${c.path ? code(c.path) : ''}`
      + `${c.uncommittedChanges ? ' <span class="partial">with uncommitted changes</span>' : ''}${c.sql ? '<pre>' + escapeHtml(c.sql) + '</pre>' : ''}</td></tr>`;
  }
  if (run.environment) {
    const e = run.environment;
    const gpus = (e.gpus ?? []).map(g => `${escapeHtml(g.model)}${g.memoryMiB ? ` (${g.memoryMiB} MiB, driver ${escapeHtml(g.driverVersion)}, CUDA ${escapeHtml(g.cudaVersion)})` : ''}`);
    html += `<tr><th>environment</th><td>${escapeHtml(e.runtime)} ${escapeHtml(e.runtimeVersion)}, ${Object.keys(e.packages ?? {}).length} packages`
      + `${e.containerImage ? ', image ' + code(e.containerImage + (e.imageDigest ? '@' + e.imageDigest : '')) : ''}`
      + `, ${gpus.length ? 'GPU ' + gpus.join(', ') : 'no GPU'}</td></tr>`;
  }
  html += `<tr><th>parameters</th><td>${Object.entries(run.parameters ?? {}).map(([k, v]) => `${escapeHtml(k)} = ${code(v)}`).join(', ')}</td></tr>`;
  html += `<tr><th>metrics</th><td>${lastMetrics(run.metrics)}</td></tr>`;
  for (const [role, refs] of Object.entries(p.data ?? {})) {
    html += `<tr><th>${escapeHtml(role)} data</th><td>${refs.map(dataRef).join('<br>')}</td></tr>`;
  }
  html += '</table>';
  const steps = new Map((p.upstream ?? []).map(s => [s.dataset.datasetVersion ?? s.dataset.dataset, s]));
  html += '<h3>Upstream</h3>' + upstreamTree((run.inputs ?? []).map(i => i.datasetVersion ?? i.dataset), steps, new Set());
  return html;
}

/** One alert of GET /api/v1/alerts or the stream. */
export function renderAlert(a) {
  return `<li class="${a.state === 'OPEN' ? 'open' : 'resolved'}">${escapeHtml(a.severity)} ${escapeHtml(a.state)}: `
    + `${escapeHtml(a.modelName)} v${escapeHtml(a.modelVersion)}, ${escapeHtml(a.metric)} of ${code(a.feature)} = ${Number(a.value).toFixed(3)} `
    + `(threshold ${Number(a.threshold).toFixed(3)}), window ${escapeHtml(a.windowStart)} – ${escapeHtml(a.windowEnd)} `
    + `<a href="${escapeHtml(a.provenanceUrl)}">model version</a></li>`;
}

/** The answer of GET /api/v1/search. */
export function renderSearch(results) {
  if (!results.results.length) return '<p class="muted">Nothing found.</p>';
  return '<ul>' + results.results.map(h => `<li>${escapeHtml(h.type)} ${code(h.nodeId)} <span class="muted">${escapeHtml(h.matchedOn)}</span>`
    + `${(h.modelVersions ?? []).length ? ' → models ' + h.modelVersions.map(code).join(', ') : ''}</li>`).join('') + '</ul>';
}
