import { Skeleton } from '@mantine/core';
import { Suspense, lazy, type ComponentProps } from 'react';
import type { BarChart as BarChartType, DonutChart as DonutChartType } from '@mantine/charts';

// The chart library (recharts, through @mantine/charts, with its styles) is most of the
// dashboard's weight: it is fetched only when a chart is actually drawn, not with the page.
const LazyDonutChart = lazy(() =>
  import('./charts').then((charts) => ({ default: charts.DonutChart })),
);
const LazyBarChart = lazy(() =>
  import('./charts').then((charts) => ({ default: charts.BarChart })),
);

/** Stands in while the chart library arrives: the chart's own height, so nothing jumps. */
function ChartLoading({ height }: { height: number }) {
  return <Skeleton height={height} radius="md" aria-label="Loading the chart" />;
}

/**
 * @mantine/charts' DonutChart, loaded on first use. A picture to assistive technology
 * (`role="img"`): pass its content in words as `aria-label`.
 */
export function DonutChart(
  props: ComponentProps<typeof DonutChartType> & { 'aria-label': string },
) {
  return (
    <Suspense fallback={<ChartLoading height={Number(props.size ?? 160)} />}>
      <LazyDonutChart role="img" {...props} />
    </Suspense>
  );
}

/** @mantine/charts' BarChart, loaded on first use; like DonutChart, a picture with its words. */
export function BarChart(props: ComponentProps<typeof BarChartType> & { 'aria-label': string }) {
  return (
    <Suspense fallback={<ChartLoading height={typeof props.h === 'number' ? props.h : 240} />}>
      <LazyBarChart role="img" {...props} />
    </Suspense>
  );
}
