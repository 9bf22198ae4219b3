/**
 * Where the token endpoint puts the JWT. Keyspot does not document its token response, so the
 * gateway accepts several layouts; the simulator can answer in each so every one is tested.
 */

export const KEYSPOT_TOKEN_RESPONSE_SHAPES = [
  'data.token',
  'data.accessToken',
  'data.access_token',
  'token',
  'accessToken',
  'access_token',
] as const;
export type KeyspotTokenResponseShape = (typeof KEYSPOT_TOKEN_RESPONSE_SHAPES)[number];

/** camelCase shapes carry `expiresIn`; snake_case ones carry `expires_in`, as such APIs usually pair them. */
export function shapeTokenResponse(shape: KeyspotTokenResponseShape, token: string, expiresIn: number): Record<string, unknown> {
  switch (shape) {
    case 'data.token':
      return { data: { token, expiresIn } };
    case 'data.accessToken':
      return { data: { accessToken: token, expiresIn } };
    case 'data.access_token':
      return { data: { access_token: token, token_type: 'Bearer', expires_in: expiresIn } };
    case 'token':
      return { token, expiresIn };
    case 'accessToken':
      return { accessToken: token, expiresIn };
    case 'access_token':
      return { access_token: token, token_type: 'Bearer', expires_in: expiresIn };
  }
}
