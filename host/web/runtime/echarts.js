// SPDX-License-Identifier: Apache-2.0
// /kit/echarts.js: Apache ECharts with the charts court pages draw (bar, line, pie) and the usual
// components, on the canvas renderer; the rest of ECharts stays out of the shared runtime.
// Pages: `import * as echarts from 'echarts'` then echarts.init(el).
import { use } from 'echarts/core'
import { BarChart, LineChart, PieChart } from 'echarts/charts'
import {
  GridComponent, TooltipComponent, LegendComponent, TitleComponent, DatasetComponent,
  MarkLineComponent,
} from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

use([BarChart, LineChart, PieChart, GridComponent, TooltipComponent, LegendComponent,
  TitleComponent, DatasetComponent, MarkLineComponent, CanvasRenderer])

export * from 'echarts/core'
