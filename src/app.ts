import { useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { initWeappCloud } from './api/transports/weapp'
import { startOutbox } from './outbox'
import './app.css'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // wx.cloud must be initialised once before the first function call.
    if (process.env.TARO_ENV === 'weapp') initWeappCloud()
    // Reports saved while offline go out as soon as the app runs, whatever page opens first.
    startOutbox()
  })
  return children
}

export default App
