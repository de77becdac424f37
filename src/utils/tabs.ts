/**
 * The tab bar 首页 / 消息 / 我的: its pages and which one is showing. WeChat gives every tab page its
 * own instance of the custom tab bar, so the page that shows says which tab it is and every bar
 * instance follows (the one on screen is the one that counts).
 */
export interface Tab {
  /** App route without the leading slash, as app.json's tabBar.list wants it. */
  pagePath: string
  text: string
  /** Its icon in components/Icon's set (a name here: utils import no component). */
  icon: 'home' | 'message' | 'user'
  id: string
}

export const TABS: readonly Tab[] = [
  { pagePath: 'pages/home/index', text: '首页', icon: 'home', id: 'jf-tab-home' },
  { pagePath: 'pages/inbox/index', text: '消息', icon: 'message', id: 'jf-tab-inbox' },
  { pagePath: 'pages/me/index', text: '我的', icon: 'user', id: 'jf-tab-me' },
]

export const TAB_URLS = TABS.map((t) => `/${t.pagePath}`)

/** Whether a url (with or without query, leading slash) opens a tab page: those need switchTab. */
export function isTabUrl(url: string): boolean {
  const path = url.split('?')[0].replace(/^\/+/, '')
  return TABS.some((t) => t.pagePath === path)
}

/** Index of the tab a route belongs to; -1 for any other page. */
export function tabIndexOf(route: string): number {
  const path = route.split('?')[0].replace(/^\/+/, '')
  return TABS.findIndex((t) => t.pagePath === path)
}

let selected = 0
const listeners = new Set<(index: number) => void>()

export function selectedTab(): number {
  return selected
}

export function selectTab(index: number): void {
  if (index === selected) return
  selected = index
  for (const l of listeners) l(index)
}

/** Returns the unsubscribe. */
export function onTabSelected(listener: (index: number) => void): () => void {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}
