/**
 * Test-data builder: a `Table` from plain JS arrays, so unit tests state their data as data.
 *
 * Kinds are inferred from the first non-null value of each array: numbers → `numeric` (NaN or null = null), strings →
 * `categorical` (null = null), Dates → `datetime` (epoch ms; null or an invalid Date = null). An all-null column is
 * numeric. `kinds` overrides the inferred kind per column (`boolean`, `id`, `text`…), keeping the storage that the
 * values imply (numbers/Dates → NumericColumn, strings → StringColumn).
 */
import type { AnalysisContext, ColumnPair } from '../../../src/core/analyses/context';
import type { Column, ColumnKind, NumericColumn, StringColumn, Table } from '../../../src/core/io/table';
import { withOptions, type AnalysisOptions, type DeepPartial } from '../../../src/core/options';
import type { Roles } from '../../../src/core/report/types';

export type CellArray = ReadonlyArray<number | null> | ReadonlyArray<string | null> | ReadonlyArray<Date | null>;

export interface TableFromOptions {
  /** Kind per column when inference is not what the test wants. */
  kinds?: Record<string, ColumnKind>;
  format?: Table['format'];
  /** Defaults to `rows` (the table is the whole file). */
  totalRows?: number;
}

/** One column from plain values (see the module comment for the inference rules). */
export function columnFrom(name: string, values: CellArray, kind?: ColumnKind): Column {
  const first = (values as ReadonlyArray<unknown>).find((v) => v !== null && v !== undefined);
  if (typeof first === 'string') {
    const dictionary: string[] = [];
    const index = new Map<string, number>();
    const codes = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as string | null;
      if (v === null || v === undefined) {
        codes[i] = -1;
        continue;
      }
      let c = index.get(v);
      if (c === undefined) {
        c = dictionary.length;
        dictionary.push(v);
        index.set(v, c);
      }
      codes[i] = c;
    }
    const k = kind ?? 'categorical';
    if (k !== 'categorical' && k !== 'text' && k !== 'id') throw new TypeError(`columnFrom: ${name} holds strings, kind ${k} needs numbers`);
    const col: StringColumn = { name, kind: k, codes, dictionary, sourceType: 'string' };
    return col;
  }
  const isDate = first instanceof Date;
  const out = new Float64Array(values.length);
  let integer = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number | Date | null;
    const x = v === null || v === undefined ? NaN : v instanceof Date ? v.getTime() : v;
    out[i] = x;
    if (x === x && !Number.isInteger(x)) integer = false;
  }
  const k = kind ?? (isDate ? 'datetime' : 'numeric');
  if (k !== 'numeric' && k !== 'boolean' && k !== 'datetime') throw new TypeError(`columnFrom: ${name} holds numbers, kind ${k} needs strings`);
  const col: NumericColumn = {
    name,
    kind: k,
    values: out,
    sourceType: isDate ? 'timestamp[ms, UTC]' : integer ? 'int64' : 'float64',
    integer,
  };
  return col;
}

/**
 * A Table from `{columnName: values}`; every array must have the same length.
 * @example tableFrom('train.csv', { age: [30, 41], region: ['EU', null], t: [new Date('2024-01-01'), null] })
 */
export function tableFrom(path: string, data: Record<string, CellArray>, options: TableFromOptions = {}): Table {
  const names = Object.keys(data);
  const rows = names.length ? data[names[0]].length : 0;
  for (const n of names) {
    if (data[n].length !== rows) throw new RangeError(`tableFrom: column ${n} has ${data[n].length} values, expected ${rows}`);
  }
  return {
    path,
    format: options.format ?? 'csv',
    rows,
    columns: names.map((n) => columnFrom(n, data[n], options.kinds?.[n])),
    warnings: [],
    totalRows: options.totalRows ?? rows,
  };
}

/**
 * An AnalysisContext for two tables: shared columns matched by name, roles as given (missing ones null), options
 * from `withOptions(overrides)` and an empty report.
 */
export function contextFor(
  train: Table,
  prod: Table,
  roles: Partial<Roles> = {},
  overrides?: DeepPartial<AnalysisOptions>,
): AnalysisContext {
  const shared: ColumnPair[] = [];
  for (const c of train.columns) {
    const p = prod.columns.find((x) => x.name === c.name);
    if (p) shared.push({ name: c.name, train: c, prod: p });
  }
  return {
    train,
    prod,
    roles: { label: null, prediction: null, time: null, id: null, ...roles },
    options: withOptions(overrides),
    shared,
    report: {},
  };
}
