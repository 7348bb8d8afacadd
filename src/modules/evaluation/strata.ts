import type { Translate } from '../../platform/i18n/i18n.ts';
import { genders } from './trials.values.ts';

type Key = Parameters<Translate>[0];

/**
 * A stratum's code ("m265/age18-21/female/tg-jobparat", analysis.ts: stratumOf) in words:
 * "Kommune 265 · 18–21 år · Kvinde · Jobparat"; the pooled block of small strata as
 * "Små blokke lagt sammen". Unknown parts stay as they are.
 */
export function stratumLabel(t: Translate, stratum: string): string {
  if (stratum === 'pooled') return t('trial.stratum.pooled');
  return stratum
    .split('/')
    .map((part) => {
      const m = /^m(\d{3})$/.exec(part);
      if (m) return t('strata.municipality', { code: m[1]! });
      const age = /^age(\d+)-(\d+)$/.exec(part);
      if (age) return t('strata.age', { from: age[1]!, to: age[2]! });
      if ((genders as readonly string[]).includes(part)) return t(`trial.gender.${part}` as Key);
      if (part.startsWith('tg-')) return t(`target_group.${part.slice(3)}` as Key);
      return part;
    })
    .join(' · ');
}
