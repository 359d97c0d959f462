import { describe, expect, it } from 'vitest';
import { fixtureJson } from '../__fixtures__/load-fixture.ts';
import { postmanValidator } from '../__fixtures__/postman-schema.ts';
import { collectionDocSchema } from '../../model/collection-doc.ts';
import { exportPostmanCollection } from './export-collection.ts';
import { exportPostmanEnvironment } from './export-environment.ts';
import { importPostmanCollection } from './import-collection.ts';
import { importPostmanEnvironment } from './import-environment.ts';

function importFixture() {
  const result = importPostmanCollection(fixtureJson('postman/kinde-collection.postman.json'));
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.value;
}

describe('Postman collection round trip', () => {
  it('imports the Kinde-guide collection into the expected model', async () => {
    const { collection, report } = importFixture();
    expect(collectionDocSchema.safeParse(collection).success).toBe(true);
    await expect(JSON.stringify({ collection, report }, null, 2) + '\n').toMatchFileSnapshot('../__fixtures__/postman/kinde-collection.imported.json');
  });

  it('exports the collection as the expected Postman v2.1 document', async () => {
    const exported = exportPostmanCollection(importFixture().collection);
    await expect(JSON.stringify(exported, null, 2) + '\n').toMatchFileSnapshot('../__fixtures__/postman/kinde-collection.exported.json');
  });

  it('keeps everything through import → export → import', () => {
    const first = importFixture().collection;
    const again = importPostmanCollection(exportPostmanCollection(first));
    expect(again.ok && again.value.collection).toEqual(first);
  });

  it('exports a document valid against the Postman v2.1 collection schema', () => {
    const validate = postmanValidator();
    const exported = exportPostmanCollection(importFixture().collection);
    expect(validate(exported), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('checks exports against a schema that does reject a broken collection', () => {
    const validate = postmanValidator();
    const exported = exportPostmanCollection(importFixture().collection) as unknown as { info: Record<string, unknown> };
    delete exported.info.schema;
    expect(validate(exported)).toBe(false);
  });
});

describe('Postman environment round trip', () => {
  it('imports and exports the Kinde-guide environment as expected', async () => {
    const imported = importPostmanEnvironment(fixtureJson('postman/kinde-environment.postman.json'));
    if (!imported.ok) throw new Error(imported.errors.join('; '));
    await expect(JSON.stringify(imported.value, null, 2) + '\n').toMatchFileSnapshot('../__fixtures__/postman/kinde-environment.imported.json');
    const exported = exportPostmanEnvironment(imported.value.environment);
    await expect(JSON.stringify(exported, null, 2) + '\n').toMatchFileSnapshot('../__fixtures__/postman/kinde-environment.exported.json');
  });

  it('leaves the secret out of the export but keeps the other values', () => {
    const imported = importPostmanEnvironment(fixtureJson('postman/kinde-environment.postman.json'));
    if (!imported.ok) throw new Error('import failed');
    const text = JSON.stringify(exportPostmanEnvironment(imported.value.environment));
    expect(text).not.toContain('EXAMPLE-not-a-real-secret');
    const again = importPostmanEnvironment(JSON.parse(text));
    expect(again.ok && again.value.environment.variables).toEqual(
      imported.value.environment.variables.map((v) => (v.secret ? { ...v, value: '' } : v)),
    );
  });
});
