import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { operationQuery } from './catalog-queries.ts';
import { toJsonSchema } from './to-json-schema.ts';

/** The JSON Schema of a catalog operation's request body, for the body editor; undefined otherwise. */
export function useBodySchema(operationId: string | undefined): object | undefined {
  const { data: op } = useQuery({ ...operationQuery(operationId ?? ''), enabled: !!operationId });
  const schema = op?.requestBody && /json/i.test(op.requestBody.contentType) ? op.requestBody.schema : undefined;
  return useMemo(() => (schema ? toJsonSchema(schema) : undefined), [schema]);
}
