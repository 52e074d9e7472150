import * as vscode from 'vscode';

/** One output channel for the whole extension; request lines go to debug, never any header. */
let channel: vscode.LogOutputChannel | undefined;

export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('AWS History Explorer', { log: true });
  return channel;
}
