/** The /graphql endpoint's stamp on errors Apollo raised before any operation existed. */
import { withRequestId } from '../../src/server/graphql-endpoint';

test('every error without a request id gets this one; an id already there is kept', () => {
  const body = JSON.stringify({
    errors: [
      { message: 'a', extensions: { code: 'BAD_REQUEST' } },
      { message: 'b', extensions: { code: 'X', requestId: 'earlier' } },
      { message: 'c' },
    ],
  });
  expect(JSON.parse(withRequestId(body, 'req-1'))).toEqual({
    errors: [
      { message: 'a', extensions: { code: 'BAD_REQUEST', requestId: 'req-1' } },
      { message: 'b', extensions: { code: 'X', requestId: 'earlier' } },
      { message: 'c', extensions: { requestId: 'req-1' } },
    ],
  });
});

test('a body that is not a JSON error body is returned untouched', () => {
  for (const body of ['<!DOCTYPE html><html></html>', '{"data":{"x":1}}\n', 'null', '{"errors":"not a list"}'])
    expect(withRequestId(body, 'req-1')).toBe(body);
});
