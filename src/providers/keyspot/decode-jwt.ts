/**
 * jose's decodeJwt, from jose's own `jose/jwt/decode` entry point (its package.json "exports",
 * typed there by dist/types/util/decode_jwt.d.ts): the package root loads every JWS, JWE and JWK
 * module (83 files) where reading a payload needs 7. Required by name because this project's
 * moduleResolution ("node") does not read "exports"; the type is jose's own.
 */
import type { decodeJwt as DecodeJwt } from 'jose';

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { decodeJwt } = require('jose/jwt/decode') as { decodeJwt: typeof DecodeJwt };
