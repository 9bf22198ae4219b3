/** Window arithmetic between Relay arguments and absolute offsets: every edge here is an off-by-one waiting to happen. */
import { encodeCursor, fingerprintOf } from '../../src/leads/pagination/cursor';
import {
  type ConnectionArgs,
  PaginationArgsError,
  pageInfoFor,
  requestedWindow,
  resolveBackward,
} from '../../src/leads/pagination/page-window';

const fp = fingerprintOf({ filter: { status: 'NEW' } });
const otherFp = fingerprintOf({ filter: { status: 'CONTACTED' } });

function argsError(args: ConnectionArgs): PaginationArgsError {
  try {
    requestedWindow(args, fp);
  } catch (error) {
    expect(error).toBeInstanceOf(PaginationArgsError);
    return error as PaginationArgsError;
  }
  throw new Error('expected requestedWindow to throw');
}

describe('requestedWindow', () => {
  it('defaults to the first 20 items', () => {
    expect(requestedWindow({}, fp)).toEqual({ kind: 'forward', start: 0, size: 20 });
    expect(requestedWindow({ first: null, after: null, last: null, before: null }, fp)).toEqual({ kind: 'forward', start: 0, size: 20 });
  });

  it('reads first and after (start is the item after the cursor)', () => {
    expect(requestedWindow({ first: 5 }, fp)).toEqual({ kind: 'forward', start: 0, size: 5 });
    expect(requestedWindow({ after: encodeCursor(19, fp) }, fp)).toEqual({ kind: 'forward', start: 20, size: 20 });
    expect(requestedWindow({ first: 7, after: encodeCursor(0, fp) }, fp)).toEqual({ kind: 'forward', start: 1, size: 7 });
  });

  it('reads last and before (end is the cursor, exclusive)', () => {
    expect(requestedWindow({ last: 5 }, fp)).toEqual({ kind: 'backward', end: 'total', size: 5 });
    expect(requestedWindow({ before: encodeCursor(40, fp) }, fp)).toEqual({ kind: 'backward', end: 40, size: 20 });
    expect(requestedWindow({ last: 3, before: encodeCursor(10, fp) }, fp)).toEqual({ kind: 'backward', end: 10, size: 3 });
  });

  it.each([1, 100])('accepts bound %p for first and last', (n) => {
    expect(requestedWindow({ first: n }, fp)).toEqual({ kind: 'forward', start: 0, size: n });
    expect(requestedWindow({ last: n }, fp)).toEqual({ kind: 'backward', end: 'total', size: n });
  });

  it.each<[number, RegExp]>([
    [0, /must be between 1 and 100, got 0$/],
    [101, /must be between 1 and 100, got 101$/],
    [-1, /must be between 1 and 100, got -1$/],
    [1.5, /must be an integer between 1 and 100, got 1.5$/],
    [Number.NaN, /must be an integer between 1 and 100, got NaN$/],
  ])('rejects %p for first and last, naming the argument', (n, message) => {
    const first = argsError({ first: n });
    expect(first.argument).toBe('first');
    expect(first.message).toMatch(/^first /);
    expect(first.message).toMatch(message);
    const last = argsError({ last: n });
    expect(last.argument).toBe('last');
    expect(last.message).toMatch(/^last /);
    expect(last.message).toMatch(message);
  });

  it.each<[string, ConnectionArgs, PaginationArgsError['argument']]>([
    ['first + last', { first: 5, last: 5 }, 'last'],
    ['first + before', { first: 5, before: encodeCursor(3, fp) }, 'before'],
    ['after + last', { after: encodeCursor(3, fp), last: 5 }, 'after'],
    ['after + before', { after: encodeCursor(3, fp), before: encodeCursor(9, fp) }, 'before'],
    ['all four', { first: 1, after: encodeCursor(3, fp), last: 1, before: encodeCursor(9, fp) }, 'last'],
  ])('rejects mixed directions: %s', (_label, args, argument) => {
    const error = argsError(args);
    expect(error.argument).toBe(argument);
    expect(error.message).toBe('use first/after or last/before, not both');
  });

  it.each<['after' | 'before']>([['after'], ['before']])('turns a bad %s cursor into an error on that argument', (argument) => {
    const garbage = argsError({ [argument]: '%%%' });
    expect(garbage.argument).toBe(argument);
    expect(garbage.message).toMatch(/invalid cursor: expected base64url text/);

    const foreign = argsError({ [argument]: encodeCursor(3, otherFp) });
    expect(foreign.argument).toBe(argument);
    expect(foreign.message).toMatch(/different filter or order/);

    expect(argsError({ [argument]: '' }).argument).toBe(argument);
  });
});

describe('resolveBackward', () => {
  it('takes the size items before end', () => {
    expect(resolveBackward(40, 20)).toEqual({ start: 20, size: 20 });
    expect(resolveBackward(45, 5)).toEqual({ start: 40, size: 5 });
  });

  it('stops at offset 0', () => {
    expect(resolveBackward(3, 20)).toEqual({ start: 0, size: 3 });
    expect(resolveBackward(0, 20)).toEqual({ start: 0, size: 0 });
  });
});

describe('pageInfoFor', () => {
  it('reports nothing around an empty listing', () => {
    expect(pageInfoFor(0, 0, 0)).toEqual({ hasPreviousPage: false, hasNextPage: false });
    expect(pageInfoFor(20, 0, 0)).toEqual({ hasPreviousPage: false, hasNextPage: false });
  });

  it('first page', () => {
    expect(pageInfoFor(0, 20, 45)).toEqual({ hasPreviousPage: false, hasNextPage: true });
    expect(pageInfoFor(0, 45, 45)).toEqual({ hasPreviousPage: false, hasNextPage: false });
  });

  it('middle and last page', () => {
    expect(pageInfoFor(20, 20, 45)).toEqual({ hasPreviousPage: true, hasNextPage: true });
    expect(pageInfoFor(40, 5, 45)).toEqual({ hasPreviousPage: true, hasNextPage: false });
    expect(pageInfoFor(25, 20, 45)).toEqual({ hasPreviousPage: true, hasNextPage: false });
  });

  it('past the end: an empty page has no startCursor, so it claims no previous page', () => {
    expect(pageInfoFor(60, 0, 45)).toEqual({ hasPreviousPage: false, hasNextPage: false });
    expect(pageInfoFor(45, 0, 45)).toEqual({ hasPreviousPage: false, hasNextPage: false });
  });
});
