// Sizes of the release artefacts, read from the staged `--production` build and its VSIX.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Sizes {
  mainBytes: number;
  /** Lazily required SDK chunks, dist/sdk/<name>.js. */
  chunks: Record<string, number>;
  /** Lazy chunks of the extension's own code (details, actions, panel host), dist/lazy/<name>.js. */
  lazyChunks: Record<string, number>;
  webviewJsBytes: number;
  webviewCssBytes: number;
  vsixBytes: number;
}

export function measureSizes(extensionDir: string, vsix: string): Sizes {
  const size = (file: string): number => fs.statSync(path.join(extensionDir, file)).size;
  const chunksIn = (dir: string): Record<string, number> =>
    Object.fromEntries(
      fs
        .readdirSync(path.join(extensionDir, 'dist', dir))
        .filter((f) => f.endsWith('.js'))
        .sort()
        .map((file) => [file.replace(/\.js$/, ''), size(path.join('dist', dir, file))]),
    );
  const css = path.join(extensionDir, 'dist', 'webview', 'panel.css');
  return {
    mainBytes: size(path.join('dist', 'extension.js')),
    chunks: chunksIn('sdk'),
    lazyChunks: chunksIn('lazy'),
    webviewJsBytes: size(path.join('dist', 'webview', 'panel.js')),
    webviewCssBytes: fs.existsSync(css) ? fs.statSync(css).size : 0,
    vsixBytes: fs.statSync(vsix).size,
  };
}
