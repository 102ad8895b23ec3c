// SPDX-License-Identifier: Apache-2.0
// /kit/echarts.js: Apache ECharts with the charts court pages draw (bar, line, pie, radar) and the usual
// components, on the canvas renderer; the rest of ECharts stays out of the shared runtime.
// Pages: `import * as echarts from 'echarts'` then echarts.init(el).
import { use } from 'echarts/core'
import { BarChart, LineChart, PieChart, RadarChart } from 'echarts/charts'
import {
  GridComponent, TooltipComponent, LegendComponent, TitleComponent, DatasetComponent,
  MarkLineComponent, RadarComponent,
} from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

use([BarChart, LineChart, PieChart, RadarChart, GridComponent, TooltipComponent, LegendComponent,
  TitleComponent, DatasetComponent, MarkLineComponent, RadarComponent, CanvasRenderer])

export * from 'echarts/core'
