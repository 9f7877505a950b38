/** The copy of a chart configuration that Chart.js is given, for the attachment and the PNG export. */
import type { ChartConfiguration, ChartType } from 'chart.js';

/**
 * A copy Chart.js may mutate: it writes defaults into `data` and `options` and patches the data
 * arrays' push/splice to watch them. The caller's config (often a `$derived` shared with the table
 * beside the chart) must stay untouched and free of Chart.js listeners.
 */
export function ownCopy<TType extends ChartType, TData, TLabel>(
  config: ChartConfiguration<TType, TData, TLabel>,
): ChartConfiguration<TType, TData, TLabel> {
  return {
    ...config,
    data: {
      ...config.data,
      labels: config.data.labels === undefined ? undefined : [...config.data.labels],
      datasets: config.data.datasets.map((dataset) => ({
        ...dataset,
        data: (Array.isArray(dataset.data) ? [...dataset.data] : dataset.data) as TData,
      })),
    },
    options: config.options === undefined ? undefined : { ...config.options },
  };
}
