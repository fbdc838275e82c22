/**
 * The parts of ECharts Målbar draws with (line, bar and scatter charts, both renderers), registered
 * once: the browser loads this module lazily (its own chunk), the server imports it for SVG.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([LineChart, BarChart, ScatterChart, GridComponent, TitleComponent, TooltipComponent, LegendComponent, AriaComponent, SVGRenderer, CanvasRenderer]);

export { echarts };
