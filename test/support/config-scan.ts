/**
 * Finds, in the harnesses' sources, the service starts whose configuration was not read by a
 * production reader (issue #13): the unit guards of gateway and subgraph starts share it.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

export const REPO = path.join(__dirname, "..", "..");
/** Where harnesses live: the tests, the benchmark, the scripts. */
const SCANNED = ["test", "bench", "scripts"];

export interface ReadRule {
  /** The calls that start a service, and which of their arguments carries the configuration. */
  starters: Record<string, number>;
  /**
   * How a read configuration is made: the reader first, then each call that turns the previous
   * step's value (its first argument) into the next; a start takes the last step's value.
   */
  steps: readonly string[];
  /** Calls never allowed in a harness: they take a configuration no reader makes. */
  forbidden?: readonly string[];
}

export interface ScannedStarts {
  starts: number;
  /** `<line>: <call>` for each start whose configuration does not come from the reader. */
  handBuilt: string[];
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

const calleeName = (call: ts.CallExpression): string | undefined => {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  return ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
};

function unwrap(node: ts.Expression): ts.Expression {
  if (ts.isParenthesizedExpression(node) || ts.isAwaitExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node))
    return unwrap(node.expression);
  return node;
}

/** The values a name is given in a file: its initialisers and the assignments to it. */
function bindingsOf(sourceFile: ts.SourceFile): Map<string, ts.Expression[]> {
  const bindings = new Map<string, ts.Expression[]>();
  const bind = (name: string, value: ts.Expression) => bindings.set(name, [...(bindings.get(name) ?? []), value]);
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) bind(node.name.text, node.initializer);
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(node.left))
      bind(node.left.text, node.right);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return bindings;
}

/**
 * Which step of `steps` an expression's value is (0: the reader's result), or undefined. A name is
 * a step only if every value the file gives it is that step: names are not told apart by scope.
 */
function stepResolver(steps: readonly string[], bindings: Map<string, ts.Expression[]>) {
  const known = new Map<string, number>();
  const stepOf = (node: ts.Expression): number | undefined => {
    const inner = unwrap(node);
    if (ts.isIdentifier(inner)) return known.get(inner.text);
    if (!ts.isCallExpression(inner)) return undefined;
    const step = steps.indexOf(calleeName(inner) ?? "");
    if (step === 0) return 0;
    const input = inner.arguments.at(0);
    return step > 0 && input && stepOf(input) === step - 1 ? step : undefined;
  };
  // a name's step can depend on another's: resolve until nothing new is learnt
  for (let learnt = true; learnt;) {
    learnt = false;
    for (const [name, values] of bindings) {
      const found = new Set(values.map(stepOf));
      const step = found.size === 1 ? [...found][0] : undefined;
      if (step !== undefined && !known.has(name)) {
        known.set(name, step);
        learnt = true;
      }
    }
  }
  return stepOf;
}

export function scanStarts(file: string, source: string, rule: ReadRule): ScannedStarts {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const stepOf = stepResolver(rule.steps, bindingsOf(sourceFile));
  const calls: ts.CallExpression[] = [];
  const isStart = (name: string) => Object.hasOwn(rule.starters, name) || (rule.forbidden ?? []).includes(name);
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && isStart(calleeName(node) ?? "")) calls.push(node);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  const lastStep = rule.steps.length - 1;
  const handBuilt = calls
    .filter((call) => {
      const name = calleeName(call) ?? "";
      const config = Object.hasOwn(rule.starters, name) ? call.arguments.at(rule.starters[name]) : undefined;
      return !config || stepOf(config) !== lastStep;
    })
    .map(
      (call) =>
        `${sourceFile.getLineAndCharacterOfPosition(call.getStart()).line + 1}: ${call.getText().replace(/\s+/g, " ").slice(0, 80)}`,
    );
  return { starts: calls.length, handBuilt };
}

/** Every harness file (relative to the repository) with its starts under `rule`. */
export const scanHarnesses = (rule: ReadRule): ({ file: string } & ScannedStarts)[] =>
  SCANNED.flatMap((dir) => filesUnder(path.join(REPO, dir))).map((file) => ({
    file: path.relative(REPO, file),
    ...scanStarts(file, fs.readFileSync(file, "utf8"), rule),
  }));
