import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.test-artifacts/**', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.mjs', 'scripts/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: 'error',
      curly: 'error',
    },
  },
  // Boundaries (issue 16): the host, the page and what they share are three folders, and the SDK lives in
  // its lazily loaded chunks. Flat config does not merge one rule's options across blocks, so each block
  // below lists every restriction for its files.
  {
    // The extension host: never the page's folder (it is a browser bundle), and the SDK only in
    // src/aws/sdk chunks (activation must not load it; type imports are erased and allowed). The ARN
    // parser is the one SDK utility outside the chunks, and only src/aws/arn.ts imports it.
    files: ['src/**/*.ts'],
    ignores: ['src/webview-app/**', 'src/shared/**', 'src/aws/sdk/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/webview-app', '**/webview-app/**'], message: 'Host code does not import the page bundle; share code through src/shared.' },
            {
              group: ['@aws-sdk/*', '!@aws-sdk/util-arn-parser'],
              message: 'Import the SDK only in src/aws/sdk chunks (loaded on first use).',
              allowTypeImports: true,
            },
            { group: ['@aws-sdk/util-arn-parser'], message: 'Parse and format ARNs with src/aws/arn.ts.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/aws/arn.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@aws-sdk/*', '!@aws-sdk/util-arn-parser'],
              message: 'Import the SDK only in src/aws/sdk chunks (loaded on first use).',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/aws/sdk/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/webview-app', '**/webview-app/**'], message: 'The SDK chunks do not import the page bundle.' }] },
      ],
    },
  },
  {
    // The details-panel page runs in a browser: its own folder and src/shared only.
    files: ['src/webview-app/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The page runs in a browser: talk to the host with messages (src/shared/protocol.ts).' }],
          patterns: [
            { group: ['../*', '!../shared', '!../shared/*'], message: 'The page imports only its own folder and src/shared.' },
            { group: ['@aws-sdk/*', '@smithy/*'], message: 'The page never talks to AWS.' },
          ],
        },
      ],
    },
  },
  {
    // Shared by host and page, so it may use neither: no VS Code, no DOM (see the tsconfigs), no host folder.
    files: ['src/shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/shared is bundled into the page too: no VS Code API here.' }],
          patterns: [
            { group: ['../*'], message: 'src/shared imports nothing of the host or the page.' },
            { group: ['@aws-sdk/*', '@smithy/*'], message: 'src/shared is bundled into the page too: no SDK here.' },
          ],
        },
      ],
    },
  },
  {
    // Data from AWS is text everywhere: no HTML sinks in the host or the webview bundle, no trusted or
    // HTML-enabled Markdown, and every notification goes through plainText's forNotification.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['innerHTML', 'outerHTML', 'insertAdjacentHTML'].map((property) => ({
          property,
          message: 'Build DOM nodes and set textContent; data must never be parsed as HTML.',
        })),
        { object: 'document', property: 'write', message: 'Build DOM nodes and set textContent.' },
        { object: 'document', property: 'writeln', message: 'Build DOM nodes and set textContent.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='isTrusted']:not([object.property.name='workspace']), Property[key.name='isTrusted']",
          message: 'Markdown is never trusted (no command links): leave isTrusted unset.',
        },
        {
          selector: "Property[key.name='supportHtml'][value.value=true], AssignmentExpression[left.property.name='supportHtml'][right.value=true]",
          message: 'Markdown never renders HTML: leave supportHtml unset.',
        },
        {
          selector:
            "CallExpression[callee.property.name=/^show(Error|Warning|Information)Message$/]:not([arguments.0.type='Literal']):not([arguments.0.callee.name='forNotification'])",
          message: 'Notification text renders [links](command:…): pass it through forNotification (src/util/plainText.ts).',
        },
      ],
    },
  },
  {
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
  },
);
