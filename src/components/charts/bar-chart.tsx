'use client';

import { useEffect, useRef, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCompact, formatMoney, formatPercent } from '@/lib/format';
import { COUNT_FILL } from './scale';

// Bars drawn with recharts, loaded lazily (see lazy.tsx). Every text is formatted on the
// server; the chart only draws, shows each bar's value at its end, and a tooltip.

export type BarDatum = {
  key: string;
  label: string;
  value: number | null;
  /** The value as written at the bar's end. */
  valueLabel: string;
  /** Tooltip lines, already formatted. */
  tooltip: string[];
  fill?: string;
  /** A sign before the label (▲, ▼) so emphasis never rests on colour alone. */
  marker?: string;
  emphasis?: boolean;
};

export type BarChartProps = {
  data: BarDatum[];
  valueKind: 'count' | 'percent' | 'money';
  locale: string;
  /** Bars run left to right with labels on the left (horizontal) or bottom to top (columns). */
  orientation?: 'horizontal' | 'columns';
  reference?: { value: number; label: string };
  height: number;
  title: string;
};

function useWidth<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? 0));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/** Splits a label into lines of about `max` characters, at spaces and hyphens. */
function wrap(text: string, max: number): string[] {
  const words = text.split(/(?<=[\s-])/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && (line + w).trim().length > max) {
      lines.push(line.trim());
      line = w;
    } else line += w;
  }
  if (line.trim()) lines.push(line.trim());
  return lines.slice(0, 3);
}

type TickProps = { x?: number | string; y?: number | string; payload?: { value: string } };

function WrappedTick({ x = 0, y = 0, payload, maxChars }: TickProps & { maxChars: number }) {
  const lines = wrap(payload?.value ?? '', maxChars);
  const lineHeight = 13;
  const top = -((lines.length - 1) * lineHeight) / 2;
  return (
    <text x={Number(x)} y={Number(y)} textAnchor="end" fill="#262626" fontSize={12}>
      {lines.map((l, i) => (
        // A leading space keeps the words apart when the label is read as text; the line is
        // right-aligned, so it does not show.
        <tspan key={i} x={Number(x) - 4} dy={i === 0 ? top + 4 : lineHeight}>{i === 0 ? l : ` ${l}`}</tspan>
      ))}
    </text>
  );
}

function TooltipBox({ active, payload }: { active?: boolean; payload?: ReadonlyArray<{ payload?: BarDatum }> }) {
  const d = payload?.[0]?.payload;
  if (!active || !d) return null;
  return (
    <div className="max-w-xs rounded border border-neutral-300 bg-white px-3 py-2 text-sm shadow-md">
      <p className="font-semibold">{d.marker ? `${d.marker} ` : ''}{d.label}</p>
      {d.tooltip.map((line) => <p key={line} className="tabular text-neutral-800">{line}</p>)}
    </div>
  );
}

export function BarChartView({ data, valueKind, locale, orientation = 'horizontal', reference, height, title }: BarChartProps) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const format = (v: number) =>
    valueKind === 'percent' ? formatPercent(locale, v, 0) : valueKind === 'money' ? formatMoney(locale, v) : formatCompact(locale, v);
  const rows = data.map((d) => ({ ...d, axisLabel: d.marker ? `${d.marker} ${d.label}` : d.label }));
  const horizontal = orientation === 'horizontal';
  const labelWidth = Math.max(96, Math.min(220, Math.round((width || 600) * 0.38)));
  const max = valueKind === 'percent' ? 1 : undefined;
  // Room for the longest value written at a bar's end.
  const labelRoom = Math.max(40, Math.max(...data.map((d) => d.valueLabel.length)) * 7 + 12);

  return (
    <div ref={ref} className="w-full" style={{ height }}>
      <BarChart
        data={rows}
        layout={horizontal ? 'vertical' : 'horizontal'}
        responsive
        style={{ width: '100%', height }}
        margin={horizontal ? { top: reference ? 20 : 4, right: labelRoom, bottom: 4, left: 4 } : { top: 24, right: 8, bottom: 4, left: 8 }}
        title={title}
      >
        <CartesianGrid stroke="#e5e5e5" horizontal={!horizontal} vertical={horizontal} />
        {horizontal ? (
          <>
            <XAxis type="number" domain={[0, max ?? 'auto']} tickFormatter={format} tick={{ fill: '#404040', fontSize: 12 }} />
            <YAxis type="category" dataKey="axisLabel" width={labelWidth} interval={0}
              tick={(props: TickProps) => <WrappedTick {...props} maxChars={Math.floor(labelWidth / 7)} />} />
          </>
        ) : (
          <>
            <XAxis type="category" dataKey="axisLabel" interval={0} tick={{ fill: '#262626', fontSize: 12 }} />
            <YAxis type="number" domain={[0, max ?? 'auto']} tickFormatter={format} tick={{ fill: '#404040', fontSize: 12 }} width={56} />
          </>
        )}
        <Tooltip content={TooltipBox} cursor={{ fill: 'rgba(0, 0, 0, 0.06)' }} />
        {reference ? (
          horizontal ? (
            <ReferenceLine x={reference.value} stroke="#171717" strokeWidth={2} strokeDasharray="5 3" ifOverflow="extendDomain"
              label={{ value: reference.label, position: 'top', fill: '#171717', fontSize: 12 }} />
          ) : (
            <ReferenceLine y={reference.value} stroke="#171717" strokeWidth={2} strokeDasharray="5 3"
              label={{ value: reference.label, position: 'insideTopRight', fill: '#171717', fontSize: 12 }} />
          )
        ) : null}
        <Bar dataKey="value" isAnimationActive={false} stroke="#404040" strokeWidth={1} maxBarSize={horizontal ? 22 : 64}>
          {rows.map((d) => (
            <Cell key={d.key} fill={d.fill ?? COUNT_FILL} stroke={d.emphasis ? '#171717' : '#404040'} strokeWidth={d.emphasis ? 2.5 : 1} />
          ))}
          <LabelList dataKey="valueLabel" position={horizontal ? 'right' : 'top'} fill="#171717" fontSize={12} />
        </Bar>
      </BarChart>
    </div>
  );
}
