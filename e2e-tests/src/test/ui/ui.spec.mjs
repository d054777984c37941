// The web UI in a real browser against the real platform, as a person clicks through it. Run by DemoIT (the demo's
// data, open mode) and SecuredClusterIT (sign-in with a key), which pass what to open in the environment:
//   HEADWATER_QUERY_URL   query-service
//   HEADWATER_UI_MODE     "story" (every page type), "sign-in" (the key form, then one page), or "timing" (decision
//                         pages of HEADWATER_UI_DATA.decisions loaded one after another, times printed: ./headwater bench query)
//   HEADWATER_UI_DATA     JSON: decision, compare (two run ids), model, version, declaredJob (a job known only from a JobEvent) (story mode)
//   HEADWATER_READER_KEY  a reader's key (sign-in mode)
//   HEADWATER_SCREENSHOTS where to write a screenshot of each page type (optional)
//   CHROMIUM              the browser (default /usr/bin/chromium)
// Exits 0 when every check held; else prints the first that failed and exits 1. Any console error fails it.
import {chromium} from 'playwright-core';
import {mkdirSync} from 'node:fs';
import {join} from 'node:path';

const base = process.env.HEADWATER_QUERY_URL.replace(/\/$/, '');
const mode = process.env.HEADWATER_UI_MODE ?? 'story';
const data = JSON.parse(process.env.HEADWATER_UI_DATA ?? '{}');
const shots = process.env.HEADWATER_SCREENSHOTS;
if (shots) mkdirSync(shots, {recursive: true});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
    '--disable-sync'],
});
const problems = [];
const context = await browser.newContext({viewport: {width: 1360, height: 900}, acceptDownloads: true});
const page = await context.newPage();
page.on('console', message => { if (message.type() === 'error') problems.push('console error: ' + message.text()); });
page.on('pageerror', error => problems.push('page error: ' + error.message));
page.on('response', response => { if (response.status() >= 500) problems.push(`HTTP ${response.status()} for ${response.url()}`); });
page.setDefaultTimeout(20_000);

let step = 'start';
async function check(name, body) {
  step = name;
  const began = Date.now();
  await body();
  console.log(`ok   ${name} (${Date.now() - began} ms)`);
}

async function shot(name, fullPage = false) {
  if (shots) await page.screenshot({path: join(shots, name + '.png'), fullPage});
}

/** Waits up to 5 s for the element's text to match: a page re-renders after its answer arrives, not at once. */
async function expectText(selector, pattern) {
  const deadline = Date.now() + 5000;
  let text = '';
  while (Date.now() < deadline) {
    text = await page.locator(selector).first().innerText();
    if (pattern.test(text)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`${selector} reads "${text.slice(0, 300)}", not ${pattern}`);
}

async function nodes() {
  await page.locator('svg.graph-svg g.node').first().waitFor();
  return page.locator('svg.graph-svg g.node').count();
}

try {
  if (mode === 'timing') {
    await check('decision pages, each loaded afresh until its graph is drawn', async () => {
      await page.goto(`${base}/ui/decisions/${encodeURIComponent(data.decisions[0])}`);
      await nodes();
      const times = [];
      const counts = [];
      for (const id of data.decisions) {
        const began = Date.now();
        await page.goto(`${base}/ui/decisions/${encodeURIComponent(id)}`);
        const count = await nodes();
        times.push(Date.now() - began);
        counts.push(count);
        console.log(`     ${id}: ${count} nodes drawn ${times[times.length - 1]} ms after navigation began`);
      }
      times.sort((a, b) => a - b);
      counts.sort((a, b) => a - b);
      console.log(`timing: decision page with its graph (${counts[0]}–${counts[counts.length - 1]} nodes), ${times.length} loads: `
        + `median ${times[Math.floor(times.length / 2)]} ms, max ${times[times.length - 1]} ms`);
    });
  } else if (mode === 'sign-in') {
    await check('a page asks for a key, and shows its answer once given one', async () => {
      await page.goto(base + '/ui/models');
      await page.locator('#sign-in').waitFor();
      await page.fill('#api-key', process.env.HEADWATER_READER_KEY);
      await page.click('#sign-in button[type=submit]');
      await page.locator('h1', {hasText: 'Models'}).waitFor();
      await page.reload();
      await page.locator('h1', {hasText: 'Models'}).waitFor();
    });
    await check('a wrong key is refused and asked for again', async () => {
      await page.click('#sign-out');
      await page.locator('#sign-in').waitFor();
      await page.fill('#api-key', 'hwk_aaaaaaaaaaaa_' + 'x'.repeat(43));
      await page.click('#sign-in button[type=submit]');
      await page.locator('#sign-in').waitFor();
      await expectText('main', /not accepted/);
    });
  } else {
    await check('the home page leads to decisions, models and alerts', async () => {
      await page.goto(base + '/');
      await page.locator('#trace').waitFor();
      await expectText('main', /Open alerts/);
      await shot('home');
    });

    await check('a decision page draws its provenance as a graph and says its model version drifts', async () => {
      const began = Date.now();
      await page.goto(`${base}/ui/decisions/${encodeURIComponent(data.decision)}`);
      const count = await nodes();
      console.log(`     decision page with its graph (${count} nodes) rendered in ${Date.now() - began} ms`);
      if (count < 6) throw new Error(`only ${count} nodes in the provenance graph`);
      await expectText('.banner.alert', /open drift alert/);
      for (const kind of ['decision', 'modelVersion', 'run', 'datasetVersion']) {
        if (await page.locator(`g.node.k-${kind}`).count() === 0) throw new Error('no ' + kind + ' node drawn');
      }
      await shot('decision');
    });

    await check('the decision\'s compliance report downloads as a PDF', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-report=pdf]')]);
      if (!download.suggestedFilename().endsWith('.pdf')) throw new Error('the report is not a PDF: ' + download.suggestedFilename());
    });

    await check('a graph node opens its page, and back returns', async () => {
      await page.locator('svg.graph-svg g.node.k-modelVersion').first().click();
      await page.waitForURL(/\/ui\/models\/[^/]+\/versions\//);
      await page.goBack();
      await page.waitForURL(/\/ui\/decisions\//);
      await nodes();
    });

    await check('a graph grows in place: expanding a dataset adds its upstream', async () => {
      const before = await nodes();
      // top_countries' version: its upstream (job2, revenue_by_country) is in the lineage, not in the provenance graph.
      const expandable = page.locator('svg.graph-svg g.node.k-datasetVersion[data-id*="top_countries"] [data-expand]');
      await expandable.first().click();
      await page.waitForFunction(n => document.querySelectorAll('svg.graph-svg g.node').length > n, before);
    });

    await check('decision → model version: the drift chart and the open alert', async () => {
      await page.locator('main dl.kv a[href*="/ui/models/"]').first().click();
      await page.waitForURL(/\/ui\/models\/[^/]+\/versions\//);
      await page.locator('canvas[data-drift]').first().waitFor();
      await page.locator('canvas[data-histogram]').first().waitFor();
      await expectText('section:has(h2:text("Alerts")) table', /OPEN/);
      await page.locator('section:has(h2:text("Validations"))').waitFor();
      await page.waitForTimeout(300);
      await shot('model-version');
    });

    await check('the model version\'s technical documentation downloads as a PDF', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-report=pdf]')]);
      if (!/^model-.+\.pdf$/.test(download.suggestedFilename())) throw new Error('the documentation is not a PDF: ' + download.suggestedFilename());
    });

    await check('model version → training run: parameters, metric curves, how to reproduce', async () => {
      await page.locator('main > dl.kv a[href^="/ui/runs/"]').first().click();
      await page.waitForURL(/\/ui\/runs\//);
      await page.locator('h1', {hasText: 'Run'}).waitFor();
      await page.locator('canvas[data-metric]').first().waitFor();
      await page.locator('#reproduce button[data-copy]').first().waitFor();
      await expectText('section:has(h2:text("Parameters"))', /learning_rate/);
      await page.waitForTimeout(300);
      await shot('run', true);
    });

    await check('training run → input dataset → its upstream job, each with its graph', async () => {
      await page.locator('section:has(h2:text("Inputs")) a[href^="/ui/datasets/"]').first().click();
      await page.waitForURL(/\/ui\/datasets\//);
      await nodes();
      await page.selectOption('select[name=direction]', 'upstream');
      await page.click('form[data-route=lineage] button[type=submit]');
      await page.waitForURL(/direction=upstream/);
      await nodes();
      await shot('dataset');
      await page.locator('svg.graph-svg g.node.k-job').first().click();
      await page.waitForURL(/\/ui\/jobs\//);
      await page.locator('section:has(h2:text("Runs")) table a[href^="/ui/runs/"]').first().waitFor();
      await shot('job', true);
      await page.goBack();
      await page.waitForURL(/\/ui\/datasets\//);
      await page.reload();
      await nodes();
    });

    await check('column-level lineage: a dataset\'s fields and the fields they came from', async () => {
      await page.goto(`${base}/ui/datasets/${encodeURIComponent('dataset:file:/srv/spark-demo/data/out/revenue_by_country')}?columns=true`);
      await nodes();
      if (await page.locator('svg.graph-svg g.node.k-field').count() < 2) throw new Error('no field nodes drawn at column level');
    });

    if (data.declaredJob) await check('static lineage no run has shown is drawn apart: dashed, with a legend entry', async () => {
      await page.goto(`${base}/ui/jobs/${encodeURIComponent(data.declaredJob)}`);
      await nodes();
      const dashed = await page.locator('svg.graph-svg path.edge.declared-only').count();
      if (dashed < 3) throw new Error(`${dashed} dashed edges, not the 3 the JobEvent declares`);
      await page.locator('.legend .lg-edge.declared-only').waitFor();
    });

    await check('a dataset page says what its producers said: its columns, the jobs around it, its versions and who wrote each', async () => {
      await page.goto(`${base}/ui/datasets/${encodeURIComponent('dataset:file:/srv/spark-demo/data/out/revenue_by_country')}`);
      await page.locator('section:has(h2:text("Versions")) table a[href^="/ui/runs/"]').first().waitFor();
      await expectText('section:has(h2:text("Jobs")) table', /writes\s+observed/);
      await page.locator('section:has(h2:text("Columns")) table code').first().waitFor();
    });

    await check('two runs compared: the differences marked, the curves overlaid', async () => {
      await page.goto(`${base}/ui/compare?runs=${data.compare.join(',')}`);
      await page.locator('tr.differs').first().waitFor();
      await expectText('section:has(h2:text("Parameters")) tr.differs', /learning_rate/);
      await page.locator('canvas[data-metric]').first().waitFor();
      await page.check('#only-differences');
      if (await page.locator('tr.same').first().isVisible().catch(() => false)) throw new Error('rows that do not differ still shown');
      await page.waitForTimeout(300);
      await shot('compare', true);
    });

    await check('the model inventory counts decisions and open alerts', async () => {
      await page.goto(base + '/ui/models');
      await expectText('main table', new RegExp(`v${data.version}`));
      await expectText('main table', /open \(ALERT\)/);
      await shot('models');
      await page.selectOption('select[name=severity]', 'ALERT');
      await page.click('form[data-route=models] button[type=submit]');
      await page.waitForURL(/severity=ALERT/);
      await expectText('main table', new RegExp(`v${data.version}`));
    });

    await check('impact of a dataset version, exported as CSV', async () => {
      await page.goto(base + '/ui/search?q=top_countries');
      await page.locator('main table a[href^="/ui/datasets/"]').first().click();
      await page.waitForURL(/\/ui\/datasets\//);
      await page.locator('a', {hasText: 'impact downstream'}).click();
      await page.waitForURL(/\/ui\/impact\//);
      await expectText('ul.counts', /decisions/);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
      if (!download.suggestedFilename().endsWith('.csv')) throw new Error('the export is not a CSV: ' + download.suggestedFilename());
      await shot('impact');
    });

    await check('alerts and search link to their pages', async () => {
      await page.goto(base + '/ui/alerts');
      await page.locator('table.alerts a[href*="/ui/models/"]').first().waitFor();
      await shot('alerts');
      await page.fill('#search-q', data.model);
      await page.press('#search-q', 'Enter');
      await page.waitForURL(/\/ui\/search\?q=/);
      await page.locator('main table a').first().waitFor();
    });

    await check('a phone-sized screen: no sideways scrolling, the graph still drawn', async () => {
      await page.setViewportSize({width: 390, height: 844});
      await page.goto(`${base}/ui/decisions/${encodeURIComponent(data.decision)}`);
      await nodes();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 2) throw new Error(`the page is ${overflow} px wider than the screen`);
      await shot('decision-phone');
    });

    await check('keyboard: a graph node takes the focus and Enter opens it', async () => {
      await page.setViewportSize({width: 1360, height: 900});
      await page.goto(`${base}/ui/decisions/${encodeURIComponent(data.decision)}`);
      await nodes();
      await page.locator('svg.graph-svg g.node.k-run').first().focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/ui\/runs\//);
    });

    await check('an unknown decision says so', async () => {
      await page.goto(base + '/ui/decisions/no-such-decision');
      await expectText('h1', /Not found/);
      problems.splice(0, problems.length, ...problems.filter(p => !/404/.test(p)));
    });
  }
  const real = problems.filter(p => !/status of 40[14]/.test(p));
  if (real.length) throw new Error(real.join('\n'));
  console.log('all checks held');
  await browser.close();
  process.exit(0);
} catch (e) {
  console.log(`FAILED ${step}: ${e.message}`);
  if (problems.length) console.log(problems.join('\n'));
  if (shots) await page.screenshot({path: join(shots, 'failure.png'), fullPage: true}).catch(() => {});
  await browser.close();
  process.exit(1);
}
