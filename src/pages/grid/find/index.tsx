import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import { useFindGrid } from './useFindGrid'
import { a11y } from '../../../utils/a11y'
import './index.css'
import TextBox, { editing } from '../../../components/TextBox'

/**
 * 找我的网格: by the phone's position, or by typing an estate / community / street name. A scanned
 * street-board QR (?code=, scene=, q=) skips the search and opens that grid's board.
 */
export default function FindGrid() {
  const { scanned, q, setQ, grids, why, source, locating, searching, error, setError, locate, search, open } = useFindGrid()
  if (scanned) return <View className='jf-page jf-center'>正在打开网格公示牌…</View>

  return (
    <View className='jf-page jf-gfind' id='jf-grid-find'>
      <View className='jf-card jf-gfind-card'>
        <Text className='jf-section-title'>找到我所在的网格</Text>
        <Text className='jf-muted jf-gfind-help'>每个网格都有专属网格员，加入网格服务群可以收到社区通知、随时找到网格员。</Text>
        <View className='jf-gfind-locate'>
          <Button id='jf-grid-locate' type='primary' block loading={locating} onClick={() => void locate()}>
            使用当前位置
          </Button>
        </View>
        <View className='jf-gfind-or'>
          <Text className='jf-muted'>或按名称搜索</Text>
        </View>
        <View className='jf-gfind-row'>
          <TextBox id='jf-grid-search' className='jf-gfind-input' value={q} onChange={editing(setQ, error, setError)} onConfirm={() => void search()} placeholder='小区、社区或街道名称，如 云景' maxLength={30} confirmType='search' />
          <Button id='jf-grid-search-go' loading={searching} onClick={() => void search()}>
            搜索
          </Button>
        </View>
        {error && (
          <Text className='jf-gfind-error' id='jf-grid-find-error'>
            {error}
          </Text>
        )}
      </View>

      {grids && (
        <View className='jf-card jf-gfind-results' id='jf-grid-results' data-source={source ?? ''} data-count={grids.length}>
          {why && (
            <View className='jf-gfind-why' id='jf-grid-why'>
              <Text className='jf-gfind-why-text'>{why}</Text>
              {grids.length === 1 && !why.includes(grids[0].path) && <Text className='jf-muted'>{grids[0].path}</Text>}
            </View>
          )}
          {!grids.length && (
            <Text className='jf-center jf-gfind-none' id='jf-grid-none'>
              {source === 'location' ? '您的位置不在已划分的服务网格内，请按名称搜索' : '没有找到相关网格，换个名称试试'}
            </Text>
          )}
          {grids.map((g) => (
            <View key={g.code} className='jf-row jf-grid-result' data-code={g.code} {...a11y('link')} onClick={() => open(g)}>
              <View className='jf-col jf-grow jf-gfind-result-main'>
                <Text className='jf-gfind-result-name'>{g.name}</Text>
                <Text className='jf-muted'>{g.path}</Text>
              </View>
              <Text className='jf-gfind-result-go'>公示牌 ›</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}
