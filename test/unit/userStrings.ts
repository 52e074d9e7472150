/**
 * Finds user-visible English written straight into the UI: a string literal (or a template with words in
 * it) that reaches a notification, a status-bar message, a QuickPick, an input box, a progress title or a
 * tree row without going through `vscode.l10n.t` (or `l10n.t` of `@vscode/l10n` in VS Code-free modules).
 * It follows expressions the way the text flows: branches, `??`, concatenation, templates, arrays and
 * their `.map` callbacks, and `const` variables to their initializers. It also requires every `l10n.t`
 * message to be a plain string literal, because the bundle exporter only sees those, and `@vscode/l10n`
 * calls to run inside functions: at module load its bundle is not configured yet (activation, page init).
 */
import * as ts from 'typescript';

export interface Finding {
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly where: string;
}

/** Message, prompt and item properties that VS Code shows. */
const quickPickItemProps = new Set(['label', 'description', 'detail']);
const quickPickOptionProps = new Set(['title', 'placeHolder', 'prompt']);
const inputBoxProps = new Set(['title', 'placeHolder', 'prompt']);
const messageOptionProps = new Set(['detail', 'title']);
const messageCalls = new Set(['showInformationMessage', 'showWarningMessage', 'showErrorMessage']);
/** Properties of an object whose type is one of these, set by assignment. */
const assignedProps: Record<string, Set<string>> = {
  QuickPick: new Set(['title', 'placeholder', 'items']),
  InputBox: new Set(['title', 'placeholder', 'prompt']),
  TreeItem: new Set(['label', 'description', 'tooltip', 'accessibilityInformation']),
  StatusBarItem: new Set(['text', 'tooltip', 'name']),
};

/**
 * Words are letters; a codicon (`$(check)`), punctuation, digits and AWS constants written in capitals
 * (`USER`, `$LATEST`, `AWS_BACKUP`: values sent to the API and shown as such) are not words to translate.
 */
export function hasWords(text: string): boolean {
  const rest = text.replace(/\$\([a-z0-9-]+(~[a-z]+)?\)/g, ' ');
  return rest
    .split(/[\s,;:()[\]{}|/·…—–+=*#'"`<>.!?-]+/u)
    .filter(Boolean)
    .some((token) => /\p{L}/u.test(token) && !/^\$?[A-Z][A-Z0-9_.]*$/.test(token));
}

function isLocalised(call: ts.CallExpression): boolean {
  const callee = call.expression.getText();
  return callee === 'vscode.l10n.t' || callee === 'l10n.t';
}

export function scanProgram(program: ts.Program, files: readonly string[]): Finding[] {
  const checker = program.getTypeChecker();
  const findings: Finding[] = [];

  const report = (node: ts.Node, where: string): void => {
    const source = node.getSourceFile();
    findings.push({
      file: source.fileName,
      line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
      text: node.getText().slice(0, 120),
      where,
    });
  };

  /** The initializer of a `const` this identifier names, if it is one of ours. */
  const constInitializer = (id: ts.Identifier): ts.Expression | undefined => {
    const symbol = checker.getSymbolAtLocation(id);
    const declaration = symbol?.valueDeclaration;
    if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) {
      return declaration.initializer;
    }
    return undefined;
  };

  /** Reports every literal with words that flows into `expr` unlocalised. */
  const text = (expr: ts.Expression | undefined, where: string, depth = 0): void => {
    if (!expr || depth > 8) {
      return;
    }
    if (ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr)) {
      if (hasWords(expr.text)) {
        report(expr, where);
      }
    } else if (ts.isTemplateExpression(expr)) {
      if ([expr.head.text, ...expr.templateSpans.map((s) => s.literal.text)].some(hasWords)) {
        report(expr, where);
      }
      for (const span of expr.templateSpans) {
        text(span.expression, where, depth + 1);
      }
    } else if (ts.isBinaryExpression(expr)) {
      text(expr.left, where, depth + 1);
      text(expr.right, where, depth + 1);
    } else if (ts.isConditionalExpression(expr)) {
      text(expr.whenTrue, where, depth + 1);
      text(expr.whenFalse, where, depth + 1);
    } else if (ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr) || ts.isNonNullExpression(expr) || ts.isSpreadElement(expr)) {
      text(expr.expression, where, depth + 1);
    } else if (ts.isArrayLiteralExpression(expr)) {
      for (const element of expr.elements) {
        text(element, where, depth + 1);
      }
    } else if (ts.isObjectLiteralExpression(expr)) {
      // `{ label }` of accessibilityInformation, `{ title }` of a message item.
      props(expr, new Set(['label', 'title']), where, depth + 1);
    } else if (ts.isCallExpression(expr)) {
      if (!isLocalised(expr) && ts.isPropertyAccessExpression(expr.expression)) {
        // `[…].join(' ')`, `` `…`.trim() ``: the text is in what the method is called on.
        text(expr.expression.expression, where, depth + 1);
      } else if (!isLocalised(expr) && ts.isIdentifier(expr.expression)) {
        // A plain-text sink such as `forNotification(…)` or `forLabel(…)` passes its text through.
        for (const arg of expr.arguments) {
          text(arg, where, depth + 1);
        }
      }
    } else if (ts.isIdentifier(expr)) {
      text(constInitializer(expr), where, depth + 1);
    }
  };

  const props = (object: ts.ObjectLiteralExpression, names: ReadonlySet<string>, where: string, depth = 0): void => {
    for (const property of object.properties) {
      if (ts.isPropertyAssignment(property) && names.has(property.name.getText())) {
        text(property.initializer, `${where} ${property.name.getText()}`, depth);
      } else if (ts.isShorthandPropertyAssignment(property) && names.has(property.name.text)) {
        text(property.name, `${where} ${property.name.text}`, depth);
      } else if (ts.isSpreadAssignment(property)) {
        text(property.expression, where, depth);
      }
    }
  };

  /** QuickPick items: every object literal that ends up in the list, through arrays, spreads and `.map`. */
  const items = (expr: ts.Expression | undefined, where: string, depth = 0): void => {
    if (!expr || depth > 8) {
      return;
    }
    if (ts.isArrayLiteralExpression(expr)) {
      for (const element of expr.elements) {
        items(element, where, depth + 1);
      }
    } else if (ts.isSpreadElement(expr) || ts.isParenthesizedExpression(expr) || ts.isAsExpression(expr)) {
      items(expr.expression, where, depth + 1);
    } else if (ts.isConditionalExpression(expr)) {
      items(expr.whenTrue, where, depth + 1);
      items(expr.whenFalse, where, depth + 1);
    } else if (ts.isObjectLiteralExpression(expr)) {
      props(expr, quickPickItemProps, where, depth + 1);
    } else if (ts.isCallExpression(expr) && ts.isPropertyAccessExpression(expr.expression)) {
      const callback = expr.arguments[0];
      if (expr.expression.name.text === 'map' && callback && (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback))) {
        returned(callback.body, (value) => items(value, where, depth + 1));
      }
      items(expr.expression.expression, where, depth + 1);
    } else if (ts.isIdentifier(expr)) {
      items(constInitializer(expr), where, depth + 1);
    }
  };

  const returned = (body: ts.ConciseBody, visit: (value: ts.Expression) => void): void => {
    if (!ts.isBlock(body)) {
      visit(body);
      return;
    }
    const walk = (node: ts.Node): void => {
      if (ts.isReturnStatement(node) && node.expression) {
        visit(node.expression);
      } else if (!ts.isFunctionLike(node)) {
        ts.forEachChild(node, walk);
      }
    };
    walk(body);
  };

  const typeName = (expr: ts.Expression): string | undefined => {
    const type = checker.getTypeAtLocation(expr);
    return (type.aliasSymbol ?? type.getSymbol())?.getName();
  };

  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      const options = (index: number): ts.ObjectLiteralExpression | undefined => {
        const arg = node.arguments[index];
        return arg && ts.isObjectLiteralExpression(arg) ? arg : undefined;
      };
      if (isLocalised(node)) {
        const message = node.arguments[0];
        if (!message || !ts.isStringLiteral(message)) {
          report(node, 'l10n.t message that is not a string literal (the bundle exporter cannot see it)');
        } else if (!node.arguments.slice(1).some(ts.isSpreadElement)) {
          const used = new Set([...message.text.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1])));
          const given = node.arguments.length - 1;
          if ([...used].some((i) => i >= given) || Array.from({ length: given }, (_, i) => i).some((i) => !used.has(i))) {
            report(node, `l10n.t placeholders {0}… do not match its ${given} argument(s)`);
          }
        }
        if (callee.getText() === 'l10n.t' && !ts.findAncestor(node, (n) => ts.isFunctionLike(n) || ts.isClassLike(n))) {
          report(node, '@vscode/l10n call when the module loads (before the bundle is configured)');
        }
      } else if (messageCalls.has(name)) {
        node.arguments.forEach((arg, i) => {
          if (ts.isObjectLiteralExpression(arg)) {
            props(arg, messageOptionProps, name);
          } else {
            text(arg, i === 0 ? `${name} message` : `${name} item`);
          }
        });
      } else if (name === 'setStatusBarMessage') {
        text(node.arguments[0], name);
      } else if (name === 'showQuickPick') {
        items(node.arguments[0], 'showQuickPick item');
        const o = options(1);
        if (o) {
          props(o, quickPickOptionProps, 'showQuickPick');
        }
      } else if (name === 'showInputBox') {
        const o = options(0);
        if (o) {
          props(o, inputBoxProps, 'showInputBox');
        }
      } else if (name === 'withProgress') {
        const o = options(0);
        if (o) {
          props(o, new Set(['title']), 'withProgress');
        }
      }
    } else if (ts.isNewExpression(node) && node.expression.getText() === 'vscode.TreeItem') {
      text(node.arguments?.[0], 'TreeItem label');
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left)) {
      const owner = typeName(node.left.expression);
      const property = node.left.name.text;
      if (owner && assignedProps[owner]?.has(property)) {
        if (owner === 'QuickPick' && property === 'items') {
          items(node.right, 'QuickPick item');
        } else {
          text(node.right, `${owner}.${property}`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };

  for (const file of files) {
    const source = program.getSourceFile(file);
    if (source) {
      visit(source);
    }
  }
  return findings;
}

/** A program over `files` with the project's compiler options (for the checker's types). */
export function programFor(files: readonly string[], tsconfigPath: string): ts.Program {
  const config = ts.readConfigFile(tsconfigPath, (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, tsconfigPath.replace(/[/\\][^/\\]+$/, ''));
  return ts.createProgram({ rootNames: [...files], options: { ...parsed.options, noEmit: true } });
}
