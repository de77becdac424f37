import { Text } from '@tarojs/components'
import type { ColumnHelp } from '../../utils/admin/importHelp'
import { aliasText } from '../../utils/admin/importHelp'
import AdminTable from './AdminTable'

/** 表头说明 of an import: each column's Chinese name, the other names it is found by, and what to fill in. */
const TABLE_LEAD = '表头（第一行）：列的顺序不限，每列可用下表中任一名称；也接受其他系统导出的英文表头。'

export default function ImportColumns({ id, rows, lead = TABLE_LEAD }: { id: string; rows: ColumnHelp[]; lead?: string }) {
  return (
    <>
      <Text className='jf-ak-help'>{lead}</Text>
      <AdminTable id={id} head={['列名', '也可写作', '填写说明']}>
        {rows.map((r) => (
          <tr key={r.name} className='jf-import-column' data-column={r.name}>
            <td>{r.name}</td>
            <td>{aliasText(r.aliases)}</td>
            <td>{r.note}</td>
          </tr>
        ))}
      </AdminTable>
    </>
  )
}
