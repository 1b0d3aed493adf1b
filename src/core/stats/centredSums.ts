/**
 * Means and centred sums of squares and products of two paired samples: x̄, ȳ, Sxx = Σ(x−x̄)², Syy, Sxy.
 * The shared core of least squares (linearFit) and Pearson correlation; two passes, so large offsets such as epoch
 * timestamps do not cancel as they would in Σx² − n·x̄².
 * Complexity: O(n) time, O(1) memory. `n` (default x.length) limits both samples to their first n items.
 * @example centredSums([1, 2, 3], [2, 4, 6]) // { mx: 2, my: 4, sxx: 2, syy: 8, sxy: 4 }
 */
export function centredSums(x: ArrayLike<number>, y: ArrayLike<number>, n: number = x.length): { mx: number; my: number; sxx: number; syy: number; sxy: number } {
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += x[i];
    sy += y[i];
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  return { mx, my, sxx, syy, sxy };
}
