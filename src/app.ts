import Taro, { useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { initWeappCloud } from './api/transports/weapp'
import { startOutbox } from './outbox'
import { watchForUpdates, type UpdateDeps } from './utils/appUpdate'
import { listenForPrivacyRequests } from './utils/privacyRuntime'
import { markRoot } from './utils/elder'
import './app.css'

// Taro's H5 title bar restyled (title and back on every page); a dead branch, so no bytes, in the mini-program.
if (process.env.TARO_ENV === 'h5') require('./h5-chrome.css')
// Pages as keyboard focus stops and NutUI's WeChat-only aria-role as the browser's role (H5 only, a dead branch in the mini-program).
if (process.env.TARO_ENV === 'h5') require('./utils/h5A11y').browserA11y()
// 长辈模式 marks <html> before the first page renders, so no page shows first in the small type; in the
// mini-program every page's root view binds it (config/elderRoot.js), filled by the page hook set here.
markRoot()
if (process.env.TARO_ENV === 'weapp') require('./utils/elderPages').wrapPagesForElderMode()

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      // wx.cloud must be initialised once before the first function call.
      initWeappCloud()
      // Privacy APIs wait for our own prompt (components/PrivacyPrompt) rather than WeChat's dialog.
      listenForPrivacyRequests()
      watchForUpdates(Taro as unknown as UpdateDeps)
    }
    // Reports saved while offline go out as soon as the app runs, whatever page opens first.
    startOutbox()
    // H5: Taro's toasts announced through a live region, its modals as dialogs (WeChat's are native).
    if (process.env.TARO_ENV === 'h5') require('./utils/announce').startAnnouncer()
  })
  return children
}

export default App
