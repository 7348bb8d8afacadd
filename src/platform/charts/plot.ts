import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/** The class every chart carries; its styles live in the app's stylesheet (the CSP allows no inline style). */
export const CHART_CLASS = 'app-chart';

/**
 * Renders an Observable Plot chart on the server as an SVG string: a linkedom document stands in for
 * the browser's, and Plot's inline <style> element is dropped (public/app.css styles `.app-chart`).
 * The SVG is an image with a label; callers put the numbers in a table beside it.
 */
export function renderChart(options: Plot.PlotOptions & { ariaLabel: string }): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const svg = Plot.plot({ ...options, document: document, className: CHART_CLASS }) as unknown as Element;
  svg.setAttribute('role', 'img');
  svg.querySelector('style')?.remove();
  // The image's children are presentational: Plot's labels on its groups are not allowed there.
  for (const el of svg.querySelectorAll('[aria-label], [aria-description]')) {
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  }
  svg.setAttribute('aria-label', options.ariaLabel);
  return svg.outerHTML;
}

export { Plot };
