/**
 * Sends a generated, typed operation (operations/__generated__) to the gateway: the result and
 * variables are typed from the schema, so a schema change that breaks a front-end breaks a test.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { recordOperation } from './operation-recorder';

export interface TypedResult<TData> {
  status: number;
  data?: TData | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
}

export async function runOperation<TData, TVariables>(
  graphqlUrl: string,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  headers: Record<string, string> = {},
): Promise<TypedResult<TData>> {
  const query = print(document);
  recordOperation(query, variables as Record<string, unknown>);
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: TData | null; errors?: TypedResult<TData>['errors'] };
  return { status: response.status, ...body };
}
