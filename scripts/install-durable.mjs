// `node scripts/install-durable.mjs`: installs test/durable's own packages (AWS's durable execution SDK and
// its local runner, which run the emulator's sample durable functions). Idempotent: skipped while the
// installed tree matches test/durable/package-lock.json. Called by .ci/run, `npm run demo`, the lint and
// typecheck scripts and the emulator before it starts the durable host.
//
// The packages live in their own package (not the root one) because they declare `engines.node >= 22`
// while this project supports Node 20, where they run fine (the emulator's tests run them); a root install
// would print EBADENGINE warnings for every user. `--loglevel=error` keeps those warnings out of this one.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test', 'durable');
const digest = createHash('sha256').update(fs.readFileSync(path.join(dir, 'package-lock.json'))).digest('hex');
const stamp = path.join(dir, 'node_modules', '.installed-lock-sha256');

if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === digest) {
  process.exit(0);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
if (result.status !== 0) {
  console.error(`install-durable: npm ci in ${dir} failed (${result.error?.message ?? `exit ${result.status}`})`);
  process.exit(1);
}
fs.writeFileSync(stamp, digest);
