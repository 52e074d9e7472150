// Maps stack frames of bundled files (out/test/integration/index.js with its inline map, dist/*.js with
// linked maps) back to the TypeScript sources, so a failure points at `smoke.test.ts:42`, not `index.js:3117`.
// The extension host cannot do it itself: Node only records source maps for files loaded after
// --enable-source-maps/setSourceMapsEnabled, and VS Code loads the test bundle before our code runs.
import * as fs from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import * as path from 'node:path';
import { repoRoot } from './util';

const maps = new Map<string, SourceMap | undefined>();

function loadMap(file: string): SourceMap | undefined {
  if (maps.has(file)) {
    return maps.get(file);
  }
  let map: SourceMap | undefined;
  try {
    const text = fs.readFileSync(file, 'utf8');
    const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(text)?.[1];
    if (url) {
      const inline = /^data:application\/json;(?:charset=[^;]+;)?base64,(.*)$/.exec(url);
      const json = inline ? Buffer.from(inline[1], 'base64').toString('utf8') : fs.readFileSync(path.resolve(path.dirname(file), url), 'utf8');
      map = new SourceMap(JSON.parse(json) as SourceMapPayload);
    }
  } catch {
    map = undefined; // unreadable file or map: leave its frames as they are
  }
  maps.set(file, map);
  return map;
}

/** Rewrites `file.js:line:col` frames whose file has a source map; other frames pass through unchanged. */
export function mapStack(stack: string): string {
  return stack.replace(/(\/[^():\s]+\.js):(\d+):(\d+)/g, (frame, file: string, line: string, column: string) => {
    const map = loadMap(file);
    const origin = map?.findOrigin(Number(line), Number(column));
    if (!origin || !('fileName' in origin) || !origin.fileName) {
      return frame;
    }
    const source = origin.fileName.startsWith('file://') ? new URL(origin.fileName).pathname : path.resolve(path.dirname(file), origin.fileName);
    const shown = source.startsWith(repoRoot + path.sep) ? path.relative(repoRoot, source) : source;
    return `${shown}:${origin.lineNumber}:${origin.columnNumber}`;
  });
}
