/** Tesselys's page planning: which one or two page/limit fetches cover a window of offsets, and the slicing back. */
import { planPages, sliceWindow } from '../../src/providers/tesselys/tesselys.pages';

describe('planPages', () => {
  it('fetches one page of limit=size for aligned windows', () => {
    expect(planPages(40, 20)).toEqual({ limit: 20, pages: [3] });
    expect(planPages(0, 20)).toEqual({ limit: 20, pages: [1] });
    expect(planPages(0, 100)).toEqual({ limit: 100, pages: [1] });
    expect(planPages(7, 1)).toEqual({ limit: 1, pages: [8] });
  });

  it('widens the limit to cover a misaligned window with one page when it can', () => {
    expect(planPages(1, 20)).toEqual({ limit: 21, pages: [1] });
    expect(planPages(25, 20)).toEqual({ limit: 23, pages: [2] }); // 21 and 22 would split [25, 45)
    expect(planPages(30, 20)).toEqual({ limit: 25, pages: [2] });
  });

  it('falls back to two pages of limit=size when no single page fits', () => {
    expect(planPages(50, 60)).toEqual({ limit: 60, pages: [1, 2] });
    expect(planPages(130, 80)).toEqual({ limit: 80, pages: [2, 3] });
  });

  it('handles a misaligned full-size window with two pages of 100', () => {
    expect(planPages(50, 100)).toEqual({ limit: 100, pages: [1, 2] });
    expect(planPages(1, 100)).toEqual({ limit: 100, pages: [1, 2] });
    expect(planPages(199, 100)).toEqual({ limit: 100, pages: [2, 3] });
  });

  it('plans one minimal fetch for an empty window so the total is still known', () => {
    expect(planPages(0, 0)).toEqual({ limit: 1, pages: [1] });
  });

  it.each<[number, number]>([
    [-1, 5],
    [1.5, 5],
    [0, 101],
    [0, -1],
    [0, 2.5],
  ])('refuses start %p size %p', (start, size) => {
    expect(() => planPages(start, size)).toThrow(RangeError);
  });

  it('covers every window (start 0..300, size 1..100) with at most two pages of one limit ≤ 100', () => {
    const total = 450;
    const items = Array.from({ length: total }, (_, i) => i);
    const providerPage = (page: number, limit: number): number[] => items.slice((page - 1) * limit, page * limit);
    const failures: string[] = [];
    for (let start = 0; start <= 300; start++) {
      for (let size = 1; size <= 100; size++) {
        const plan = planPages(start, size);
        const firstOffset = (plan.pages[0]! - 1) * plan.limit;
        const endOffset = plan.pages[plan.pages.length - 1]! * plan.limit;
        const consecutive = plan.pages.every((page, i) => i === 0 || page === plan.pages[i - 1]! + 1);
        const ok =
          plan.limit >= 1 &&
          plan.limit <= 100 &&
          plan.pages.length >= 1 &&
          plan.pages.length <= 2 &&
          consecutive &&
          plan.pages[0]! >= 1 &&
          firstOffset <= start &&
          endOffset >= start + size &&
          (start % size !== 0 || (plan.pages.length === 1 && plan.limit === size));
        const sliced = sliceWindow(
          plan,
          plan.pages.map((page) => providerPage(page, plan.limit)),
          start,
          size,
        );
        const expected = items.slice(start, start + size);
        if (!ok || sliced.length !== expected.length || sliced.some((v, i) => v !== expected[i]))
          failures.push(`${start}/${size} → ${JSON.stringify(plan)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('sliceWindow', () => {
  const items = Array.from({ length: 45 }, (_, i) => `lead-${i}`);
  const page = (p: number, limit: number): string[] => items.slice((p - 1) * limit, p * limit);

  it('slices a single widened page', () => {
    const plan = planPages(25, 20);
    expect(
      sliceWindow(
        plan,
        plan.pages.map((p) => page(p, plan.limit)),
        25,
        20,
      ),
    ).toEqual(items.slice(25, 45));
  });

  it('joins two pages', () => {
    const plan = { limit: 10, pages: [2, 3] };
    expect(sliceWindow(plan, [page(2, 10), page(3, 10)], 15, 10)).toEqual(items.slice(15, 25));
  });

  it('returns what exists when the last page is short', () => {
    const plan = planPages(40, 10);
    expect(plan).toEqual({ limit: 10, pages: [5] });
    expect(sliceWindow(plan, [page(5, 10)], 40, 10)).toEqual(items.slice(40, 45));

    const twoPages = { limit: 20, pages: [2, 3] };
    expect(sliceWindow(twoPages, [page(2, 20), page(3, 20)], 30, 20)).toEqual(items.slice(30, 45));
  });

  it('returns nothing past the end and tolerates a missing second page', () => {
    expect(sliceWindow({ limit: 20, pages: [4] }, [[]], 60, 20)).toEqual([]);
    expect(sliceWindow({ limit: 10, pages: [4, 5] }, [page(4, 10)], 35, 10)).toEqual(items.slice(35, 40));
  });

  it('places second-page items by their own offset even if the first page came back short', () => {
    const plan = { limit: 10, pages: [1, 2] };
    expect(sliceWindow(plan, [items.slice(0, 7), page(2, 10)], 5, 10)).toEqual([...items.slice(5, 7), ...items.slice(10, 15)]);
  });
});
