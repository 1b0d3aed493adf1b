/**
 * Ratios that have a usual explanation: unit conversions (×1000 g→kg, ×2.54 in→cm, ×60 min→h…) and window lengths
 * (7/30: a feature aggregated over 7 days where training used 30). Used to name the slope of a scale change and the
 * typical prod/train ratio of same-entity skew, so that the finding says what to look for, not just a number.
 */

export interface NamedFactor {
  factor: number;
  /** What a production value ≈ factor × training value most likely means. */
  meaning: string;
}

/** Production ≈ factor × training. Kept short: each entry must be a common, recognisable cause. */
export const UNIT_FACTORS: readonly NamedFactor[] = [
  { factor: 10, meaning: 'millimetres where training had centimetres' },
  { factor: 100, meaning: 'cents where training had dollars, or percent where training had a fraction' },
  { factor: 1000, meaning: 'grams where training had kilograms, ms where training had seconds, or units where training had thousands' },
  { factor: 1e6, meaning: 'units where training had millions, or bytes where training had MB' },
  { factor: 1 / 10, meaning: 'centimetres where training had millimetres' },
  { factor: 1 / 100, meaning: 'dollars where training had cents, or a fraction where training had percent' },
  { factor: 1 / 1000, meaning: 'kilograms where training had grams, seconds where training had ms, or thousands where training had units' },
  { factor: 1e-6, meaning: 'millions where training had units' },
  { factor: 2.54, meaning: 'centimetres where training had inches' },
  { factor: 1 / 2.54, meaning: 'inches where training had centimetres' },
  { factor: 0.3048, meaning: 'metres where training had feet' },
  { factor: 1 / 0.3048, meaning: 'feet where training had metres' },
  { factor: 2.20462, meaning: 'pounds where training had kilograms' },
  { factor: 1 / 2.20462, meaning: 'kilograms where training had pounds' },
  { factor: 1.609344, meaning: 'kilometres where training had miles' },
  { factor: 1 / 1.609344, meaning: 'miles where training had kilometres' },
  { factor: 60, meaning: 'minutes where training had hours, or seconds where training had minutes' },
  { factor: 1 / 60, meaning: 'hours where training had minutes, or minutes where training had seconds' },
  { factor: 3600, meaning: 'seconds where training had hours' },
  { factor: 1 / 3600, meaning: 'hours where training had seconds' },
  { factor: 24, meaning: 'hours where training had days' },
  { factor: 1 / 24, meaning: 'days where training had hours' },
  { factor: 86400, meaning: 'seconds where training had days' },
  { factor: 1 / 86400, meaning: 'days where training had seconds' },
];

/** Window-length ratios for aggregated features (counts or sums over a trailing window). */
export const WINDOW_FACTORS: readonly NamedFactor[] = [
  { factor: 7 / 30, meaning: 'computed over a 7-day window instead of 30?' },
  { factor: 30 / 7, meaning: 'computed over a 30-day window instead of 7?' },
  { factor: 1 / 7, meaning: 'computed over 1 day instead of 7 (or a daily mean instead of a weekly sum)?' },
  { factor: 7, meaning: 'computed over 7 days instead of 1 (or a weekly sum instead of a daily mean)?' },
  { factor: 1 / 30, meaning: 'computed over 1 day instead of 30 (or a daily mean instead of a monthly sum)?' },
  { factor: 30, meaning: 'computed over 30 days instead of 1 (or a monthly sum instead of a daily mean)?' },
  { factor: 30 / 90, meaning: 'computed over 30 days instead of 90?' },
  { factor: 90 / 30, meaning: 'computed over 90 days instead of 30?' },
  { factor: 1 / 12, meaning: 'a monthly value where training had a yearly one?' },
  { factor: 12, meaning: 'a yearly value where training had a monthly one?' },
  { factor: 0.5, meaning: 'half the window (or half the events) of training?' },
  { factor: 2, meaning: 'double the window (or events counted twice) compared with training?' },
];

/**
 * The named factor closest to `ratio` in log distance, if within `tolerance` (relative, e.g. 0.05 = ±5 %).
 * @example nameFactor(998, UNIT_FACTORS, 0.05)?.factor // 1000
 */
export function nameFactor(ratio: number, factors: readonly NamedFactor[], tolerance: number): NamedFactor | null {
  if (!(ratio > 0) || !Number.isFinite(ratio)) return null;
  let best: NamedFactor | null = null;
  let bestDist = Math.log1p(tolerance);
  for (const f of factors) {
    const d = Math.abs(Math.log(ratio / f.factor));
    if (d <= bestDist) {
      best = f;
      bestDist = d;
    }
  }
  return best;
}

/** A short label for a factor: `1000`, `1/1000`, `2.54`, `7/30`. */
export function factorLabel(f: number): string {
  for (const [n, d] of [[7, 30], [30, 7], [30, 90]] as const) if (Math.abs(f - n / d) < 1e-9) return `${n}/${d}`;
  if (f >= 1) return String(Number(f.toPrecision(4)));
  const inv = 1 / f;
  return Math.abs(inv - Math.round(inv)) < 1e-6 ? `1/${Math.round(inv)}` : String(Number(f.toPrecision(4)));
}
