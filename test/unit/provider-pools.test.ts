/** Upstream pools are shared per origin: same scheme, host and port → the same pool, whatever the path. */
import { SharedProviderPools } from '../../src/providers/provider-pools';

test('one pool per origin', async () => {
  const pools = new SharedProviderPools();
  const a = pools.forOrigin('http://127.0.0.1:4010/external');
  expect(pools.forOrigin('http://127.0.0.1:4010/')).toBe(a);
  expect(pools.forOrigin('http://127.0.0.1:4011')).not.toBe(a);
  expect(pools.forOrigin('https://127.0.0.1:4010')).not.toBe(a);
  expect(pools.size).toBe(3);
  await pools.close();
  expect(pools.size).toBe(0);
});
