import { describe, expect, it } from 'vitest';
import { pageNumbers } from './worklist-routes.ts';

describe('pageNumbers', () => {
  it.each([
    [1, 1, [1]],
    [1, 3, [1, 2, 3]],
    [1, 40, [1, 2, 3, null, 40]],
    [20, 40, [1, null, 18, 19, 20, 21, 22, null, 40]],
    [40, 40, [1, null, 38, 39, 40]],
    [4, 7, [1, 2, 3, 4, 5, 6, 7]],
  ])('page %i of %i shows %j', (page, pages, expected) => {
    expect(pageNumbers(page, pages)).toEqual(expected);
  });
});
