import { createTranslator } from 'next-intl';
import { describe, expect, it, vi } from 'vitest';
import ru from '@/i18n/messages/ru.json';

// The real Russian messages, so the test reads what an analyst reads on every card.
vi.mock('server-only', () => ({}));
vi.mock('next-intl/server', () => ({
  getTranslations: vi.fn(async (namespace: 'change') => createTranslator({ locale: 'ru', messages: ru, namespace })),
}));

const { changeLabel } = await import('@/i18n/change-label');
const write = (n: number) => String(n);

describe('the one change-from-previous-period rule', () => {
  it('shows the difference with an arrow', async () => {
    const change = await changeLabel('1-е полугодие 2022');
    expect(change(12, 10, write)).toBe('▲ +2 к 1-е полугодие 2022');
    expect(change(7, 10, write)).toBe('▼ −3 к 1-е полугодие 2022');
  });

  it('has nothing to compare with when a figure is missing or the base is zero', async () => {
    const change = await changeLabel('H1');
    expect(change(null, 10, write)).toBe('нет данных за H1');
    expect(change(10, null, write)).toBe('нет данных за H1');
    expect(change(5, 0, write)).toBe('нет данных за H1');
  });

  it('calls equal figures the same, zero against zero included', async () => {
    const change = await changeLabel('H1');
    expect(change(0, 0, write)).toBe('без изменений к H1');
    expect(change(4, 4, write)).toBe('без изменений к H1');
  });

  it('lets rates count as equal within a tenth of a point', async () => {
    const change = await changeLabel('H1');
    const tenth = (a: number, b: number) => Math.round((a - b) * 1000) === 0;
    expect(change(0.5004, 0.5, write, tenth)).toBe('без изменений к H1');
    expect(change(0.52, 0.5, (d) => d.toFixed(2), tenth)).toBe('▲ +0.02 к H1');
  });
});
