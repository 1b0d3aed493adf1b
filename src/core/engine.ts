/**
 * The engine: reads a pair of files and runs every analysis in order, building one Report.
 * `loadPair` (I/O, slow) is separate from `analyzePair` (CPU) so the worker can keep the tables and re-run the
 * analyses when a threshold or a role changes, without re-reading the files.
 *
 * SKELETON — analyses are wired in as they land.
 */
import type { Table } from './io/table';
import type { AnalysisOptions } from './options';
import type { Report, Roles } from './report/types';

export interface LoadedPair {
  train: Table;
  prod: Table;
  trainBytes: number;
  prodBytes: number;
}

export type Stage =
  | 'read-train'
  | 'read-prod'
  | 'profile'
  | 'schema'
  | 'drift'
  | 'performance'
  | 'segments'
  | 'timeline'
  | 'leakage'
  | 'diagnosis'
  | 'done';

export interface EngineHooks {
  /** `fraction` in 0..1 of the whole job. */
  onProgress?: (stage: Stage, fraction: number, message: string) => void;
  /** A report that is valid but not complete yet (overview first, then each analysis). */
  onPartial?: (report: Report) => void;
  isCancelled?: () => boolean;
}

export declare function loadPair(trainPath: string, prodPath: string, options: AnalysisOptions, hooks?: EngineHooks): Promise<LoadedPair>;
export declare function analyzePair(pair: LoadedPair, options: AnalysisOptions, roleOverrides?: Partial<Roles>, hooks?: EngineHooks): Report;
export declare function analyzeFiles(trainPath: string, prodPath: string, options: AnalysisOptions, roleOverrides?: Partial<Roles>, hooks?: EngineHooks): Promise<Report>;
