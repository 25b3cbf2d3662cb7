import { getTranslations } from 'next-intl/server';
import { KpiSkeleton } from '@/components/ui/kpi-skeleton';

export default async function Loading() {
  const t = await getTranslations('common');
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">{t('loading')}</span>
      <KpiSkeleton />
    </div>
  );
}
