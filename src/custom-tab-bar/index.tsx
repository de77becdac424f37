import { useEffect, useState } from 'react'
import TabBar from '../components/TabBar'
import { onTabSelected, selectedTab } from '../utils/tabs'

/** The mini-program's custom tab bar (app.config tabBar.custom): shows the tab the current tab page selected. */
export default function CustomTabBar() {
  const [current, setCurrent] = useState(selectedTab)
  useEffect(() => onTabSelected(setCurrent), [])
  return <TabBar current={current} />
}

// A WeChat component sees no app-wide style unless it asks: the bar's classes and the tokens live there.
CustomTabBar.options = { addGlobalClass: true }
