// The web page's rendering, run by Node's test runner (node --test), on answers shaped as the API gives them.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {escapeHtml, renderAlert, renderProvenance, renderSearch} from '../../main/resources/META-INF/resources/view.js';

const provenance = {
  decision: {decisionId: 'd-7-3', decisionTime: '2026-11-26T06:03:00Z', output: {churn: true}, subjectId: 'customer-9'},
  modelVersion: {id: 'model:churn#7', name: 'churn', version: '7', uri: 's3://models/churn/7', decisionCount: 12},
  trainingRun: {
    id: 'run:7c1f', state: 'COMPLETE', startTime: '2026-11-26T04:00:00Z', endTime: '2026-11-26T04:30:00Z',
    parameters: {learning_rate: '0.05', epochs: '20'},
    metrics: [{name: 'auc', value: 0.5, step: 1}, {name: 'auc', value: 0.91, step: 2}],
    code: {repoUrl: 'https://github.com/acme/churn.git', commit: '3f9a1c2b', path: 'train/train.py', uncommittedChanges: true},
    environment: {runtime: 'python', runtimeVersion: '3.11.7', packages: {numpy: '1.26.4'}, containerImage: 'ghcr.io/acme/train', imageDigest: 'sha256:ab',
      gpus: [{model: 'NVIDIA H100 80GB HBM3', memoryMiB: 81559, driverVersion: '550.54.15', cudaVersion: '12.4'}]},
    inputs: [{dataset: 'dataset:file:/out/top', datasetVersion: 'dataset:file:/out/top#r2', role: 'training', writtenBy: 'run:r2'}]
  },
  data: {training: [{dataset: 'dataset:file:/out/top', datasetVersion: 'dataset:file:/out/top#r2', role: 'training', writtenBy: 'run:r2'}]},
  upstream: [
    {depth: 1, dataset: {dataset: 'dataset:file:/out/top', datasetVersion: 'dataset:file:/out/top#r2'}, job: 'job:spike:job2',
      inputs: [{dataset: 'dataset:file:/out/rev', datasetVersion: 'dataset:file:/out/rev#r1'}]},
    {depth: 2, dataset: {dataset: 'dataset:file:/out/rev', datasetVersion: 'dataset:file:/out/rev#r1'}, job: 'job:spike:job1',
      inputs: [{dataset: 'dataset:file:/in/orders.csv'}]},
    {depth: 3, dataset: {dataset: 'dataset:file:/in/orders.csv'}, inputs: []}
  ],
  partial: false
};

test('a provenance answer shows the model, code, environment, GPU, final metrics and the upstream tree', () => {
  const html = renderProvenance(provenance);
  assert.match(html, /Model churn version 7/);
  assert.match(html, /3f9a1c2b/);
  assert.match(html, /with uncommitted changes/);
  assert.match(html, /NVIDIA H100 80GB HBM3 \(81559 MiB, driver 550\.54\.15, CUDA 12\.4\)/);
  assert.match(html, /auc = 0\.9100/);
  assert.doesNotMatch(html, /auc = 0\.5000/);
  assert.match(html, /training data/);
  // The tree nests: job1's output version sits inside job2's, the raw CSV inside job1's.
  const top = html.indexOf('dataset:file:/out/top#r2</code> ← ');
  const rev = html.indexOf('dataset:file:/out/rev#r1');
  const orders = html.lastIndexOf('dataset:file:/in/orders.csv');
  assert.ok(top > 0 && rev > top && orders > rev);
  assert.match(html, /<ul><li><code>dataset:file:\/out\/top#r2<\/code> ← <code>job:spike:job2<\/code><ul><li><code>dataset:file:\/out\/rev#r1/);
});

test('a decision whose model version is not known says the answer is partial', () => {
  const html = renderProvenance({decision: provenance.decision, partial: true, partialReason: 'model version model:churn#7 is not known yet'});
  assert.match(html, /Partial answer: model version model:churn#7 is not known yet/);
  assert.doesNotMatch(html, /Trained by/);
});

test('text from events is escaped', () => {
  assert.equal(escapeHtml('<script>alert("x")</script>'), '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  const html = renderProvenance({...provenance, decision: {...provenance.decision, decisionId: '<img src=x onerror=alert(1)>'}});
  assert.doesNotMatch(html, /<img/);
});

test('alerts and search results', () => {
  const alert = renderAlert({severity: 'ALERT', state: 'OPEN', modelName: 'churn', modelVersion: '7', metric: 'psi', feature: 'tenure',
    value: 0.4213, threshold: 0.2, windowStart: 'a', windowEnd: 'b', provenanceUrl: 'http://h/api/v1/models/churn/versions/7'});
  assert.match(alert, /class="open"/);
  assert.match(alert, /psi of <code>tenure<\/code> = 0\.421 \(threshold 0\.200\)/);
  assert.match(alert, /href="http:\/\/h\/api\/v1\/models\/churn\/versions\/7"/);
  const search = renderSearch({totalCount: 1, results: [{type: 'JOB_VERSION', nodeId: 'job:ml:t#abc', matchedOn: 'commit=3f9a', modelVersions: ['model:churn#7']}]});
  assert.match(search, /→ models <code>model:churn#7<\/code>/);
  assert.match(renderSearch({totalCount: 0, results: []}), /Nothing found/);
});
