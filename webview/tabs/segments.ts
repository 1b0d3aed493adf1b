/**
 * Segments: the worst slices (ranked by impact) and a heatmap of the metric gap or the share change per segment.
 */
import { formatNumber, formatShare } from '../../src/core/report/chartTheme';
import { segmentHeatmapChart } from '../../src/core/report/timeCharts';
import type { MetricWithCi, SegmentStat } from '../../src/core/report/types';
import type { ViewContext } from '../context';
import { h } from '../dom';
import { tabForFinding } from '../nav';
import { buildTable, type TableColumn } from '../table';
import { chartBlock, emptyState, findingList, section, toggle } from '../widgets';

const ci = (m: MetricWithCi | null | undefined) => (m ? `${formatNumber(m.value)} [${formatNumber(m.low)}, ${formatNumber(m.high)}]` : '—');

function sliceColumns(metric: string): TableColumn<SegmentStat>[] {
  return [
    { key: 'slice', label: 'Slice', value: (s) => s.slice },
    { key: 'trainShare', label: 'Training share', value: (s) => s.trainShare, cell: (s) => formatShare(s.trainShare), numeric: true },
    { key: 'prodShare', label: 'Production share', value: (s) => s.prodShare, cell: (s) => formatShare(s.prodShare), numeric: true },
    { key: 'train', label: `Training ${metric}`, value: (s) => s.train?.value ?? null, cell: (s) => ci(s.train), numeric: true, title: 'With its confidence interval' },
    { key: 'prod', label: `Production ${metric}`, value: (s) => s.prod?.value ?? null, cell: (s) => ci(s.prod), numeric: true, title: 'With its confidence interval' },
    { key: 'gap', label: 'Gap', value: (s) => s.gap ?? null, cell: (s) => formatNumber(s.gap ?? null), numeric: true, title: 'Production minus training' },
    { key: 'p', label: 'adj. p', value: (s) => s.pValueAdjusted ?? null, cell: (s) => formatNumber(s.pValueAdjusted ?? null), numeric: true },
    { key: 'impact', label: 'Impact', value: (s) => s.impact ?? null, cell: (s) => formatNumber(s.impact ?? null), numeric: true, title: 'How much of the overall drop this slice explains' },
  ];
}

export function renderSegments(ctx: ViewContext): HTMLElement {
  const s = ctx.report.segments;
  if (!s) {
    return emptyState(
      ctx.state.partial ? 'Segments are still being searched.' : 'No segment analysis in this report.',
      'Segments need categorical or numeric feature columns shared by both files; the metric gap also needs label and prediction columns (set them with Change Roles).',
    );
  }
  const metric = s.metric ?? 'metric';
  const worst = buildTable({
    caption: 'Worst slices',
    columns: sliceColumns(metric),
    rows: s.worst,
    rowKey: (x) => x.slice,
    sort: { key: 'impact', dir: 'desc' },
    filter: '',
    emptyText: 'No slice stands out.',
  });
  const mode = s.metric ? ctx.ui.heatMode : 'share';
  const heat = segmentHeatmapChart(ctx.report, { palette: ctx.palette }, mode);
  const modeToggle = s.metric
    ? toggle(
        [
          { value: 'gap', label: `${metric} gap` },
          { value: 'share', label: 'Share change' },
        ] as const,
        mode,
        (heatMode) => ctx.setUi({ heatMode }, true),
        'Heatmap colour',
      )
    : undefined;
  return h(
    'div',
    { class: 'tab-segments' },
    h('p', { class: 'muted' }, `${s.slicesTried.toLocaleString('en-US')} slices of ${s.columns.length} columns tried; a slice needs at least ${s.minSupport.toLocaleString('en-US')} rows per file.`),
    section('Worst slices', worst.element),
    section('By segment', chartBlock(ctx, heat, 'No single-column segment to draw.', modeToggle)),
    section('Segment findings', findingList(ctx, ctx.report.findings.filter((f) => tabForFinding(f) === 'segments'), 'No segment degrades or shifts beyond the thresholds.', false)),
  );
}
