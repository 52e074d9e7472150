// Sizes of the release artefacts, read from the staged `--production` build and its VSIX.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Sizes {
  mainBytes: number;
  /** Lazily required SDK chunks, dist/sdk/<name>.js. */
  chunks: Record<string, number>;
  webviewJsBytes: number;
  webviewCssBytes: number;
  vsixBytes: number;
}

export function measureSizes(extensionDir: string, vsix: string): Sizes {
  const size = (file: string): number => fs.statSync(path.join(extensionDir, file)).size;
  const chunkDir = path.join(extensionDir, 'dist', 'sdk');
  const chunks: Record<string, number> = {};
  for (const file of fs
    .readdirSync(chunkDir)
    .filter((f) => f.endsWith('.js'))
    .sort()) {
    chunks[file.replace(/\.js$/, '')] = size(path.join('dist', 'sdk', file));
  }
  const css = path.join(extensionDir, 'dist', 'webview', 'panel.css');
  return {
    mainBytes: size(path.join('dist', 'extension.js')),
    chunks,
    webviewJsBytes: size(path.join('dist', 'webview', 'panel.js')),
    webviewCssBytes: fs.existsSync(css) ? fs.statSync(css).size : 0,
    vsixBytes: fs.statSync(vsix).size,
  };
}
