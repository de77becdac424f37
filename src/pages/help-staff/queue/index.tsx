import { Text, View } from '@tarojs/components'
import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { api } from '../../../api'
import EmptyState from '../../../components/EmptyState'
import PagedList from '../../../components/PagedList'
import HelpStatusTag from '../../../components/HelpStatusTag'
import TabStrip from '../../../components/TabStrip'
import type { HelpStaffSummary } from '../../../contracts/api'
import type { HelpStatus } from '../../../core/kinds/helpTerms'
import { formatInstant } from '../../../core/time'
import { usePagedList } from '../../../hooks/usePagedList'
import { staffCaseUrl } from '../../../utils/help/urls'
import { acceptText } from '../../../utils/help/view'
import { a11y } from '../../../utils/a11y'
import './index.css'

type Tab = 'waiting' | 'taken' | 'closed'
const TABS: ReadonlyArray<{ key: Tab; label: string }> = [
  { key: 'waiting', label: '待响应' },
  { key: 'taken', label: '已响应' },
  { key: 'closed', label: '已结束' },
]
const STATUSES: Record<Tab, HelpStatus[]> = { waiting: ['raised', 'escalated'], taken: ['taken'], closed: ['closed'] }
const EMPTY: Record<Tab, string> = { waiting: '暂无待响应的求助', taken: '暂无已响应未结束的求助', closed: '暂无已结束的求助' }

/** Requests waiting for a response are read again this often while the list shows. */
const POLL_MS = 10_000

/** 求助响应: live requests of the helper's community (the centre's whole street), urgent first. */
export default function HelpQueue() {
  const [tab, setTab] = useState<Tab>('waiting')
  const [now, setNow] = useState(() => Date.now())
  const shown = useRef(true)
  const list = usePagedList<HelpStaffSummary>((before) => api.call('help.queue', { statuses: STATUSES[tab], limit: 50, ...(before ? { before } : {}) }))

  const first = useRef(true)
  useEffect(() => {
    // The first list comes with the page showing (usePagedList); a new tab is a new list.
    if (first.current) {
      first.current = false
      return
    }
    list.setItems([])
    void list.refresh()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tab])

  useEffect(() => {
    if (tab === 'closed') return
    const t = setInterval(() => {
      if (!shown.current) return
      setNow(Date.now())
      void list.refresh()
    }, POLL_MS)
    return () => clearInterval(t)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tab])
  useDidShow(() => {
    shown.current = true
  })
  useDidHide(() => {
    shown.current = false
  })

  return (
    <View className='jf-page jf-helpq' id='jf-helpq' data-tab={tab}>
      <TabStrip id='jf-helpq-tabs' tabs={TABS} current={tab} onPick={setTab} tabClassName='jf-helpq-tab' count={list.phase === 'ready' ? list.items.length : null} />
      <PagedList
        phase={list.phase}
        error={list.error}
        retryable={list.retryable}
        empty={list.items.length === 0}
        next={list.next}
        loadingMore={list.loadingMore}
        onRetry={() => void list.refresh()}
        onMore={() => void list.loadMore()}
        ids={{ error: 'jf-helpq-error', empty: 'jf-helpq-empty', list: 'jf-helpq-list', more: 'jf-helpq-more' }}
        emptyView={<EmptyState icon='siren' title={EMPTY[tab]} description='值班时，本社区居民的一键求助会出现在这里，并发送消息提醒' />}
      >
        {list.items.map((h) => (
          <View
            key={h.id}
            className={`jf-card jf-helpq-row ${h.urgent ? 'is-urgent' : ''}`}
            data-id={h.id}
            data-status={h.status}
            data-urgent={h.urgent ? '1' : '0'}
            {...a11y('link')}
            onClick={() => void Taro.navigateTo({ url: staffCaseUrl(h.id) })}
          >
            <View className='jf-helpq-row-top'>
              <Text className='jf-helpq-kind'>
                {h.urgent && <Text className='jf-helpq-urgent'>紧急 </Text>}
                {h.helpKindLabel}
              </Text>
              <HelpStatusTag status={h.status} label={h.escalationLabel && h.status === 'escalated' ? h.escalationLabel : h.statusLabel} />
            </View>
            <Text className='jf-helpq-title'>{h.title}</Text>
            <Text className='jf-muted'>
              {h.communityName} · {formatInstant(h.createdAt)} · {acceptText(h, now)}
            </Text>
            {h.responderName && <Text className='jf-muted'>响应人 {h.responderName}</Text>}
            {h.convertedTo && <Text className='jf-muted'>已转为{h.convertedTo.text}</Text>}
          </View>
        ))}
      </PagedList>
    </View>
  )
}
