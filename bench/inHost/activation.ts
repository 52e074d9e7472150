// Activation: the extension's own performance measure, SDK modules in Node's module cache, chunks the
// client factory loaded, and requests sent, all before any view is expanded.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { extensionId } from '../../src/constants';
import type { ActivationSample } from '../protocol';
import { requestCount, testApi } from './host';

const sdkModule = /@aws-sdk|[\\/]dist[\\/]sdk[\\/]/;

/**
 * Node's real module cache: a `require` from Node's own `createRequire` shares `Module._cache` with every
 * CommonJS load in the extension host (this bundle's `require` might be esbuild's shim).
 */
function cachedModules(): string[] {
  return Object.keys(createRequire(__filename).cache);
}

export async function measureActivation(): Promise<ActivationSample> {
  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension) {
    throw new Error(`${extensionId} is not installed`);
  }
  const wasActiveBefore = extension.isActive;
  const api = await testApi();
  const modules = cachedModules();
  const entry = path.join(extension.extensionPath, 'dist', 'extension.js');
  const timeline = performance.getEntriesByName('awsHistory:activate', 'measure').at(-1);
  return {
    activationMs: api.activationMs,
    timelineMs: timeline?.duration,
    wasActiveBefore,
    sdkModules: modules.filter((file) => sdkModule.test(file)),
    loadedChunks: [...api.feature.clients.loadedChunks],
    entryInCache: modules.includes(entry),
    requests: await requestCount(),
  };
}
