'use client';

import dynamic from 'next/dynamic';
import type { BarChartProps } from './bar-chart';

// recharts arrives in its own chunk after the page shows, so pages without charts never load
// it and pages with charts paint their figures first. The box keeps the chart's height.

const BarChartView = dynamic(() => import('./bar-chart').then((m) => m.BarChartView), {
  ssr: false,
  loading: () => <div aria-hidden="true" className="h-full w-full animate-pulse rounded bg-neutral-100" />,
});

export function BarChart(props: BarChartProps) {
  return (
    <div style={{ height: props.height }}>
      <BarChartView {...props} />
    </div>
  );
}
