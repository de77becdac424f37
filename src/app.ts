import { useLaunch } from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { initWeappCloud } from './api/transports/weapp'
import './app.css'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // wx.cloud must be initialised once before the first function call.
    if (process.env.TARO_ENV === 'weapp') initWeappCloud()
  })
  return children
}

export default App
