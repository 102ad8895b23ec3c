// SPDX-License-Identifier: Apache-2.0
// The host's plugin states and reload actions in zh-CN, with the Vant tag type each is shown in.
const STATES = {
  active: ['运行中', 'success'],
  error: ['出错', 'danger'],
  disabled: ['已停用', 'default'],
}
const ACTIONS = {
  unchanged: '未变',
  enabled: '已启用',
  reconfigured: '已重新配置',
  reloaded: '已重新加载',
  failed: '失败',
  removed: '已移除',
  disabled: '已停用',
}

export function stateLabel(state) {
  const [text, type] = STATES[state] || [state || '未知', 'default']
  return { text, type }
}

export function actionLabel(action) {
  return ACTIONS[action] || action
}
