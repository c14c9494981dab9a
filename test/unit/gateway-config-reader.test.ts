import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

/**
 * Harnesses start their gateways on a configuration read by the production reader (issue #13): in
 * test/, bench/ and scripts/, every startGateway or createGateway call takes `readGatewayConfig(…)`
 * or a variable initialised with it, never an object built by hand (a copy of another gateway's
 * configuration with a field changed included: the reader would not have checked that field).
 */
const REPO = path.join(__dirname, "..", "..");
const SCANNED = ["test", "bench", "scripts"];
const STARTERS = new Set(["startGateway", "createGateway"]);
const READER = "readGatewayConfig";

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

const isReaderCall = (node: ts.Expression) => {
  const inner = unwrap(node);
  return ts.isCallExpression(inner) && calleeName(inner) === READER;
};

/** The gateway starts of a source and, by line, those whose configuration does not come from the reader. */
export function gatewayStarts(file: string, source: string): { starts: number; handBuilt: string[] } {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const readVariables = new Set<string>();
  const calls: ts.CallExpression[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && isReaderCall(node.initializer))
      readVariables.add(node.name.text);
    if (ts.isCallExpression(node) && STARTERS.has(calleeName(node) ?? "")) calls.push(node);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  const handBuilt = calls
    .filter((call) => {
      const config = call.arguments.at(0);
      if (!config) return true;
      const inner = unwrap(config);
      return !isReaderCall(inner) && !(ts.isIdentifier(inner) && readVariables.has(inner.text));
    })
    .map(
      (call) =>
        `${sourceFile.getLineAndCharacterOfPosition(call.getStart()).line + 1}: ${call.getText().replace(/\s+/g, " ").slice(0, 80)}`,
    );
  return { starts: calls.length, handBuilt };
}

const relative = (file: string) => path.relative(REPO, file);
const scanned = SCANNED.flatMap((dir) => filesUnder(path.join(REPO, dir))).map((file) => ({
  file: relative(file),
  ...gatewayStarts(file, fs.readFileSync(file, "utf8")),
}));

describe("gateway configurations come from readGatewayConfig", () => {
  test("the scan tells a read configuration from a hand-built one", () => {
    const read = gatewayStarts(
      "a.ts",
      "const config = readGatewayConfig(env);\nawait startGateway(config);\nstartGateway(readGatewayConfig({}));",
    );
    expect(read).toEqual({ starts: 2, handBuilt: [] });
    const copied = gatewayStarts("b.ts", "await startGateway({ ...hub.gateway.config, port: 0 });");
    expect(copied.handBuilt).toEqual(["1: startGateway({ ...hub.gateway.config, port: 0 })"]);
    const viaVariable = gatewayStarts("c.ts", "const config = { ...base, metricsPort: 0 };\ncreateGateway(config, store, registry);");
    expect(viaVariable.handBuilt).toEqual(["2: createGateway(config, store, registry)"]);
  });

  test("the scan reads the harnesses that start gateways", () => {
    const starting = scanned.filter((s) => s.starts > 0).map((s) => s.file);
    for (const file of ["test/support/hub.ts", "test/support/scaffold-copy.ts", "bench/hive-gateway-main.ts"])
      expect(starting).toContain(path.join(...file.split("/")));
  });

  test("no file of test/, bench/ or scripts/ starts a gateway on a hand-built configuration", () => {
    const handBuilt = scanned.flatMap((s) => s.handBuilt.map((line) => `${s.file}:${line}`));
    expect(handBuilt).toEqual([]);
  });
});
