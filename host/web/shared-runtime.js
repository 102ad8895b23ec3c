// SPDX-License-Identifier: Apache-2.0
// The shared runtime every page loads once from the host: the bare imports a page may use and the
// URL each becomes in the built page. The kit build (build.mjs) writes exactly these files into
// <share>/web/kit/; pluginPages() keeps them out of every page's bundle.

export const SHARED_RUNTIME = Object.freeze({
  vue: '/kit/vue.js',
  vant: '/kit/vant.js',
  echarts: '/kit/echarts.js',
  '@courthub/kit': '/kit/kit.js',
})

// The packages whose sub-paths ("vant/es/button", "echarts/core") would load a second copy.
const SHARED_PACKAGES = ['vue', 'vant', 'echarts', '@courthub/kit', '@vue/', 'echarts/', 'vant/']

// Rollup's `external` for a page build: true for a shared import; throws for a deep import of a
// shared package, which would bundle a second copy of it beside the shared one.
export function externalFor(id) {
  if (Object.hasOwn(SHARED_RUNTIME, id)) return true
  if (SHARED_PACKAGES.some((p) => p.endsWith('/') && id.startsWith(p))) {
    throw new Error(`import '${id}': pages import only ${Object.keys(SHARED_RUNTIME).join(', ')} ` +
      '(the shared runtime at /kit/); a deep import would bundle a second copy')
  }
  return false
}
