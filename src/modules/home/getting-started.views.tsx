import type { MessageKey } from '../../platform/i18n/i18n.ts';
import type { PageContext } from '../../platform/views/page.ts';
import type { StartStep } from './getting-started.service.ts';

/** "Kom godt i gang": a new municipality's first steps, each one tap from where it is done, ticked from the data. */
export function GettingStarted({ page, steps }: { page: PageContext; steps: StartStep[] }) {
  const { t } = page;
  const done = steps.filter((s) => s.done).length;
  return (
    <section aria-labelledby="start-title" class="app-getting-started">
      <h2 id="start-title">{t('start.title')}</h2>
      <p>{t('start.progress', { n: done, of: steps.length })}</p>
      <ol class="app-start-steps">
        {steps.map((s) => (
          <li class={s.done ? 'app-start-done' : undefined}>
            <a href={s.href}>{t(`start.step.${s.key}` as MessageKey, s.params)}</a>{' '}
            <strong class={`app-status${s.done ? ' app-status-done' : ''}`}>{s.done ? t('start.done') : t('start.not_done')}</strong>
          </li>
        ))}
      </ol>
    </section>
  );
}
