// SPDX-License-Identifier: Apache-2.0
// An ECharts chart on an element for as long as the component lives: drawn when mounted, redrawn
// when the option changes, resized with the window, disposed when unmounted.
import { onBeforeUnmount, onMounted, watch } from 'vue'
import * as echarts from 'echarts'

export function useChart(el, option) {
  let chart = null
  const resize = () => chart?.resize()
  onMounted(() => {
    chart = echarts.init(el.value)
    chart.setOption(option.value)
    globalThis.addEventListener('resize', resize)
  })
  watch(option, (o) => chart?.setOption(o, true))
  onBeforeUnmount(() => {
    globalThis.removeEventListener('resize', resize)
    chart?.dispose()
    chart = null
  })
}
