import { describe, expect, it } from 'vitest';
import type { CollectionDoc } from '../../model/collection-doc.ts';
import type { Assertion, Capture } from '../../model/tests.ts';
import { assertionCode, captureCode, parseTestScript, testScriptForExport } from './assertion-code.ts';
import { exportPostmanCollection } from './export-collection.ts';
import { importPostmanCollection } from './import-collection.ts';

const assertions: Assertion[] = [
  { source: 'status', operator: 'eq', value: '201' },
  { source: 'jsonPath', property: '$.organization.code', operator: 'exists' },
  { source: 'jsonPath', property: "$.users[0]['odd key']", operator: 'matches', value: '/^kp_/i', name: 'first user id' },
  { source: 'header', property: 'Content-Type', operator: 'contains', value: 'json' },
  { source: 'jsonPath', property: 'users', operator: 'length', value: '2', enabled: false },
  { source: 'responseTime', operator: 'lt', value: '500' },
];
const captures: Capture[] = [{ source: 'jsonPath', property: '$.organization.code', variable: 'org_code' }];

describe('assertions as Postman test code', () => {
  it('writes chai expectations over pm.response', () => {
    expect(assertionCode(assertions[0]!)).toBe('pm.test("status eq 201", function () { pm.expect(pm.response.code).to.eql(201); });');
    expect(assertionCode(assertions[1]!)).toBe('pm.test("$.organization.code exists", function () { pm.expect(pm.response.json()?.organization?.code).to.exist; });');
    expect(assertionCode(assertions[2]!)).toContain('pm.response.json()?.users?.[0]?.["odd key"]).to.match(new RegExp("^kp_", "i"))');
    expect(assertionCode(assertions[3]!)).toContain('pm.expect(pm.response.headers.get("Content-Type")).to.include("json")');
    expect(captureCode(captures[0]!)).toBe('pm.collectionVariables.set("org_code", pm.response.json()?.organization?.code);');
  });

  it('resolves {{variables}} in expected values at run time, and reads such lines back as rows', () => {
    const withVars: Assertion[] = [
      { source: 'jsonPath', property: '$.code', operator: 'eq', value: '{{org_code}}' },
      { source: 'header', property: 'x-id', operator: 'contains', value: 'id-{{n}}' },
      { source: 'jsonPath', property: 'users', operator: 'length', value: '{{count}}' },
    ];
    expect(assertionCode(withVars[0]!)).toContain('.to.eql((function (t) { try { return JSON.parse(t); } catch (e) { return t; } })(pm.variables.replaceIn("{{org_code}}")))');
    expect(assertionCode(withVars[1]!)).toContain('.to.include(pm.variables.replaceIn("id-{{n}}"))');
    expect(assertionCode(withVars[2]!)).toContain('.to.have.lengthOf(Number(pm.variables.replaceIn("{{count}}")))');
    expect(parseTestScript(testScriptForExport('', withVars)).assertions).toEqual(withVars);
  });

  it('reads its own lines back as rows, keeps the rest as script, and leaves hand-edited lines as script', () => {
    const script = testScriptForExport('console.log("mine");', assertions, captures);
    const back = parseTestScript(script);
    expect(back.script).toBe('console.log("mine");');
    expect(back.assertions).toEqual(assertions.filter((a) => a.enabled !== false));
    expect(back.captures).toEqual(captures);

    const edited = script.replace('to.eql(201)', 'to.eql(200)');
    const partly = parseTestScript(edited);
    expect(partly.assertions).toHaveLength(assertions.filter((a) => a.enabled !== false).length - 1);
    expect(partly.script).toContain('to.eql(200)');
  });

  it('survives export → import of a whole collection, with folder and collection scripts', () => {
    const doc: CollectionDoc = {
      version: 1,
      name: 'Chain',
      variables: [],
      scripts: { preRequest: 'console.log("collection pre")' },
      items: [
        {
          type: 'folder',
          name: 'Orgs',
          scripts: { test: 'pm.test("folder", () => {})' },
          items: [
            {
              type: 'request',
              name: 'Create',
              request: { method: 'POST', url: '{{business_domain}}/api/v1/organization', auth: 'kinde-m2m', assertions: [assertions[0]!, assertions[1]!], captures, scripts: { preRequest: 'pm.variables.set("n", "x")' } },
            },
          ],
        },
      ],
    };
    const exported = exportPostmanCollection(doc);
    const json = JSON.parse(JSON.stringify(exported)) as unknown;
    const imported = importPostmanCollection(json);
    if (!imported.ok) throw new Error(imported.errors.join('; '));
    const c = imported.value.collection;
    expect(c.scripts).toEqual(doc.scripts);
    const folder = c.items[0];
    if (folder?.type !== 'folder') throw new Error('folder expected');
    expect(folder.scripts).toEqual({ test: 'pm.test("folder", () => {})' });
    const req = folder.items[0];
    if (req?.type !== 'request') throw new Error('request expected');
    expect(req.request.assertions).toEqual([assertions[0], assertions[1]]);
    expect(req.request.captures).toEqual(captures);
    expect(req.request.scripts).toEqual({ preRequest: 'pm.variables.set("n", "x")' });
  });
});
