// `npx tsx scripts/install-durable.ts`: installs test/durable's own packages (AWS's durable execution SDK and
// its local runner, which run the emulator's sample durable functions). Idempotent: skipped while the
// installed tree matches test/durable/package-lock.json. Run by .ci/run, `npm run demo`, the lint and
// typecheck scripts, and the emulator before it starts the durable host.
//
// The packages live in their own package (not the root one) because they declare `engines.node >= 22`
// while this project supports Node 20, where they run fine (the emulator's tests run them); in the root
// package every install would print EBADENGINE warnings. `--loglevel=error` keeps those out of this one.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

const dir = path.join(__dirname, '..', 'test', 'durable');

export function ensureDurableInstalled(): void {
  const digest = createHash('sha256')
    .update(fs.readFileSync(path.join(dir, 'package-lock.json')))
    .digest('hex');
  const stamp = path.join(dir, 'node_modules', '.installed-lock-sha256');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === digest) {
    return;
  }
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    throw new Error(`npm ci in ${dir} failed (${result.error?.message ?? `exit ${String(result.status)}`})`);
  }
  fs.writeFileSync(stamp, digest);
}

if (require.main === module) {
  ensureDurableInstalled();
}
