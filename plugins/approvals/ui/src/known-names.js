// SPDX-License-Identifier: Apache-2.0
// Names of people the page has seen (picked, or named by an approval's value_names), by userid,
// so person fields show names rather than ids.
import { reactive } from 'vue'

export const knownPeople = reactive({})
