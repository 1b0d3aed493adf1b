/** Options shared by the CSV and Arrow readers. Plain data; `readDefaults` holds the defaults. */
export interface ReadOptions {
  /** CSV field delimiter; `undefined` sniffs among `,` `;` `\t` `|`. */
  delimiter?: string;
  /** Cell texts read as null (compared after trimming, case-sensitive). The empty cell is always null. */
  missingTokens: string[];
  /** Skip ragged rows (and count them in a warning) instead of failing on the first one. */
  skipBadRows: boolean;
  /**
   * Above this many rows, keep a uniform random sample (reservoir, seeded) of this size for the analyses;
   * `Table.totalRows` keeps the true count. 0 disables sampling.
   */
  maxRows: number;
  /** Distinct values at most this share of rows (and at most `maxCategories`) make a string column categorical. */
  categoricalMaxShare: number;
  maxCategories: number;
  /** A string column whose distinct share is at least this is id-like. */
  idMinShare: number;
  /** A string column with at most this many distinct values is categorical whatever their share (small files). */
  fewCategories?: number;
  /** Seed of the row sample taken above `maxRows` (the analyses' seed when unset: 42). */
  seed?: number;
  /** Called now and then with bytes read so far and the file size (for progress bars). */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Checked between chunks; when it returns true the read stops with a `ReadCancelledError`. */
  isCancelled?: () => boolean;
}

export const readDefaults: ReadOptions = {
  delimiter: undefined,
  missingTokens: ['', 'NA', 'N/A', 'n/a', 'NaN', 'nan', 'null', 'NULL', 'None', 'none', '#N/A', '-', '?'],
  skipBadRows: false,
  maxRows: 5_000_000,
  categoricalMaxShare: 0.05,
  maxCategories: 1000,
  idMinShare: 0.9,
};

export class ReadCancelledError extends Error {
  constructor() {
    super('read cancelled');
    this.name = 'ReadCancelledError';
  }
}
