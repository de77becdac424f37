import { Tabs } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { AdminDesk } from '../../../components/AdminHeader'
import TabStrip from '../../../components/TabStrip'
import DeliveriesTab from './DeliveriesTab'
import PartnersTab from './PartnersTab'
import RevealDialog from './RevealDialog'
import SubscriptionsTab from './SubscriptionsTab'
import { useIntegrations } from './useIntegrations'
import '../../../components/AdminKit/kit.css'
import './index.css'

const TABS = [
  { key: 'keys', label: '接口密钥（Open311）' },
  { key: 'hotline', label: '12345 热线' },
  { key: 'subs', label: '事件订阅' },
  { key: 'log', label: '发送记录' },
] as const
type Tab = (typeof TABS)[number]['key']

/**
 * 对外接口 (H5, district admin): the systems that call in (Open311 clients by API key, 12345 platforms by
 * shared secret), the ones case events go out to (subscriptions), and the log of every delivery. A key or
 * secret is shown once, in a dialog, when it is made; stopping one asks first.
 */
export default function AdminIntegrations() {
  const s = useIntegrations()
  const [tab, setTab] = useState<Tab>('keys')
  // Only the tab on show is drawn: NutUI keeps every pane in the page, slid aside, where a screen reader would still read it.
  const pane = (key: Tab) => {
    if (key !== tab) return <View />
    if (key === 'keys') return <PartnersTab kind='open311' partners={s.partners} onAdd={(name) => s.issueKey(name)} onRevoke={(p) => void s.revokePartner(p)} />
    if (key === 'hotline') return <PartnersTab kind='hotline' partners={s.partners} onAdd={(name, url) => s.addHotline(name, url)} onRevoke={(p) => void s.revokePartner(p)} />
    if (key === 'subs') return <SubscriptionsTab subscriptions={s.subscriptions} onSubscribe={s.subscribe} onRevoke={(x) => void s.revokeSubscription(x)} />
    return <DeliveriesTab subscriptions={s.subscriptions ?? []} partners={s.partners ?? []} />
  }
  return (
    <AdminDesk id='jf-admin-integrations' current='integrations'>
      {s.notice && (
        <Text className={`jf-ak-notice ${s.notice.ok ? 'is-ok' : 'is-error'}`} id={s.notice.ok ? 'jf-int-done' : 'jf-int-notice'}>
          {s.notice.text}
        </Text>
      )}
      <Tabs
        className='jf-int-tabs'
        value={tab}
        duration={0}
        autoHeight
        // Our strip as the titles: tabs in a tab list with their selected state, which NutUI's own titles do not say.
        title={() => [<TabStrip key='strip' id='jf-int-tabs' tabs={TABS} current={tab} onPick={setTab} className='jf-int-strip' />]}
      >
        {TABS.map((t) => (
          <Tabs.TabPane key={t.key} value={t.key} title={t.label}>
            {pane(t.key)}
          </Tabs.TabPane>
        ))}
      </Tabs>
      <RevealDialog revealed={s.revealed} onClose={s.closeRevealed} />
    </AdminDesk>
  )
}
