// The web UI's pure parts (links, labels, graphs, series, CSV, routes), run by Node's test runner (node --test)
// on answers shaped as the API gives them.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
  collapse, commitUrl, csv, escapeHtml, finalMetrics, href, idLink, impactRows, kindOfId, label, lineageGraph, merge, metricSeries, plottable,
  provenanceGraph, route,
} from '../../main/resources/META-INF/resources/assets/ui/model.js';

test('every kind of id links to its page, a redacted one to none', () => {
  assert.equal(href('dataset:file:/srv/out/top#01a2'), '/ui/datasets/dataset%3Afile%3A%2Fsrv%2Fout%2Ftop%2301a2');
  assert.equal(href('job:spike:job2#abc'), '/ui/jobs/job%3Aspike%3Ajob2');
  assert.equal(href('run:7c1f5a2e-0b7d-4e8a-9a51-1f2e3d4c5b01'), '/ui/runs/7c1f5a2e-0b7d-4e8a-9a51-1f2e3d4c5b01');
  assert.equal(href('model:churn#7'), '/ui/models/churn/versions/7');
  assert.equal(href('decision:d-7-3'), '/ui/decisions/d-7-3');
  assert.equal(href('datasetField:file:/srv/out/top:amount'), '/ui/datasets/dataset%3Afile%3A%2Fsrv%2Fout%2Ftop');
  assert.equal(href('redacted:3'), null);
  assert.match(idLink('redacted:3'), /class="redacted"/);
  assert.equal(idLink('run:<x>'), '<a href="/ui/runs/%3Cx%3E"><code>run:&lt;x&gt;</code></a>');
  assert.equal(kindOfId('dataset:gs://bucket:file.csv#v1'), 'datasetVersion');
});

test('every route the UI names is read back from its address, parameters decoded', () => {
  assert.deepEqual(route('/ui/decisions/d%2F1', '?asOf=2026-11-26T04%3A10%3A00Z'), {page: 'decision', params: {id: 'd/1', asOf: '2026-11-26T04:10:00Z'}});
  assert.deepEqual(route('/ui/compare', '?runs=a,%20b'), {page: 'compare', params: {runs: ['a', 'b']}});
  assert.deepEqual(route('/ui/models/churn/versions/7', ''), {page: 'modelVersion', params: {name: 'churn', version: '7'}});
  assert.deepEqual(route('/ui/models', '?severity=ALERT'), {page: 'models', params: {severity: 'ALERT'}});
  assert.equal(route('/ui/datasets/' + encodeURIComponent('dataset:file:/a'), '?direction=upstream').params.direction, 'upstream');
  assert.equal(route('/ui/jobs/x', '').page, 'job');
  assert.equal(route('/ui/impact/x', '').page, 'impact');
  assert.equal(route('/ui/', '').page, 'home');
  assert.equal(route('/ui/search', '?q=churn').params.q, 'churn');
  assert.equal(route('/ui/nothing-here', ''), null);
});

test('labels say the name and the version apart', () => {
  assert.deepEqual(label('model:churn#7'), {title: 'churn', sub: 'v7'});
  assert.deepEqual(label('dataset:file:/srv/out/top_countries#01a215d9-621d-7ff9'), {title: 'top_countries', sub: 'v 01a215d9…'});
  assert.equal(label('job:spike:spike_job1.adaptive_spark_plan.out_revenue').title, 'spike_job1 › out_revenue');
  assert.equal(label('redacted:1').title, 'redacted');
});

test('a provenance answer becomes a graph; a partial one marks where the bound stopped', () => {
  const p = {partial: true, graph: {
    nodes: [{id: 'decision:d', type: 'DECISION'}, {id: 'model:m#1', type: 'MODEL_VERSION'}, {id: 'run:r', type: 'RUN'},
      {id: 'dataset:a:b#1', type: 'DATASET_VERSION'}, {id: 'redacted:1', type: 'RUN', redacted: true}],
    edges: [{origin: 'model:m#1', destination: 'decision:d', kind: 'DECIDED_BY'}, {origin: 'run:r', destination: 'model:m#1', kind: 'PRODUCED'},
      {origin: 'dataset:a:b#1', destination: 'run:r', kind: 'READ'}]}};
  const g = provenanceGraph(p);
  assert.equal(g.nodes.length, 5);
  assert.equal(g.edges.length, 3);
  assert.equal(g.nodes.find(n => n.id === 'redacted:1').kind, 'redacted');
  assert.equal(g.nodes.find(n => n.id === 'dataset:a:b#1').cut, true);
  assert.equal(g.nodes.find(n => n.id === 'run:r').cut, false);
  assert.equal(provenanceGraph({...p, partial: false}).nodes.some(n => n.cut), false);
});

test('a Marquez lineage answer becomes a graph with each edge once', () => {
  const answer = {graph: [
    {id: 'dataset:a:x', type: 'DATASET', data: {name: 'x'}, inEdges: [], outEdges: [{origin: 'dataset:a:x', destination: 'job:a:j'}]},
    {id: 'job:a:j', type: 'JOB', data: {name: 'j'}, inEdges: [{origin: 'dataset:a:x', destination: 'job:a:j'}], outEdges: []}]};
  const g = lineageGraph(answer, 'job:a:j');
  assert.equal(g.edges.length, 1);
  assert.equal(g.nodes.find(n => n.id === 'job:a:j').focus, true);
  const grown = merge(g, {nodes: [{id: 'dataset:a:y', kind: 'dataset', title: 'y'}, g.nodes[0]], edges: [{from: 'dataset:a:y', to: 'dataset:a:x'}, g.edges[0]]});
  assert.equal(grown.nodes.length, 3);
  assert.equal(grown.edges.length, 2);
});

test('an edge only declared in static lineage is marked, one a run also showed is not', () => {
  const answer = {graph: [
    {id: 'dataset:a:x', type: 'DATASET', data: {name: 'x'}, inEdges: [], outEdges: [
      {origin: 'dataset:a:x', destination: 'job:a:j', declared: true}]},
    {id: 'dataset:a:y', type: 'DATASET', data: {name: 'y'}, inEdges: [], outEdges: [
      {origin: 'dataset:a:y', destination: 'job:a:j', declared: true, observed: true}]},
    {id: 'dataset:a:z', type: 'DATASET', data: {name: 'z'}, inEdges: [], outEdges: [{origin: 'dataset:a:z', destination: 'job:a:j'}]},
    {id: 'job:a:j', type: 'JOB', data: {name: 'j'}, inEdges: [], outEdges: []}]};
  const g = lineageGraph(answer, 'job:a:j');
  assert.deepEqual(g.edges.map(e => [e.from, e.declaredOnly]), [['dataset:a:x', true], ['dataset:a:y', false], ['dataset:a:z', false]]);
});

test('many siblings fold into one "+N more" node until that group is expanded', () => {
  const nodes = [{id: 'job:a:hub', kind: 'job', title: 'hub'}];
  const edges = [];
  for (let i = 0; i < 40; i++) {
    nodes.push({id: `dataset:a:d${String(i).padStart(2, '0')}`, kind: 'dataset', title: 'd' + i});
    edges.push({from: 'job:a:hub', to: `dataset:a:d${String(i).padStart(2, '0')}`});
  }
  const folded = collapse({nodes, edges}, 12);
  assert.equal(folded.nodes.length, 1 + 11 + 1);
  const more = folded.nodes.find(n => n.kind === 'more');
  assert.equal(more.title, '+29 more');
  assert.equal(collapse({nodes, edges}, 12, new Set([more.group])).nodes.length, 41);
});

test('metrics per step become series; the final value is the last step', () => {
  const metrics = [{name: 'auc', value: 0.9, step: 2}, {name: 'auc', value: 0.5, step: 1}, {name: 'accuracy', value: 0.8}];
  const s = metricSeries(metrics);
  assert.deepEqual(s.auc.map(p => p.x), [1, 2]);
  assert.deepEqual(plottable(s), ['auc']);
  assert.deepEqual(finalMetrics(metrics), {auc: 0.9, accuracy: 0.8});
});

test('a commit links to its code host', () => {
  assert.equal(commitUrl('https://github.com/acme/churn.git', 'abc'), 'https://github.com/acme/churn/commit/abc');
  assert.equal(commitUrl('git@gitlab.com:acme/churn.git', 'abc'), 'https://gitlab.com/acme/churn/-/commit/abc');
  assert.equal(commitUrl('https://git.internal/acme/churn', 'abc'), null);
});

test('impact exports as CSV, quoted where it must be', () => {
  const rows = impactRows({jobs: ['job:a:j'], runs: [], datasetVersions: ['dataset:a:"x",y#1'], modelVersions: [{id: 'model:m#1', decisionCount: 3}]});
  assert.equal(csv(['kind', 'id', 'decisions'], rows),
    'kind,id,decisions\r\njob,job:a:j,\r\ndataset version,"dataset:a:""x"",y#1",\r\nmodel version,model:m#1,3\r\n');
  assert.equal(escapeHtml('<a href="x">'), '&lt;a href=&quot;x&quot;&gt;');
});
