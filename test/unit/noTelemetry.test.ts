import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { filesBelow, repoRoot } from '../harness/util';

/*
 * The README says the extension sends no telemetry. It talks to AWS only through the SDK clients in
 * src/aws/sdk/*, and the only runtime dependencies are those clients. This keeps the claim true: no
 * telemetry API, no network call of its own, and no dependency outside the AWS SDK.
 */
describe('No telemetry', () => {
  it('src/ uses no telemetry API and opens no connection of its own', () => {
    const forbidden =
      /\b(createTelemetryLogger|TelemetryLogger|isTelemetryEnabled|applicationinsights|sendBeacon|XMLHttpRequest|WebSocket)\b|\bfetch\(|\bhttps?\.(request|get)\(|from 'node:(http|https|net|dgram)'/;
    const hits = filesBelow(path.join(repoRoot, 'src'))
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) =>
        fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ where: `${path.relative(repoRoot, file)}:${i + 1}`, line }))
          .filter(({ line }) => forbidden.test(line)),
      )
      .map(({ where, line }) => `${where}: ${line.trim()}`);
    assert.deepEqual(hits, []);
  });

  it('ships only the AWS SDK as runtime dependencies', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const others = Object.keys(manifest.dependencies).filter((name) => !name.startsWith('@aws-sdk/') && !name.startsWith('@smithy/'));
    assert.deepEqual(others, []);
  });
});
