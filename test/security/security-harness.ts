/**
 * Helpers for the security tests: raw HTTP calls to the gateway that keep every response body,
 * so each file can end with a sweep proving no configured secret or test personal data came back
 * to a client or went to a log.
 */
import { createHash } from 'node:crypto';
import type { TestStack } from '../support/test-stack';

export const CRM_KEY = 'lg_crm_8f3a91c2d7e64b0f9a5c1e7d3b2a6f40';
export const REPORTING_KEY = 'lg_reporting_5b7e2c9d4a1f8e3b6c0d9a7f2e5b1c84';
export const SITE_KEY = 'lg_site_c4d2e8f1a7b3960e5d2c8b4a1f7e3d90';
export const UNKNOWN_KEY = 'lg_guess_0000000000000000000000000000000';

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/** crm reads and writes (plain key); reporting reads (sha256 form); site only writes (a web form). */
export const API_KEYS = JSON.stringify([
  { name: 'crm', key: CRM_KEY, scopes: ['leads:read', 'leads:write'] },
  { name: 'reporting', sha256: sha256Hex(REPORTING_KEY), scopes: ['leads:read'] },
  { name: 'site', key: SITE_KEY, scopes: ['leads:write'] },
]);

export const bearer = (key: string): Record<string, string> => ({ authorization: `Bearer ${key}` });

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON body, or undefined when the body is not JSON. */
  json: any;
}

/** Every body received through it, for the final sweep. */
export class Recorder {
  readonly bodies: string[] = [];

  async fetch(url: string, init: RequestInit = {}): Promise<RawResponse> {
    const response = await fetch(url, init);
    const text = await response.text();
    this.bodies.push(text, JSON.stringify([...response.headers]));
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, text, json };
  }

  post(stack: TestStack, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
    return this.fetch(stack.gateway.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  gql(stack: TestStack, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<RawResponse> {
    return this.post(stack, { query, variables }, headers);
  }
}

export function providerSecrets(stack: TestStack): string[] {
  return [stack.keyspot.credentials.clientSecret, stack.tesselys.credentials.accessToken, stack.tesselys.credentials.companyToken];
}

/** Asserts no forbidden value appears in any recorded body or captured log line. */
export function expectNoLeaks(texts: readonly string[], forbidden: readonly string[]): void {
  expect(texts.length).toBeGreaterThan(0);
  const leaks = texts.flatMap((text) =>
    forbidden.filter((value) => text.includes(value)).map((value) => `${value} in ${text.slice(0, 120)}`),
  );
  expect(leaks).toEqual([]);
}

export function codesOf(response: RawResponse): string[] {
  return ((response.json?.errors ?? []) as Array<{ extensions?: { code?: string } }>).map((error) => String(error.extensions?.code));
}
