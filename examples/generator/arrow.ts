/**
 * Writes a sample file as an Arrow IPC file with apache-arrow: strings dictionary-encoded, the time column as
 * timestamp[ms, UTC], integers as int32 and the rest as float64 (nulls as Arrow nulls).
 */
import { writeFileSync } from 'node:fs';
import { Dictionary, Float64, Int32, Table, TimestampMillisecond, Utf8, tableToIPC, vectorFromArray, type Vector } from 'apache-arrow';
import type { ColumnSpec, SampleFile } from './sampleFile';

function vectorFor(spec: ColumnSpec, file: SampleFile): Vector {
  const values = file.rows.map((r) => r[spec.name]);
  switch (spec.type) {
    case 'id':
    case 'category':
      return vectorFromArray(values as (string | null)[], new Dictionary(new Utf8(), new Int32()));
    case 'time':
      return vectorFromArray(
        values.map((v) => (v === null ? null : Date.parse(v as string))),
        new TimestampMillisecond('UTC'),
      );
    case 'int':
      return vectorFromArray(values as (number | null)[], new Int32());
    case 'float':
      return vectorFromArray(values as (number | null)[], new Float64());
  }
}

export function toArrowBytes(file: SampleFile): Uint8Array {
  const columns: Record<string, Vector> = {};
  for (const spec of file.columns) columns[spec.name] = vectorFor(spec, file);
  return tableToIPC(new Table(columns), 'file');
}

export function writeArrow(path: string, file: SampleFile): void {
  writeFileSync(path, toArrowBytes(file));
}
