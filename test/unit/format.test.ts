import * as assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { getL10nPseudoLocalized } from '@vscode/l10n-dev';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeError } from '../../src/aws/errors';
import { backupDocument } from '../../src/dynamodb/backupDetails.lazy';
import {
  bothTimes,
  displayLocale,
  formatDate,
  formatNumber,
  humanDuration,
  humanSize,
  localTime,
  relativeTime,
  setDisplayLocale,
  utcTime,
} from '../../src/shared/format';

const date = new Date(Date.UTC(2026, 10, 22, 10, 5, 3));

describe('display-language formatting', () => {
  afterEach(() => {
    setDisplayLocale('en');
    l10n.config({ contents: {} });
  });

  it('groups numbers the way the display language does', () => {
    assert.equal(formatNumber(1234567), '1,234,567');
    setDisplayLocale('de');
    assert.equal(formatNumber(1234567), '1.234.567');
    assert.equal(humanSize(1536), '1,5 KB');
    setDisplayLocale('fr');
    assert.equal(formatNumber(1234567).replace(/\s/g, ' '), '1 234 567');
  });

  it('writes local dates in the display language and UTC as ISO 8601', () => {
    setDisplayLocale('de');
    assert.equal(localTime(date), new Intl.DateTimeFormat('de', { dateStyle: 'medium', timeStyle: 'medium' }).format(date));
    assert.equal(formatDate(date, { dateStyle: 'short' }), new Intl.DateTimeFormat('de', { dateStyle: 'short' }).format(date));
    assert.equal(utcTime(date), '2026-11-22T10:05:03Z');
    assert.equal(bothTimes(date), `2026-11-22T10:05:03Z (local ${localTime(date)})`);
    setDisplayLocale('ja');
    assert.notEqual(localTime(date), new Intl.DateTimeFormat('de', { dateStyle: 'medium', timeStyle: 'medium' }).format(date));
  });

  it('takes the editor tag as VS Code gives it and falls back to English for one Intl cannot use', () => {
    setDisplayLocale('zh-cn');
    assert.equal(displayLocale(), 'zh-CN');
    setDisplayLocale('not a tag!');
    assert.equal(displayLocale(), 'en');
    setDisplayLocale(undefined);
    assert.equal(displayLocale(), 'en');
  });

  it('keeps the English durations the rows show', () => {
    assert.equal(humanDuration(3_900_000), '1 h 5 min');
    assert.equal(humanDuration(266_400_000), '3 d 2 h');
    assert.equal(humanDuration(42_000), '42 s');
    assert.equal(humanDuration(250), '250 ms');
    const now = date.getTime();
    assert.equal(relativeTime(new Date(now - 3 * 3_600_000 - 300_000), now), '3 h ago');
    assert.equal(relativeTime(new Date(now + 2 * 86_400_000), now), 'in 2 d');
    assert.equal(relativeTime(new Date(now - 10_000), now), 'just now');
  });

  it('translates VS Code-free modules through the bundle VS Code loaded (pseudo-localised here)', () => {
    const bundle = JSON.parse(readFileSync(join(resolve(__dirname, '../..'), 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
    l10n.config({ contents: getL10nPseudoLocalized(bundle) });
    setDisplayLocale('de');
    const error = describeError({ name: 'ThrottlingException', message: 'slow down' }, { action: 'dynamodb:ListBackups', profile: 'p' });
    assert.notEqual(error.message, 'AWS is throttling dynamodb:ListBackups requests.');
    assert.match(error.message, /dynamodb:ListBackups/, 'arguments still fill the placeholders');
    assert.notEqual(humanDuration(3_900_000), '1 h 5 min');
    const doc = backupDocument({
      BackupDetails: {
        BackupArn: 'arn',
        BackupName: 'b',
        BackupSizeBytes: 12_345_678,
        BackupStatus: 'AVAILABLE',
        BackupType: 'USER',
        BackupCreationDateTime: date,
      },
    });
    const fields = doc.blocks[0]?.kind === 'fields' ? doc.blocks[0].fields : [];
    assert.ok(
      fields.every((f) => f.label !== 'Backup ARN'),
      'field labels are translated',
    );
    assert.match(fields.find((f) => f.copyId === 'backupArn')?.label ?? '', /\S/);
    assert.match(fields.map((f) => f.note ?? '').join(' '), /12\.345\.678/, 'numbers in German grouping');
  });
});
