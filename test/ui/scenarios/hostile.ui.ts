// The `hostile` data set in the real workbench: every tree, a Markdown tooltip of each view and every kind of
// details panel. Payloads call back to the emulator that serves them; the scenario ends with zero hits.
// Runs in the shared UI session (test/ui/session.ts): its emulator is swapped for a hostile one through the
// user's settings.json (awsHistory.endpoints), and put back afterwards.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { EmulatorControl } from '../../emulator/control';
import { regionData, type RegionData } from '../../emulator/data';
import { HOSTILE_CLUSTER, HOSTILE_FUNCTION, hostileExecutionDetail } from '../../emulator/gen-hostile';
import { startEmulator, type RunningEmulator } from '../../emulator/server';
import { freePort } from '../../harness/util';
import { plainLine } from '../../../src/util/plainText';
import { eventually } from '../eventually';
import { containerTitle, ui } from '../session';

/** What is in a rendered hover or webview page that could fetch, run or navigate. */
interface ActiveContent {
  links: string[];
  elements: string[];
  handlers: string[];
}

function inspectActiveContent(root: Element): ActiveContent {
  const all = [root, ...Array.from(root.querySelectorAll('*'))];
  return {
    links: Array.from(root.querySelectorAll('a')).map((a) => a.getAttribute('data-href') || a.getAttribute('href') || '(no href)'),
    elements: all
      .filter(
        (el) =>
          /^(img|iframe|object|embed|base|form|input|video|audio|source|style|meta|details)$/i.test(el.tagName) ||
          (el.tagName === 'SCRIPT' && !el.hasAttribute('nonce')) ||
          (el.tagName === 'LINK' && !/\/dist\/webview\/panel\.css/.test(el.getAttribute('href') ?? '')),
      )
      .map((el) => el.outerHTML.slice(0, 120)),
    handlers: all.flatMap((el) =>
      Array.from(el.attributes)
        .filter((a) => /^on/i.test(a.name))
        .map((a) => `${el.tagName}[${a.name}]`),
    ),
  };
}

const noActiveContent: ActiveContent = { links: [], elements: [], handlers: [] };
/** Whitespace as one space; VS Code draws a line break inside a row's text as ⏎, and spaces in hovers as NBSP. */
const oneLine = (text: string): string =>
  text
    .replace(/[\u00a0\u23ce]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The details page on screen (a webview is two iframes deep). */
function pageFrame(page: Page): FrameLocator {
  return page.locator('iframe.webview.ready').filter({ visible: true }).contentFrame().locator('iframe#active-frame').contentFrame();
}

/** The hover a row shows after the pointer rests on it, and what it rendered. */
async function hoverOf(page: Page, row: Locator, expect: string): Promise<{ text: string; active: ActiveContent }> {
  await row.locator('.label-name').hover();
  const hover = page.locator('.workbench-hover, .monaco-hover').filter({ visible: true }).last();
  await eventually(async () => assert.ok(oneLine((await hover.textContent()) ?? '').includes(expect), `the hover shows "${expect}"`));
  const text = (await hover.textContent()) ?? '';
  const active = await hover.evaluate(inspectActiveContent);
  await ui().workbench.parkMouse();
  return { text, active };
}

describe('Hostile data (issue 8)', () => {
  let hostile: RunningEmulator;
  let control: EmulatorControl;
  let data: RegionData;
  let base = '';
  const settingsFile = (): string => path.join(ui().env.server.userDataDir, 'User', 'settings.json');

  /** Points every service at `url` (undefined: back to the session's emulator) in the user's settings.json. */
  async function useEndpoint(url: string | undefined): Promise<void> {
    await ui().workbench.editUserSettings(settingsFile(), (settings) => {
      if (url) {
        settings['awsHistory.endpoints'] = { dynamodb: url, rds: url, lambda: url };
      } else {
        delete settings['awsHistory.endpoints'];
      }
    });
  }

  before(async function () {
    this.timeout(60_000);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // The data set aims its payloads at EMULATOR_URL when it is built: here, at the hostile emulator itself.
    const saved = process.env.EMULATOR_URL;
    process.env.EMULATOR_URL = base;
    try {
      hostile = await startEmulator({ dataset: 'hostile', port });
    } finally {
      if (saved === undefined) {
        delete process.env.EMULATOR_URL;
      } else {
        process.env.EMULATOR_URL = saved;
      }
    }
    control = new EmulatorControl(hostile.url);
    data = regionData(hostile.dataset, 'us-east-1');
    const { workbench, views } = ui();
    await workbench.sideBar.open(containerTitle);
    await useEndpoint(hostile.url);
    await workbench.sideBar.focusView(views.dynamodb.title);
    await eventually(
      async () =>
        assert.deepEqual(
          (await views.dynamodb.children()).map((r) => r.label),
          data.backups.map((b) => b.backupName),
        ),
      { timeoutMs: 30_000 },
    );
  });

  after(async function () {
    this.timeout(60_000);
    const { workbench, views, truth } = ui();
    await workbench.closeAllEditors();
    await useEndpoint(undefined);
    await workbench.sideBar.focusView(views.dynamodb.title);
    const first = truth.userBackups()[0].backupName;
    await eventually(async () => assert.equal((await views.dynamodb.children())[0]?.label, first, 'the session emulator is back'), { timeoutMs: 30_000 });
    await hostile?.close();
  });

  afterEach(async () => {
    const hits = await control.callbacks();
    assert.equal(hits.count, 0, `payloads called back: ${JSON.stringify(hits.hits.slice(0, 5).map((h) => h.path))}`);
  });

  it('every tree shows the names, engine versions, statuses and descriptions literally, and hovers render no links, images or HTML from data', async () => {
    const { workbench, views, env } = ui();
    const page = env.page;

    // DynamoDB: valid but awkward names (prototype keys, 255 characters) as labels.
    const backups = await views.dynamodb.children();
    assert.deepEqual(
      backups.map((r) => r.label),
      data.backups.map((b) => b.backupName),
    );

    // Aurora: the engine version (all the attacks, one per line) in the description and the Markdown hover.
    await workbench.sideBar.focusView(views.aurora.title);
    const cluster = data.clusters.find((c) => c.identifier === HOSTILE_CLUSTER)!;
    const row = await eventually(async () => {
      const found = (await views.aurora.children()).find((r) => r.label === HOSTILE_CLUSTER);
      assert.ok(found, 'the hostile cluster is listed');
      return found;
    });
    const expectedDescription = oneLine(`aurora-mysql ${cluster.engineVersion}`);
    assert.ok(
      oneLine(row.description).startsWith(expectedDescription),
      `the engine version shows as text:\n${oneLine(row.description).slice(0, 300)}\n${expectedDescription.slice(0, 300)}`,
    );
    const clusterHover = await hoverOf(page, await views.aurora.reveal(HOSTILE_CLUSTER), 'Engine version');
    // Hovers show each value on one line with invisible controls named (plainLine), inside a code span.
    assert.ok(oneLine(clusterHover.text).includes(oneLine(plainLine(cluster.engineVersion))), 'the hover shows the engine version literally');
    assert.deepEqual(clusterHover.active, noActiveContent, 'no link, image, HTML element or handler in the hover');

    // Backtrack statuses: markup, a Markdown command link and 5,000 characters, each as a row's text.
    const backtracks = await views.aurora.expandRow(HOSTILE_CLUSTER);
    for (const sent of data.backtracks) {
      const status = oneLine(sent.status.replace(/\r\n/g, '\n'));
      assert.ok(
        backtracks.some((r) => oneLine(r.description).startsWith(status)),
        `a row starts with the status "${status.slice(0, 40)}…"`,
      );
    }
    await views.aurora.collapseRow(HOSTILE_CLUSTER);

    // Lambda: the function description (a command link and an image in Markdown) in the hover.
    await workbench.sideBar.focusView(views.lambda.title);
    const fn = data.functions.find((f) => f.name === HOSTILE_FUNCTION)!;
    const fnHover = await hoverOf(page, await views.lambda.reveal(HOSTILE_FUNCTION), 'Description');
    assert.ok(oneLine(fnHover.text).includes(oneLine(plainLine(fn.description))), 'the hover shows the description literally');
    assert.deepEqual(fnHover.active, noActiveContent);
    const executions = await views.lambda.expandRow(HOSTILE_FUNCTION);
    assert.deepEqual(executions.map((r) => r.label).sort(), data.executions.map((e) => e.name).sort());
    await views.lambda.collapseRow(HOSTILE_FUNCTION);
  });

  it('every kind of details panel shows hostile fields as text, with nothing active in the page', async () => {
    const { workbench, views, env } = ui();
    const { panel } = workbench;
    const page = env.page;
    const open = async (view: typeof views.dynamodb, label: string, title: string): Promise<void> => {
      await view.click(label, { until: async () => assert.equal(await workbench.activeTabTitle(), title) });
      await panel.waitForDocument(title);
    };
    const pageIsInert = async (): Promise<void> => {
      const active = await pageFrame(page).locator('body').evaluate(inspectActiveContent);
      assert.deepEqual(active, noActiveContent, 'the page holds only what the extension built');
    };

    // A backup: hostile attribute names and KMS key text from DescribeBackup.
    await workbench.sideBar.focusView(views.dynamodb.title);
    const backup = data.backups.find((b) => b.backupName === '__proto__')!;
    const table = data.tables.find((t) => t.name === backup.tableName)!;
    await open(views.dynamodb, backup.backupName, backup.backupName);
    assert.equal(await panel.field('KMS key ARN'), table.sse?.KMSMasterKeyArn);
    assert.equal(await panel.field('Key schema'), table.keySchema.map((k) => `${k.AttributeName} (${k.KeyType})`).join(', '));
    await pageIsInert();

    // A backtrack whose status is an SVG onload payload.
    await workbench.sideBar.focusView(views.aurora.title);
    const backtracks = await views.aurora.expandRow(HOSTILE_CLUSTER);
    const sent = data.backtracks[1];
    const row = backtracks.find((r) => r.description.startsWith(sent.status));
    assert.ok(row, 'the backtrack row');
    await open(views.aurora, row.label, `Backtrack ${sent.backtrackIdentifier.slice(0, 8)}`);
    assert.equal(await panel.status(), sent.status);
    await pageIsInert();
    await views.aurora.collapseRow(HOSTILE_CLUSTER);

    // An execution: error message, type, stack trace, payloads, trace header and history names.
    await workbench.sideBar.focusView(views.lambda.title);
    await views.lambda.expandRow(HOSTILE_FUNCTION);
    const failed = data.executions.find((e) => e.name === 'hostile-failed')!;
    const detail = hostileExecutionDetail(failed, base);
    await open(views.lambda, failed.name, failed.name);
    assert.equal(await panel.field('Message'), detail.error?.ErrorMessage);
    assert.equal(await panel.field('Type'), detail.error?.ErrorType);
    assert.equal(await panel.field('Trace header'), detail.traceId);
    const text = (await pageFrame(page).locator('main').textContent()) ?? '';
    for (const line of detail.error?.StackTrace ?? []) {
      assert.ok(text.includes(line), `the stack trace line shows literally: ${line.slice(0, 60)}`);
    }
    await pageIsInert();

    // The 6 MB input: cut in the panel, whole in a read-only JSON editor.
    await open(views.lambda, 'hostile-6mb', 'hostile-6mb');
    const input = pageFrame(page)
      .locator('section.block')
      .filter({ has: pageFrame(page).locator('h2', { hasText: 'Input payload' }) });
    assert.match((await input.textContent()) ?? '', /Showing the first 100,000 of 6,291,456 characters/);
    await pageIsInert();
    await input.getByRole('button', { name: 'Open the whole Input payload in an editor' }).click();
    // It opens beside the panel, in a second editor group.
    const wholeTab = page.locator('.tabs-container .tab .label-name', { hasText: /Input payload\.json$/ });
    await eventually(async () => assert.equal(await wholeTab.count(), 1, 'the whole payload opened as a JSON editor'), { timeoutMs: 30_000 });
    await views.lambda.collapseRow(HOSTILE_FUNCTION);
    await workbench.closeAllEditors();
  });
});
