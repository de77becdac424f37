import { Button, Input } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import EmptyState from '../../../components/EmptyState'
import PagedList from '../../../components/PagedList'
import StaffQueueRow from '../../../components/StaffQueueRow'
import TabStrip from '../../../components/TabStrip'
import { QUEUE_TABS } from '../../../components/StaffKit/logic'
import { STAFF_MODERATION_URL } from '../../home/entries'
import QueueMap from './QueueMap'
import { useStaffQueue } from './useStaffQueue'
import { a11y } from '../../../utils/a11y'
import './index.css'

/** 录入纠纷 (三捕三捉) in the mediation-staff subpackage. */
const INTAKE_URL = '/pages/mediation-staff/intake/index'

const IDS = { error: 'jf-queue-error', empty: 'jf-queue-empty', list: 'jf-queue-list', more: 'jf-queue-more' }

const open = (id: string) => void Taro.navigateTo({ url: `/pages/report-staff/case/index?id=${encodeURIComponent(id)}` })

/** Taro's <Map> runs in the mini-program only; H5 handlers use the desk console instead. */
const HAS_MAP = process.env.TARO_ENV === 'weapp'

/** A handler's queue, most urgent deadline first; the server decides whose cases these are. */
export default function StaffQueue() {
  const { q, tab, pick, more, retry, moderates, searched, searchError, search, clearSearch } = useStaffQueue()
  // Grid workers and the street's centre enter disputes they found (三捕三捉), as moderators of the same grids.
  const enters = moderates
  const [onMap, setOnMap] = useState(false)
  const [typed, setTyped] = useState('')
  return (
    <View className='jf-page jf-staff-queue'>
      {moderates && (
        <View className='jf-queue-moderation' id='jf-queue-moderation' {...a11y('link')} onClick={() => void Taro.navigateTo({ url: STAFF_MODERATION_URL })}>
          <Text className='jf-queue-moderation-title'>内容审核</Text>
          <Text className='jf-muted jf-queue-moderation-hint'>居民上报的描述和照片，审核后才对其他居民公开 ›</Text>
        </View>
      )}
      {enters && (
        <View className='jf-queue-moderation' id='jf-queue-intake' {...a11y('link')} onClick={() => void Taro.navigateTo({ url: INTAKE_URL })}>
          <Text className='jf-queue-moderation-title'>录入纠纷</Text>
          <Text className='jf-muted jf-queue-moderation-hint'>巡查中发现的矛盾纠纷，录入后转调解委员会调解 ›</Text>
        </View>
      )}
      <View className='jf-queue-search' id='jf-queue-search'>
        <View className='jf-queue-search-row'>
          <Input
            className='jf-queue-search-input'
            value={typed}
            onChange={setTyped}
            placeholder='按编号查找，如 京溪-2026-00042 或 42'
            maxLength={32}
            clearable
            confirmType='search'
            onConfirm={() => search(typed)}
            onClear={() => {
              setTyped('')
              clearSearch()
            }}
          />
          <Button size='small' type='primary' id='jf-queue-search-go' onClick={() => search(typed)}>
            查找
          </Button>
        </View>
        {searchError && (
          <Text className='jf-queue-search-error' id='jf-queue-search-error'>
            {searchError}
          </Text>
        )}
      </View>
      <TabStrip
        tabs={QUEUE_TABS}
        current={tab}
        onPick={(key) => {
          setTyped('')
          pick(key)
        }}
        id='jf-queue-tabs'
        tabIdPrefix='jf-queue-tab'
        className='jf-queue-tabs'
        tabClassName='jf-queue-tab'
        countClassName='jf-queue-tab-count'
        count={q.phase === 'ready' ? q.totalText : null}
      />

      {HAS_MAP && (
        <View className='jf-queue-view'>
          <Text className='jf-queue-view-toggle' id='jf-queue-view-toggle' {...a11y('button')} onClick={() => setOnMap((m) => !m)}>
            {onMap ? '按列表查看 ›' : '在地图上查看 ›'}
          </Text>
        </View>
      )}

      {onMap && q.phase === 'ready' ? (
        <QueueMap cases={q.cases} more={q.next !== null} onOpen={open} />
      ) : (
        <PagedList
          phase={q.phase === 'idle' ? 'loading' : q.phase}
          error={q.error}
          empty={!q.cases.length}
          next={q.next}
          loadingMore={q.loadingMore}
          onRetry={retry}
          retryable={q.retryable}
          onMore={more}
          emptyView={
            searched ? (
              <EmptyState icon='briefcase' title={`未找到编号为 ${searched} 的事项，请核对编号`} description='只能查到您负责范围内的事项' />
            ) : (
              <EmptyState icon='briefcase' title={tab === 'submitted' ? '暂无待受理事项' : '暂无事项'} description='新的事项会按办理时限排在这里' />
            )
          }
          ids={IDS}
        >
          {q.cases.map((c) => (
            <StaffQueueRow key={c.id} c={c} onOpen={open} />
          ))}
        </PagedList>
      )}
    </View>
  )
}
