import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { api } from '../../api'
import EmptyState from '../../components/EmptyState'
import PagedList from '../../components/PagedList'
import HelpStatusTag from '../../components/HelpStatusTag'
import type { HelpSummary } from '../../contracts/api'
import { formatInstant } from '../../core/time'
import { usePagedList } from '../../hooks/usePagedList'
import { HELP_RAISE_URL, statusUrl } from '../../utils/help/urls'
import { a11y } from '../../utils/a11y'

const PAGE = 20

/** The person's own requests, newest first; a row opens its status. */
export default function MyHelpList() {
  const list = usePagedList<HelpSummary>((before) => api.call('help.mine', before ? { before, limit: PAGE } : { limit: PAGE }))
  return (
    <View className='jf-page jf-help-mine' id='jf-help-mine'>
      <PagedList
        phase={list.phase}
        error={list.error}
        retryable={list.retryable}
        empty={list.items.length === 0}
        next={list.next}
        loadingMore={list.loadingMore}
        onRetry={() => void list.refresh()}
        onMore={() => void list.loadMore()}
        ids={{ error: 'jf-help-mine-error', empty: 'jf-help-mine-empty', list: 'jf-help-mine-list', more: 'jf-help-mine-more' }}
        emptyView={
          <EmptyState icon='siren' title='还没有求助' description='遇到邻里纠纷、家庭矛盾等，可一键求助社区值班人员' action={{ id: 'jf-help-mine-raise', text: '一键求助', onClick: () => void Taro.navigateTo({ url: HELP_RAISE_URL }) }} />
        }
      >
        {list.items.map((h) => (
          <View key={h.id} className='jf-card jf-help-row' data-id={h.id} data-status={h.status} {...a11y('link')} onClick={() => void Taro.navigateTo({ url: statusUrl(h.id) })}>
            <View className='jf-help-row-top'>
              <Text className='jf-help-row-kind'>{h.helpKindLabel}</Text>
              <HelpStatusTag status={h.status} label={h.statusLabel} />
            </View>
            <Text className='jf-help-row-title'>{h.title}</Text>
            <Text className='jf-muted'>
              {formatInstant(h.createdAt)}
              {h.responderName ? ` · ${h.responderName} 已响应` : ''}
              {h.convertedTo ? ` · 已转为${h.convertedTo.text}` : ''}
            </Text>
          </View>
        ))}
      </PagedList>
    </View>
  )
}
