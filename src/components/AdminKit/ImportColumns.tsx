import { Text } from '@tarojs/components'
import type { ColumnHelp } from '../../utils/admin/importHelp'
import { aliasText } from '../../utils/admin/importHelp'
import AdminTable from './AdminTable'

/** 表头说明 of an import: each column's Chinese name, the other names it is found by, and what to fill in. */
const TABLE_LEAD = '表头（第一行）：列的顺序不限，每列可用下表中任一名称；也接受其他系统导出的英文表头。'

/** The note with each number that has a hyphen in it (a phone like 020-87700000) kept on one line. */
function wholeNumbers(note: string) {
  return note.split(/(\d+(?:-\d+)+)/).map((part, i) => (i % 2 === 1 ? <Text key={i} className='jf-ak-phone'>{part}</Text> : part))
}

export default function ImportColumns({ id, rows, lead = TABLE_LEAD }: { id: string; rows: ColumnHelp[]; lead?: string }) {
  return (
    <>
      <Text className='jf-ak-help'>{lead}</Text>
      <AdminTable id={id} head={['列名', '也可写作', '填写说明']}>
        {rows.map((r) => (
          <tr key={r.name} className='jf-import-column' data-column={r.name}>
            <td>{r.name}</td>
            <td>{aliasText(r.aliases)}</td>
            <td>{wholeNumbers(r.note)}</td>
          </tr>
        ))}
      </AdminTable>
    </>
  )
}
