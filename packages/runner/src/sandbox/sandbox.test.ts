import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CHAI_SOURCE, CHAI_VERSION } from './chai-source.generated.ts';
import { ScriptSandbox, type ScriptState } from './sandbox.ts';

let sandbox: ScriptSandbox;
const SECRET = 'client-secret-value-never-inside';
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.never-inside';

beforeAll(async () => {
  sandbox = await ScriptSandbox.create({ timeoutMs: 300, memoryBytes: 32 * 1024 * 1024 });
});
afterAll(() => sandbox.dispose());

function state(overrides: Partial<ScriptState> = {}): ScriptState {
  return {
    phase: 'test',
    info: { eventName: 'test', iteration: 0, iterationCount: 1, requestName: 'r', requestId: 'r1' },
    secretKeys: ['client_secret'],
    vars: { local: {}, data: {}, environment: { business_domain: 'http://127.0.0.1:1', client_id: 'abc' }, collection: {} },
    request: { url: 'http://127.0.0.1:1/api/v1/users', method: 'GET', headers: [] },
    response: { code: 201, status: 'Created', headers: [{ key: 'Content-Type', value: 'application/json' }], body: '{"organization":{"code":"org_1"}}', responseTime: 3, responseSize: 33 },
    ...overrides,
  };
}

/** After every escape attempt the same sandbox still runs a normal test. */
function stillWorks() {
  const o = sandbox.run('pm.test("alive", () => pm.expect(pm.response.json().organization.code).to.equal("org_1"))', state(), 'alive.js');
  expect(o.tests).toEqual([{ name: 'alive', passed: true }]);
}

describe('the script sandbox refuses escapes and survives them', () => {
  const escapes: [string, string, RegExp][] = [
    ['require', 'require("child_process").execSync("id")', /require\("child_process"\) is not supported/],
    ['process', 'process.exit(1)', /'process' is not defined/],
    ['constructor of constructor', 'globalThis.constructor.constructor("return process")().exit(1)', /'process' is not defined/],
    ['Function from a prototype', '(function(){}).constructor("return this.process.mainModule")()', /cannot read property|not defined|undefined/i],
    ['import()', 'await import("node:fs")', /could not load module|not supported/i],
    ['fetch', 'await fetch("http://127.0.0.1:1/")', /'fetch' is not defined/],
    ['endless loop', 'while (true) {}', /ran longer than 300 ms/],
    ['1 GB allocation', 'new ArrayBuffer(1024 * 1024 * 1024)', /more than 32 MB/],
    ['1 GB array', 'new Array(1024 * 1024 * 1024).fill(1)', /more than 32 MB|out of memory|invalid array length/i],
    ['1 GB string', '"x".repeat(1024 * 1024 * 1024)', /invalid string length|more than 32 MB/],
    ['deep recursion', 'function f() { return f() + 1 } f()', /InternalError: stack overflow/],
  ];
  for (const [label, source, message] of escapes) {
    it(`${label}: fails safely, with a message`, () => {
      const o = sandbox.run(source, state(), `${label}.js`);
      expect(o.error).toMatch(message);
      stillWorks();
    });
  }

  it('the endless loop is stopped near its time limit', () => {
    const o = sandbox.run('for (;;) { Math.random() }', state(), 'loop.js');
    expect(o.error).toMatch(/ran longer than/);
    expect(o.durationMs).toBeLessThan(5_000);
  });

  it('never holds client_secret or the token: secrets read as undefined and cannot be written', () => {
    const o = sandbox.run(
      `pm.test("env", () => pm.expect(pm.environment.get("client_secret")).to.be.undefined);
       pm.test("vars", () => pm.expect(pm.variables.get("client_secret")).to.be.undefined);
       pm.test("has", () => pm.expect(pm.environment.has("client_secret")).to.equal(false));
       pm.test("object", () => pm.expect(Object.keys(pm.environment.toObject())).to.not.include("client_secret"));
       pm.test("no auth header", () => pm.expect(pm.request.headers.get("Authorization")).to.be.undefined);
       pm.test("write", () => pm.environment.set("client_secret", "stolen"));
       console.log(JSON.stringify(globalThis).length)`,
      state(),
      'secret.js',
    );
    expect(o.tests.slice(0, 5).every((t) => t.passed)).toBe(true);
    expect(o.tests[5]).toMatchObject({ name: 'write', passed: false, error: expect.stringMatching(/"client_secret" is a secret/) });
    expect(o.changed.environment).toEqual({});
    expect(JSON.stringify(o)).not.toContain(SECRET);
    expect(JSON.stringify(o)).not.toContain(TOKEN);
  });
});

describe('the pm subset', () => {
  it('pm.expect is chai’s BDD expect, with chai’s messages', () => {
    const o = sandbox.run(
      `pm.test("deep", () => pm.expect({ a: [1, 2] }).to.deep.equal({ a: [1, 2] }));
       pm.test("fails", () => pm.expect(pm.response.code).to.eql(404));
       pm.test("chain", () => pm.expect([1, 2, 3]).to.be.an("array").that.includes(2).and.has.lengthOf(3));`,
      state(),
      'chai.js',
    );
    expect(o.tests).toEqual([
      { name: 'deep', passed: true },
      { name: 'fails', passed: false, error: 'expected 201 to deeply equal 404' },
      { name: 'chain', passed: true },
    ]);
  });

  it('an unsupported pm call fails its test naming the call, and the script goes on', () => {
    const o = sandbox.run(
      `pm.test("send", () => pm.sendRequest("http://x", () => {}));
       pm.test("cookies", () => pm.cookies.jar().get("x"));
       pm.test("next", () => postman.setNextRequest("b"));
       pm.test("after", () => {});`,
      state(),
      'unsupported.js',
    );
    expect(o.tests.map((t) => [t.name, t.passed])).toEqual([['send', false], ['cookies', false], ['next', false], ['after', true]]);
    expect(o.tests[0]?.error).toMatch(/pm\.sendRequest\(\) is not supported/);
    expect(o.tests[1]?.error).toMatch(/pm\.cookies\.jar\(\) is not supported/);
    expect(o.tests[2]?.error).toMatch(/postman\.setNextRequest\(\) is not supported/);
  });

  it('pm.response, pm.info, pm.iterationData, scopes and console', () => {
    const o = sandbox.run(
      `pm.test("status", () => { pm.response.to.have.status(201); pm.response.to.be.ok; pm.expect(pm.response.status).to.equal("Created"); });
       pm.test("headers", () => pm.expect(pm.response.headers.get("content-type")).to.equal("application/json"));
       pm.test("text", () => pm.expect(pm.response.text()).to.include("org_1"));
       pm.test("time", () => pm.expect(pm.response.responseTime).to.be.a("number"));
       pm.test("info", () => pm.expect(pm.info.requestName).to.equal("r"));
       pm.test("data", () => pm.expect(pm.iterationData.get("row")).to.equal("7"));
       pm.collectionVariables.set("code", pm.response.json().organization.code);
       pm.variables.set("n", 3);
       pm.test("precedence", () => pm.expect(pm.variables.get("n")).to.equal(3));
       pm.test("replaceIn", () => pm.expect(pm.variables.replaceIn("{{code}}-{{client_id}}")).to.equal("org_1-abc"));
       console.log("obj", { a: 1 }); console.warn("careful");`,
      state({ vars: { local: {}, data: { row: '7' }, environment: { client_id: 'abc' }, collection: {} } }),
      'subset.js',
    );
    expect(o.tests.filter((t) => !t.passed)).toEqual([]);
    expect(o.vars.collection).toEqual({ code: 'org_1' });
    expect(o.changed.collection).toEqual({ code: true });
    expect(o.console).toEqual([
      { level: 'log', message: 'obj {"a":1}' },
      { level: 'warn', message: 'careful' },
    ]);
  });

  it('pm.request can be changed in a pre-request script', () => {
    const o = sandbox.run(
      `pm.request.headers.add({ key: "X-Trace", value: "1" }); pm.request.url = pm.request.url.toString() + "?page_size=5"; pm.request.body.raw = JSON.stringify({ a: 1 });`,
      state({ phase: 'prerequest', response: undefined }),
      'pre.js',
    );
    expect(o.error).toBeUndefined();
    expect(o.request).toMatchObject({ url: 'http://127.0.0.1:1/api/v1/users?page_size=5', headers: [{ key: 'X-Trace', value: '1' }], body: { mode: 'json', json: '{"a":1}' } });
  });

  it('legacy tests[] and responseCode work', () => {
    const o = sandbox.run('tests["created"] = responseCode.code === 201; tests["wrong"] = false;', state(), 'legacy.js');
    expect(o.tests).toEqual([
      { name: 'created', passed: true },
      { name: 'wrong', passed: false, error: 'tests["wrong"] is false' },
    ]);
  });
});

it('the vendored chai is the installed chai', () => {
  const require = createRequire(import.meta.url);
  const installed = readFileSync(require.resolve('chai'), 'utf8');
  const version = (JSON.parse(readFileSync(require.resolve('chai/package.json'), 'utf8')) as { version: string }).version;
  expect({ version: CHAI_VERSION, same: CHAI_SOURCE === installed }).toEqual({ version, same: true });
});
