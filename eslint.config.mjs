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
  {
    // Activation must not load the SDK: only the lazily required chunks in src/aws/sdk may import it.
    files: ['src/**/*.ts'],
    ignores: ['src/aws/sdk/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@aws-sdk/client-*', '@aws-sdk/credential-providers'], message: 'Import the SDK only in src/aws/sdk chunks (loaded on first use).', allowTypeImports: true },
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
        ...['innerHTML', 'outerHTML', 'insertAdjacentHTML'].map((property) => ({ property, message: 'Build DOM nodes and set textContent; data must never be parsed as HTML.' })),
        { object: 'document', property: 'write', message: 'Build DOM nodes and set textContent.' },
        { object: 'document', property: 'writeln', message: 'Build DOM nodes and set textContent.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='isTrusted']:not([object.property.name='workspace']), Property[key.name='isTrusted']", message: 'Markdown is never trusted (no command links): leave isTrusted unset.' },
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
