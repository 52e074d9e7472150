import * as vscode from 'vscode';

/**
 * "Open whole document" from a details panel. A content provider's scheme makes the editor read-only (there
 * is nothing to save the text back to), and it keeps megabytes of JSON out of untitled buffers that
 * would ask "Save changes?" on close.
 */
export const readOnlyScheme = 'aws-history-json';

/**
 * Shared by every provider instance: VS Code asks the providers of a scheme in registration order, so two
 * live `DetailPanels` (the extension's and a test's) must answer from the same store.
 */
const contents = new Map<string, string>();
/**
 * Documents stay in the store until VS Code closes them; this bounds the store if it never does, by count and
 * by total size (a few 6 MB payloads opened whole would otherwise pin tens of MB). The newest always stays.
 */
const maxStored = 32;
export const maxStoredChars = 32 * 1024 * 1024;
let counter = 0;

export class ReadOnlyDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    this.disposables.push(
      vscode.workspace.registerTextDocumentContentProvider(readOnlyScheme, this),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        if (doc.uri.scheme === readOnlyScheme) {
          contents.delete(doc.uri.toString());
        }
      }),
    );
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return contents.get(uri.toString()) ?? JSON.stringify(vscode.l10n.t('This document is no longer available: open it again from the details panel.'));
  }

  /** Opens `text` in a new read-only editor tab named `name` (a file name shown in the tab). */
  async open(name: string, text: string, language: 'json' | 'text'): Promise<vscode.TextEditor> {
    const extension = language === 'json' ? 'json' : 'txt';
    // The counter makes each opening a new document: the same uri would show the cached, older text.
    const uri = vscode.Uri.from({
      scheme: readOnlyScheme,
      path: `/${safeFileName(name)}.${extension}`,
      query: `n=${++counter}`,
    });
    contents.set(uri.toString(), text);
    evictOldest();
    let doc = await vscode.workspace.openTextDocument(uri);
    const languageId = language === 'json' ? 'json' : 'plaintext';
    if (doc.languageId !== languageId) {
      doc = await vscode.languages.setTextDocumentLanguage(doc, languageId);
    }
    return vscode.window.showTextDocument(doc, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) {
      d.dispose();
    }
  }
}

function storedChars(): number {
  let total = 0;
  for (const text of contents.values()) {
    total += text.length;
  }
  return total;
}

function evictOldest(): void {
  let total = storedChars();
  while (contents.size > 1 && (contents.size > maxStored || total > maxStoredChars)) {
    const oldest = contents.keys().next().value;
    if (oldest === undefined) {
      break;
    }
    total -= contents.get(oldest)?.length ?? 0;
    contents.delete(oldest);
  }
}

/** Names come from AWS (user-chosen backup names): keep them readable but free of path separators. */
function safeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control and bidi-override characters are what we strip
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f\u202a-\u202e\u2066-\u2069]+/g, '_').trim();
  return (cleaned || 'document').slice(0, 120);
}
