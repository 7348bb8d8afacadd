import type { Translate } from '../../platform/i18n/i18n.ts';

type Key = Parameters<Translate>[0];

/**
 * A randomisation block as people read it: "m101/age18-21/female" → "Kommune 101, 18–21 år, Kvinde";
 * "pooled" → "Små blokke lagt sammen" (#15). Unknown parts are shown as they are.
 */
export function stratumLabel(t: Translate, stratum: string): string {
  if (stratum === 'pooled') return t('trial.stratum.pooled');
  return stratum
    .split('/')
    .map((part) => {
      const m = /^m(\d+)$/.exec(part);
      if (m) return t('trial.stratum.municipality', { code: m[1]! });
      const age = /^age(\d+)-(\d+)$/.exec(part);
      if (age) return t('trial.stratum.age', { from: age[1]!, to: age[2]! });
      if (part === 'female' || part === 'male' || part === 'other') return t(`trial.gender.${part}` as Key);
      return part;
    })
    .join(', ');
}
