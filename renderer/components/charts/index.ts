/** Small dependency-free SVG charts, each with a title and a data-table fallback. */
export { ChartFrame, Legend, type ChartTable } from './ChartFrame';
export { FillGauge, type GaugeItem } from './FillGauge';
export { StackedBar, stackTotal, type StackedCategory, type StackedSeries } from './StackedBar';
export { MonthlyColumns, monthLabel, labelStep, type MonthValue } from './MonthlyColumns';
export { axisScale, fillLevel, fillPercent, formatCount, formatPercent, linear, niceMax, segmentWidths, ticks, type FillLevel } from './scale';
