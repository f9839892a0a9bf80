// Everything of the chart library in one module, imported only through lazy-charts.tsx.
import '@mantine/charts/styles.css';

export { BarChart, DonutChart } from '@mantine/charts';
