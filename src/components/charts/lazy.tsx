'use client';

import dynamic from 'next/dynamic';
import { useEffect, useRef, useState } from 'react';
import type { BarChartProps } from './bar-chart';

// recharts arrives in its own chunk after the page shows, and only for charts about to scroll
// into view: drawing every chart at once kept a phone's main thread busy for over a second
// (Lighthouse TBT), while the figures above them were already there. The box keeps the chart's
// height, so nothing moves when it draws; the numbers are in the card's data table meanwhile.

const Placeholder = () => <div aria-hidden="true" className="h-full w-full animate-pulse rounded bg-neutral-100" />;

const BarChartView = dynamic(() => import('./bar-chart').then((m) => m.BarChartView), { ssr: false, loading: Placeholder });

/** True once the element is within half a screen of the viewport; stays true. */
function useNearViewport<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || near) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setNear(true);
    }, { rootMargin: '50% 0px' });
    observer.observe(el);
    return () => observer.disconnect();
  }, [near]);
  return [ref, near] as const;
}

export function BarChart(props: BarChartProps) {
  const [ref, near] = useNearViewport<HTMLDivElement>();
  return (
    <div ref={ref} style={{ height: props.height }}>
      {near ? <BarChartView {...props} /> : <Placeholder />}
    </div>
  );
}
