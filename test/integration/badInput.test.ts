import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Command, type ServiceKey } from '../../src/constants';
import { validateTableInput } from '../../src/dynamodb/validation';
import { checkRange, parseDateInput } from '../../src/filters/dateInput';
import { mergeFilters } from '../../src/filters/filterSpec';
import { executionFilterSpec } from '../../src/lambda/filters';
import { validateExecutionName, validateFunctionInput, validateQualifier } from '../../src/lambda/validation';
import { backtrackFilterSpec } from '../../src/rds/filters';
import { validateBacktrackId, validateBacktrackIdList, validateClusterInput } from '../../src/rds/validation';
import type { PagedTreeProvider } from '../../src/tree/pagedTreeProvider';
import type { ListLoadMoreRow as LoadMoreRow } from '../../src/tree/pagedChildren';
import { api, emulator, expand, hideViews, isError, itemRows, label, lastRow, provider, waitFor } from './helpers';
import { setSetting, settledChildren, tooltipOf, WindowStubs } from './securityKit';

/*
 * Every input the extension accepts (the README's "Accepted input" table), each tried with at least three
 * invalid values: the user sees the validator's own message, nothing is stored and no request is sent.
 * Input boxes and pickers are VS Code's own UI; the suite replaces them with stubs that type the value,
 * read what the box would show (validateInput, the typed entry of a picker) and press Enter anyway.
 */

type Item = vscode.QuickPickItem & { value?: unknown };

/** Enough of vscode.QuickPick for the extension's pickers: typing, Enter, Escape. */
class FakeQuickPick {
  title: string | undefined;
  placeholder: string | undefined;
  busy = false;
  matchOnDescription = false;
  items: readonly Item[] = [];
  selectedItems: readonly Item[] = [];
  value = '';
  shown = false;
  private readonly listeners = { value: [] as ((v: string) => void)[], accept: [] as (() => void)[], hide: [] as (() => void)[] };
  readonly onDidChangeValue = (l: (v: string) => void) => this.listen(this.listeners.value, l);
  readonly onDidAccept = (l: () => void) => this.listen(this.listeners.accept, l);
  readonly onDidHide = (l: () => void) => this.listen(this.listeners.hide, l);
  show(): void {
    this.shown = true;
  }
  hide(): void {
    for (const l of this.listeners.hide.splice(0)) {
      l();
    }
  }
  dispose(): void {
    this.listeners.value.length = 0;
    this.listeners.accept.length = 0;
  }
  type(text: string): void {
    this.value = text;
    for (const l of this.listeners.value) {
      l(text);
    }
  }
  enter(item: Item | undefined): void {
    this.selectedItems = item ? [item] : [];
    for (const l of this.listeners.accept) {
      l();
    }
  }
  private listen<T>(list: T[], l: T): vscode.Disposable {
    list.push(l);
    return { dispose: () => list.splice(list.indexOf(l), 1) };
  }
}

interface PendingBox {
  readonly options: vscode.InputBoxOptions;
  answer(text: string | undefined): void;
}

/** Stubs for showQuickPick (answers by label, in order), showInputBox (held open) and createQuickPick. */
class InputStubs extends WindowStubs {
  readonly boxes: PendingBox[] = [];
  readonly pickers: FakeQuickPick[] = [];
  constructor(private readonly choices: string[] = []) {
    super();
    this.replace('showQuickPick', async (items: readonly Item[] | Thenable<readonly Item[]>) => {
      const wanted = this.choices.shift();
      return (await items).find((i) => i.label === wanted);
    });
    this.replace('showInputBox', (options: vscode.InputBoxOptions = {}) => new Promise((resolve) => this.boxes.push({ options, answer: resolve })));
    this.replace('createQuickPick', () => {
      const picker = new FakeQuickPick();
      this.pickers.push(picker);
      return picker;
    });
  }
  box(): Promise<PendingBox> {
    return waitFor('the input box', () => this.boxes.shift());
  }
  picker(): Promise<FakeQuickPick> {
    return waitFor('the picker', () => this.pickers.find((p) => p.shown));
  }
}

async function shownByBox(box: PendingBox, text: string): Promise<string | undefined> {
  const result = await box.options.validateInput?.(text);
  return typeof result === 'string' || result === undefined || result === null ? (result ?? undefined) : result.message;
}

const filterCommands: Record<ServiceKey, string> = { dynamodb: Command.dynamodbFilter, rds: Command.rdsFilter, lambda: Command.lambdaFilter };

describe("Bad input is refused with the validator's message, and nothing is sent (issue 8)", function () {
  this.timeout(120_000);
  let views: Record<ServiceKey, PagedTreeProvider>;

  async function filtersOf(service: ServiceKey): Promise<string> {
    return (await api()).feature.views.get(service).filters.describe();
  }

  /** Runs `body`, then checks that no AWS request was sent (other than `allowed` operations) and the filters did not change. */
  async function nothingSent(body: () => Promise<void>, allowed: string[] = []): Promise<void> {
    const before = await Promise.all((['dynamodb', 'rds', 'lambda'] as const).map(filtersOf));
    await emulator().clearRequests();
    await body();
    const sent = (await emulator().requests()).filter((r) => !allowed.includes(r.operation));
    assert.deepEqual(
      sent.map((r) => `${r.operation} ${JSON.stringify(r.params)}`),
      [],
      'no request was sent',
    );
    assert.deepEqual(await Promise.all((['dynamodb', 'rds', 'lambda'] as const).map(filtersOf)), before, 'no filter changed');
  }

  before(async () => {
    views = { dynamodb: await provider('dynamodb'), rds: await provider('rds'), lambda: await provider('lambda') };
    await setSetting('pageSize', 25);
  });

  beforeEach(async () => {
    await hideViews();
    await emulator().reset();
    for (const view of (await api()).feature.views.all()) {
      await view.filters.clear();
      view.provider.refresh();
    }
    // Lists exist (and stay) before each test, so any request afterwards would be caused by the input.
    for (const p of Object.values(views)) {
      await expand(p);
    }
  });

  after(async () => {
    for (const key of ['pageSize', 'profile', 'region', 'endpoints', 'requestTimeoutSeconds', 'lambda.autoRefreshSeconds']) {
      await setSetting(key, undefined);
    }
    for (const view of (await api()).feature.views.all()) {
      await view.filters.clear();
    }
  });

  describe('filters given as a command argument (scripts, keybindings)', () => {
    const cases: { service: ServiceKey; input: string; values: unknown[]; message: (v: unknown) => string | undefined }[] = [
      {
        service: 'dynamodb',
        input: 'table',
        values: ['ab', 'bad name!', 'x'.repeat(256), 'arn:aws:s3:::bucket'],
        message: (v) => validateTableInput(v as string),
      },
      { service: 'dynamodb', input: 'backupType', values: ['WEEKLY', 'user', ''], message: () => 'Backup type must be one of USER, SYSTEM, AWS_BACKUP, ALL.' },
      { service: 'dynamodb', input: 'after', values: ['yesterday', '2026-13-45', '31/12/2026'], message: () => '"after" is not a date.' },
      { service: 'dynamodb', input: 'before', values: ['soon', '2026-02-30T25:00', 'now-ish'], message: () => '"before" is not a date.' },
      {
        service: 'rds',
        input: 'cluster',
        values: ['1abc', 'a--b', 'ends-', 'x'.repeat(64), 'arn:aws:rds:us-east-1:123456789012:cluster:bad--id'],
        message: (v) => validateClusterInput(v as string),
      },
      {
        service: 'rds',
        input: 'backtrackId',
        values: ['not-a-uuid', '123', 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz'],
        message: (v) => validateBacktrackId(v as string),
      },
      {
        service: 'rds',
        input: 'statuses',
        values: [['done'], 'COMPLETE', [42]],
        message: () => 'Statuses must be among applying, completed, failed, pending.',
      },
      { service: 'rds', input: 'backtrackIds', values: [['x'], 'nope', [1]], message: (v) => mergeProblem({ backtrackIds: v }) },
      {
        service: 'lambda',
        input: 'function',
        values: ['has space', 'slash/name', 'a'.repeat(257), 'arn:aws:s3:::bucket'],
        message: (v) => validateFunctionInput(v as string),
      },
      { service: 'lambda', input: 'qualifier', values: ['bad qualifier', 'x'.repeat(129), 'semi;colon'], message: (v) => validateQualifier(v as string) },
      { service: 'lambda', input: 'name', values: ['has space', 'x'.repeat(65), 'dot.name'], message: (v) => validateExecutionName(v as string) },
      {
        service: 'lambda',
        input: 'statuses',
        values: [['DONE'], 'RUNNING', ['RUNNING', 'RUNNING']],
        message: (v) => problemOf(mergeFilters(executionFilterSpec(), {}, { statuses: v })),
      },
      { service: 'lambda', input: 'after', values: ['soon', '2026-02-30T99:00', 42], message: () => '"after" is not a date.' },
      { service: 'lambda', input: 'before', values: ['later', 'tomorrow', true], message: () => '"before" is not a date.' },
      { service: 'lambda', input: 'order', values: ['sideways', 1, 'NEWEST'], message: () => 'Order must be one of newest, oldest.' },
    ];
    for (const c of cases) {
      it(`${c.service} ${c.input}: ${c.values.length} invalid values`, async () => {
        const stubs = new WindowStubs();
        try {
          await nothingSent(async () => {
            for (const value of c.values) {
              const expected = c.message(value);
              assert.ok(expected, `the validator refuses ${JSON.stringify(value)}`);
              assert.equal(await vscode.commands.executeCommand<boolean>(filterCommands[c.service], { [c.input]: value }), false);
              assert.equal(stubs.messages('error').at(-1), `Filter not applied: ${expected}`);
            }
          });
        } finally {
          stubs.restore();
        }
      });
    }

    it('a date range whose start is not before its end, in both views that take one', async () => {
      const stubs = new WindowStubs();
      try {
        await nothingSent(async () => {
          for (const service of ['dynamodb', 'lambda'] as const) {
            for (const [after, before] of [
              ['2026-02-01T00:00:00Z', '2026-01-01T00:00:00Z'],
              ['2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'],
              ['2030-01-01T00:00:00Z', '2000-01-01T00:00:00Z'],
            ]) {
              assert.equal(await vscode.commands.executeCommand<boolean>(filterCommands[service], { after, before }), false);
              assert.equal(stubs.messages('error').at(-1), `Filter not applied: ${checkRange(new Date(after), new Date(before))}`);
            }
          }
        });
      } finally {
        stubs.restore();
      }
    });
  });

  describe('filter input boxes and pickers', () => {
    const boxes: { service: ServiceKey; path: string[]; values: string[]; message: (v: string) => string | undefined }[] = [
      {
        service: 'dynamodb',
        path: ['$(calendar) Created on or after', '$(edit) Enter a date…'],
        values: ['yesterday', '2026-13-01', '31/12/2026'],
        message: (v) => dateMessage(v),
      },
      {
        service: 'dynamodb',
        path: ['$(calendar) Created before', '$(edit) Enter a date…'],
        values: ['next week', '2026-02-30', '12:00'],
        message: (v) => dateMessage(v),
      },
      { service: 'rds', path: ['$(key) Backtrack identifier'], values: ['not-a-uuid', '2f5f5294', 'g'.repeat(36)], message: (v) => validateBacktrackId(v) },
      {
        service: 'rds',
        path: ['$(list-flat) Backtrack ids'],
        values: ['x, y', ',,,', '2f5f5294-0dd2-44c9-9f50-1a2b3c4d5e6f nope'],
        message: (v) => validateBacktrackIdList(v),
      },
      {
        service: 'lambda',
        path: ['$(versions) Qualifier', '$(edit) Enter a version or alias…'],
        values: ['bad qualifier', 'x'.repeat(129), 'semi;colon'],
        message: (v) => validateQualifier(v),
      },
      {
        service: 'lambda',
        path: ['$(symbol-string) Execution name'],
        values: ['has space', 'x'.repeat(65), 'dot.name'],
        message: (v) => validateExecutionName(v),
      },
      {
        service: 'lambda',
        path: ['$(calendar) Started after', '$(edit) Enter a date…'],
        values: ['soon', '2026-00-10', '1/2/3'],
        message: (v) => dateMessage(v),
      },
      {
        service: 'lambda',
        path: ['$(calendar) Started before', '$(edit) Enter a date…'],
        values: ['later', '99d ago', '2026-01-01T24:00'],
        message: (v) => dateMessage(v),
      },
    ];
    for (const c of boxes) {
      it(`${c.service} ${c.path[0].replace(/^\$\([\w-]+\) /, '')}: the box shows the validator's message for ${c.values.length} invalid values`, async () => {
        const stubs = new InputStubs([...c.path]);
        try {
          await nothingSent(async () => {
            const running = vscode.commands.executeCommand(filterCommands[c.service]);
            const box = await stubs.box();
            for (const value of c.values) {
              const expected = c.message(value);
              assert.ok(expected, `the validator refuses ${JSON.stringify(value)}`);
              assert.equal(await shownByBox(box, value), expected, `the box shows the message for ${JSON.stringify(value)}`);
            }
            // Enter with an invalid value anyway: the command re-checks and stores nothing.
            box.answer(c.values[0]);
            await running;
          });
        } finally {
          stubs.restore();
        }
      });
    }

    const pickers: { service: ServiceKey; entry: string; values: string[]; message: (v: string) => string | undefined; allowed?: string[] }[] = [
      // The table picker lists tables (ListTables) when it opens; that is the only request it may send.
      {
        service: 'dynamodb',
        entry: '$(table) Table',
        values: ['ab', 'bad name!', 'x'.repeat(256), 'arn:aws:s3:::bucket'],
        message: (v) => validateTableInput(v),
        allowed: ['ListTables'],
      },
      { service: 'rds', entry: '$(database) Cluster', values: ['1abc', 'a--b', 'ends-'], message: (v) => validateClusterInput(v) },
      {
        service: 'lambda',
        entry: '$(symbol-function) Function',
        values: ['has space', 'slash/name', 'a'.repeat(257)],
        message: (v) => validateFunctionInput(v),
      },
    ];
    for (const c of pickers) {
      it(`${c.service} ${c.entry.replace(/^\$\([\w-]+\) /, '')} picker: a typed invalid value shows the validator's message, and Enter only opens a box that says it again`, async () => {
        const stubs = new InputStubs([c.entry]);
        try {
          await nothingSent(async () => {
            const running = vscode.commands.executeCommand(filterCommands[c.service]);
            const picker = await stubs.picker();
            let typed: Item | undefined;
            for (const value of c.values) {
              picker.type(value);
              typed = picker.items.find((i) => i.label === value.trim());
              assert.ok(typed, `the typed value is offered as an entry: ${value}`);
              assert.equal(typed.detail, c.message(value), `the entry shows the validator's message for ${JSON.stringify(value)}`);
            }
            const last = c.values.at(-1)!;
            picker.enter(typed);
            const box = await stubs.box();
            assert.equal(box.options.value, last, 'the box starts with what was typed');
            assert.equal(await shownByBox(box, last), c.message(last), 'the box shows the same message');
            box.answer(last);
            await running;
          }, c.allowed);
        } finally {
          stubs.restore();
        }
      });
    }
  });

  describe('token and count boxes', () => {
    const badTokens = ['', '   ', 'has space', 'line\nbreak', 'x'.repeat(4097)];
    const tokenMessage = (v: string): string =>
      v.trim() === ''
        ? 'Paste a page token.'
        : v.trim().length > 4096
          ? 'A page token is at most 4096 characters.'
          : 'A page token has no spaces or line breaks.';

    it('Resume Listing from Token: the box shows the message for 5 invalid tokens; Enter anyway does not touch the list', async () => {
      const stubs = new InputStubs();
      try {
        const list = (lastRow(await expand(views.dynamodb)) as LoadMoreRow).list;
        const loaded = list.loadedCount;
        await nothingSent(async () => {
          const running = vscode.commands.executeCommand(Command.resumeFromToken, list);
          const box = await stubs.box();
          for (const token of badTokens) {
            assert.equal(await shownByBox(box, token), tokenMessage(token), JSON.stringify(token.slice(0, 20)));
          }
          box.answer('has space');
          await running;
        });
        assert.equal(list.loadedCount, loaded, 'the list keeps its pages');
      } finally {
        stubs.restore();
      }
    });

    it('Resume Listing from Token with a token argument: an invalid one is refused with the same message', async () => {
      const stubs = new WindowStubs();
      try {
        const list = (lastRow(await expand(views.dynamodb)) as LoadMoreRow).list;
        await nothingSent(async () => {
          for (const token of badTokens.slice(2)) {
            await vscode.commands.executeCommand(Command.resumeFromToken, list, token);
            assert.equal(stubs.messages('error').at(-1), `Token not used: ${tokenMessage(token)}`);
          }
        });
      } finally {
        stubs.restore();
      }
    });

    const badCounts = ['0', '-1', 'abc', '100001', '2.5', ''];
    it('Load Up to N More: the box shows the message for 6 invalid counts; Enter anyway loads nothing', async () => {
      const stubs = new InputStubs();
      try {
        const row = lastRow(await expand(views.dynamodb)) as LoadMoreRow;
        await nothingSent(async () => {
          const running = vscode.commands.executeCommand(Command.loadUpTo, row);
          const box = await stubs.box();
          for (const count of badCounts) {
            assert.equal(await shownByBox(box, count), 'Enter a whole number from 1 to 100000.', JSON.stringify(count));
          }
          box.answer('0');
          await running;
        });
      } finally {
        stubs.restore();
      }
    });

    it('Load Up to N More with a count argument: an invalid one is refused with the same message', async () => {
      const stubs = new WindowStubs();
      try {
        const row = lastRow(await expand(views.dynamodb)) as LoadMoreRow;
        await nothingSent(async () => {
          for (const count of [0, -1, 100_001, 2.5, Number.NaN]) {
            await vscode.commands.executeCommand(Command.loadUpTo, row, count);
            assert.equal(stubs.messages('error').at(-1), 'Nothing loaded: Enter a whole number from 1 to 100000.', String(count));
          }
        });
      } finally {
        stubs.restore();
      }
    });
  });

  describe('profile and region pickers', () => {
    it("Select Region: a typed invalid region shows the validator's message and Enter does nothing", async () => {
      const stubs = new InputStubs();
      try {
        const { session } = (await api()).feature;
        const region = session.current.region;
        await nothingSent(async () => {
          const running = vscode.commands.executeCommand(Command.selectRegion);
          const picker = await stubs.picker();
          for (const value of ['US-EAST-1', 'east', 'us_east_1', 'us-east-1; rm -rf /']) {
            picker.type(value);
            const typed = picker.items.find((i) => i.label === value);
            assert.ok(typed, `the typed region is offered with its problem: ${value}`);
            assert.equal(typed.detail, 'A region code such as us-east-1.');
            picker.enter(typed);
          }
          picker.hide();
          await running;
        });
        assert.equal(session.current.region, region);
      } finally {
        stubs.restore();
      }
    });

    it('Select Region / Select Profile with an argument: invalid values are refused with a message', async () => {
      const stubs = new WindowStubs();
      try {
        const { session } = (await api()).feature;
        const before = { ...session.current };
        await nothingSent(async () => {
          for (const region of ['mars-1', 'US-EAST-1', '']) {
            await vscode.commands.executeCommand(Command.selectRegion, region);
            assert.equal(stubs.messages('error').at(-1), 'Region not changed: A region code such as us-east-1.');
          }
          for (const profile of ['no-such-profile', 'has space', '[default]']) {
            await vscode.commands.executeCommand(Command.selectProfile, profile);
            assert.match(stubs.messages('error').at(-1) ?? '', /^Profile not changed: /);
          }
        });
        assert.deepEqual({ ...session.current }, before);
      } finally {
        stubs.restore();
        await setSetting('profile', undefined);
        await setSetting('region', undefined);
      }
    });
  });

  describe('settings that take free input', () => {
    const cases: { key: string; values: unknown[]; rule: string }[] = [
      { key: 'profile', values: ['has space', '[default]', 'x'.repeat(129)], rule: 'A profile name: 1 to 128 characters without spaces, brackets or quotes.' },
      { key: 'region', values: ['US-EAST-1', 'east', 'us_east_1', 'us-east-1; rm -rf /'], rule: 'A region code such as us-east-1.' },
      {
        key: 'endpoints',
        values: [
          { dynamodb: 'not a url' },
          { dynamodb: 'ftp://127.0.0.1:21' },
          { dynamodb: 'http://user:secret@127.0.0.1:4566' },
          { dynamodb: 'javascript:alert(1)' },
          { s3: 'http://127.0.0.1:4566' },
          { dynamodb: 'http://192.168.1.10:4566' },
          { lambda: 'http://dynamodb.us-east-1.amazonaws.com' },
        ],
        rule: 'Keys dynamodb, rds and lambda, each an https:// URL (http:// only for localhost, 127.x.x.x or ::1) without a user name or password.',
      },
      { key: 'pageSize', values: [0, -5, 1001, 2.5, 'fifty'], rule: 'A whole number from 1 to 1000.' },
      { key: 'requestTimeoutSeconds', values: [0, -1, 601, 'soon'], rule: 'A whole number of seconds from 1 to 600.' },
    ];
    for (const c of cases) {
      it(`awsHistory.${c.key}: ${c.values.length} invalid values give an error row with the rule, and no request`, async () => {
        try {
          for (const value of c.values) {
            await setSetting(c.key, value);
            await emulator().clearRequests();
            const p = views.dynamodb;
            p.refresh();
            const rows = await settledChildren(p);
            const row = rows.find(isError);
            assert.ok(row, `an error row for ${JSON.stringify(value)}; got ${rows.map((r) => label(r)).join(' | ')}`);
            assert.equal(label(row), `Setting awsHistory.${c.key} is not valid: ${c.rule}`);
            assert.ok(!tooltipOf(row).includes('secret'), 'the value (it may hold a password) is not repeated');
            assert.deepEqual(
              (await emulator().requests()).map((r) => r.operation),
              [],
              `no request for ${JSON.stringify(value)}`,
            );
          }
        } finally {
          await setSetting(c.key, undefined);
        }
        views.dynamodb.refresh();
        assert.ok(itemRows(await settledChildren(views.dynamodb)).length > 0, 'fixing the setting needs no reload');
      });
    }

    it('awsHistory.lambda.autoRefreshSeconds: 4 invalid values give a warning with the rule and turn auto refresh off', async () => {
      const stubs = new WindowStubs();
      const lambdaView = views.lambda;
      try {
        assert.equal(await vscode.commands.executeCommand<boolean>(Command.lambdaFilter, { function: 'big-function', statuses: ['RUNNING'] }), true);
        const [fn] = itemRows(await expand(lambdaView));
        assert.ok(itemRows(await expand(lambdaView, fn)).length > 0, 'RUNNING rows that auto refresh would poll');
        await vscode.commands.executeCommand(`${lambdaView.viewId}.focus`);
        for (const value of [-1, 0.5, 'often', 3601]) {
          const shown = stubs.shown.length;
          await emulator().clearRequests();
          await setSetting('lambda.autoRefreshSeconds', value);
          await waitFor('the warning', () => (stubs.shown.length > shown ? true : undefined));
          assert.equal(
            stubs.messages('warning').at(-1),
            'Setting awsHistory.lambda.autoRefreshSeconds is not valid: A whole number of seconds from 0 (off) to 3600. Auto refresh is off.',
          );
          // A timer with a broken interval (NaN, a fraction) would have fired by the time the emulator answers this.
          assert.deepEqual((await emulator().requests({ operation: 'GetDurableExecution' })).length, 0, `no auto refresh for ${JSON.stringify(value)}`);
        }
      } finally {
        stubs.restore();
        await setSetting('lambda.autoRefreshSeconds', undefined);
        await hideViews();
      }
    });
  });
});

function dateMessage(text: string): string | undefined {
  const parsed = parseDateInput(text);
  return parsed.ok ? undefined : parsed.message;
}

function mergeProblem(arg: object): string | undefined {
  return problemOf(mergeFilters(backtrackFilterSpec(), {}, arg));
}

function problemOf(merged: { problem: string } | object): string | undefined {
  return 'problem' in merged ? merged.problem : undefined;
}
