import { pluginPages } from '../../../host/web/plugin-pages.js'
export default pluginPages(import.meta.url)
