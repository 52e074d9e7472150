// Writes the licence notices of the third-party code a release bundles: the packages come from esbuild's
// metafiles (only what is actually in dist/), their texts from each package's LICENSE/NOTICE files in
// node_modules. Identical licence texts are printed once, after the list of packages under them.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const nodeModules = 'node_modules/';

/** `node_modules/a/node_modules/@s/b/dist/x.js` → `node_modules/a/node_modules/@s/b` (the innermost package). */
export function packageDirOf(input) {
  const at = input.lastIndexOf(nodeModules);
  if (at < 0) {
    return undefined;
  }
  const rest = input.slice(at + nodeModules.length).split('/');
  const name = rest[0].startsWith('@') ? rest.slice(0, 2).join('/') : rest[0];
  return input.slice(0, at + nodeModules.length) + name;
}

/** The bundled packages of these metafiles: name, version, licence and notice files, sorted by name. */
export function bundledPackages(metafiles, root = '.') {
  const dirs = new Set();
  for (const metafile of metafiles) {
    for (const input of Object.keys(metafile.inputs)) {
      const dir = packageDirOf(input);
      if (dir) {
        dirs.add(dir);
      }
    }
  }
  return [...dirs]
    .map((dir) => {
      const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
      const files = readdirSync(join(root, dir))
        .filter((f) => /^(licen[cs]e|copying|notice)(\.|-|$)/i.test(f))
        .sort();
      return {
        name: manifest.name,
        version: manifest.version,
        license: typeof manifest.license === 'string' ? manifest.license : 'see the licence text',
        licenseTexts: files.filter((f) => !/^notice/i.test(f)).map((f) => readFileSync(join(root, dir, f), 'utf8').trim()),
        notices: files.filter((f) => /^notice/i.test(f)).map((f) => readFileSync(join(root, dir, f), 'utf8').trim()),
      };
    })
    .sort((a, b) => (a.name === b.name ? a.version.localeCompare(b.version) : a.name < b.name ? -1 : 1));
}

export function noticesText(packages, product) {
  const rule = '-'.repeat(78);
  const lines = [
    `${product} bundles the following third-party software. Each is distributed under the licence below it.`,
    '',
    ...packages.map((p) => `- ${p.name} ${p.version} (${p.license})`),
    '',
  ];
  // Grouped by text up to whitespace (copies of the Apache licence differ only in indentation).
  const byText = new Map();
  for (const p of packages) {
    const text = p.licenseTexts.join('\n\n') || `Licensed under ${p.license}; the package ships no licence file.`;
    const key = text.replace(/\s+/g, ' ');
    const group = byText.get(key) ?? { text, packages: [] };
    group.packages.push(p);
    byText.set(key, group);
  }
  for (const { text, packages: group } of byText.values()) {
    lines.push(rule, `Licence of: ${group.map((p) => `${p.name} ${p.version}`).join(', ')}`, rule, '', text, '');
  }
  for (const p of packages.filter((q) => q.notices.length > 0)) {
    lines.push(rule, `NOTICE of ${p.name} ${p.version}`, rule, '', ...p.notices, '');
  }
  return lines.join('\n');
}

export function writeNotices(metafiles, outFile, product) {
  const packages = bundledPackages(metafiles);
  writeFileSync(outFile, noticesText(packages, product));
  return packages;
}
