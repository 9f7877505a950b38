/**
 * Chart.js with only the parts our charts use registered, loaded lazily by the chart attachment.
 * A separate module (imported statically here, dynamically there) lets the bundler tree-shake
 * Chart.js and split it into its own chunk, so the import screen never downloads it.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Title,
  Tooltip,
} from 'chart.js';

Chart.register(
  LineController,
  BarController,
  LineElement,
  PointElement,
  BarElement,
  LinearScale,
  CategoryScale,
  Tooltip,
  Legend,
  Filler,
  Title,
);

/** The Chart class, registered with the line and bar charts' controllers, elements and plugins. */
export { Chart };
