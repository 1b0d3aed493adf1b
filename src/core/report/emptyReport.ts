/**
 * A valid Report with every analysis section empty: the engine starts from it and fills sections in as analyses
 * finish (so a partial report is always well-formed), and tests build small reports from it.
 */
import { REPORT_VERSION, type FileInfo, type Report, type Roles } from './types';

export const TOOL_VERSION = '0.1.0';

export function emptyReport(train: FileInfo, prod: FileInfo, roles: Roles, over: Partial<Report> = {}): Report {
  return {
    version: REPORT_VERSION,
    generatedAt: new Date().toISOString(),
    tool: { name: 'prodgap', version: TOOL_VERSION },
    train,
    prod,
    roles,
    roleReasons: {},
    options: {},
    columns: [],
    schema: { missing: [], extra: [], renamed: [], typeChanges: [], orderChanged: false },
    quality: { oodRowShare: 0, oodK: 0 },
    datasetDrift: null,
    performance: null,
    segments: null,
    timeline: null,
    leakage: null,
    skew: null,
    hypotheses: [],
    checklist: [],
    findings: [],
    summary: { verdict: 'healthy', headline: '', counts: { info: 0, warning: 0, critical: 0 }, driftedColumns: 0, sharedColumns: 0 },
    ...over,
  };
}
