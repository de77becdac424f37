import { Text } from '@tarojs/components'
import { Fragment } from 'react'
import AdminTable from '../../../components/AdminKit/AdminTable'
import { HANDLER_LABELS } from '../../../contracts/configFields'
import { categoryGroups, type CategoryDraft } from '../../../utils/admin/configDraft'
import { CellNumber, FieldError, type FieldProps } from './ConfigField'

type Props = Omit<FieldProps, 'path'> & { categories: CategoryDraft[]; departments: Array<{ code: string; name: string }> }

/** The name box of a category, with every refusal of the category as a whole or of its code or parent under it. */
function NameCell({ cat, index, errors, set }: Omit<Props, 'categories' | 'departments'> & { cat: CategoryDraft; index: number }) {
  const at = ['categories', index]
  return (
    <td>
      <input className='jf-config-input is-name' aria-label='分类名称' data-path={`categories.${index}.name`} value={cat.name ?? ''} maxLength={20} onChange={(e) => set([...at, 'name'], (e.target as HTMLInputElement).value)} />
      <FieldError path={[...at, 'name']} errors={errors} />
      <FieldError path={at} errors={errors} />
      <FieldError path={[...at, 'code']} errors={errors} />
      <FieldError path={[...at, 'parent']} errors={errors} />
    </td>
  )
}

function SensitiveCell({ cat, index, set, errors, inherited }: Omit<Props, 'categories' | 'departments'> & { cat: CategoryDraft; index: number; inherited?: boolean }) {
  const path = ['categories', index, 'sensitive']
  return (
    <td>
      <label className='jf-config-check'>
        <input type='checkbox' data-path={path.join('.')} checked={cat.sensitive === true || inherited === true} disabled={inherited} onChange={(e) => set(path, (e.target as HTMLInputElement).checked ? true : undefined)} />
        <Text>{inherited ? '随大类不公开' : '不公开'}</Text>
      </label>
      <FieldError path={path} errors={errors} />
    </td>
  )
}

/** 可转为调解: a report of this category (a dispute) may be turned into a mediation case by the grid worker or the centre. */
function MediableCell({ cat, index, set, errors, inherited }: Omit<Props, 'categories' | 'departments'> & { cat: CategoryDraft; index: number; inherited?: boolean }) {
  const path = ['categories', index, 'mediable']
  return (
    <td>
      <label className='jf-config-check'>
        <input type='checkbox' data-path={path.join('.')} checked={cat.mediable === true || inherited === true} disabled={inherited} onChange={(e) => set(path, (e.target as HTMLInputElement).checked ? true : undefined)} />
        <Text>{inherited ? '随大类可转' : '可转调解'}</Text>
      </label>
      <FieldError path={path} errors={errors} />
    </td>
  )
}

/**
 * 事件分类: each top-level category (its name, whether it is sensitive or a dispute) over its sub-categories,
 * the ones a report is filed under: who handles them, which department, the time limit in hours.
 */
export default function CategoryTable({ categories, departments, errors, set }: Props) {
  const f = { errors, set }
  return (
    <AdminTable id='jf-config-categories' head={['分类', '处置方', '处置部门', '办理时限（小时）', '敏感事项', '矛盾纠纷']}>
      {categoryGroups(categories).map((g) => (
        <Fragment key={g.index}>
          {g.index >= 0 && (
            <tr key={`top-${g.index}`} className='jf-config-category is-top' data-index={g.index}>
              <NameCell cat={g.top} index={g.index} {...f} />
              <td colSpan={3}>
                <Text className='jf-config-hint'>大类，含 {g.subs.length} 个小类</Text>
              </td>
              <SensitiveCell cat={g.top} index={g.index} {...f} />
              <MediableCell cat={g.top} index={g.index} {...f} />
            </tr>
          )}
          {g.subs.map(({ cat, index }) => {
            const at = ['categories', index]
            return (
              <tr key={`sub-${index}`} className='jf-config-category is-sub' data-index={index}>
                <NameCell cat={cat} index={index} {...f} />
                <td>
                  <select className='jf-config-select' aria-label='处置方' data-path={`categories.${index}.handler`} value={cat.handler ?? ''} onChange={(e) => set([...at, 'handler'], (e.target as HTMLSelectElement).value || undefined)}>
                    <option value=''>请选择</option>
                    {Object.entries(HANDLER_LABELS).map(([v, label]) => (
                      <option key={v} value={v}>
                        {label}
                      </option>
                    ))}
                  </select>
                  <FieldError path={[...at, 'handler']} errors={errors} />
                </td>
                <td>
                  {cat.handler === 'department' ? (
                    <select className='jf-config-select' aria-label='处置部门' data-path={`categories.${index}.department`} value={cat.department ?? ''} onChange={(e) => set([...at, 'department'], (e.target as HTMLSelectElement).value || undefined)}>
                      <option value=''>请选择</option>
                      {departments.map((d) => (
                        <option key={d.code} value={d.code}>
                          {d.name}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <Text className='jf-config-hint'>—</Text>
                  )}
                  <FieldError path={[...at, 'department']} errors={errors} />
                </td>
                <td>
                  <CellNumber label='办理时限（小时）' path={[...at, 'slaHours']} value={cat.slaHours} {...f} />
                </td>
                <SensitiveCell cat={cat} index={index} inherited={g.top.sensitive === true} {...f} />
                <MediableCell cat={cat} index={index} inherited={g.top.mediable === true} {...f} />
              </tr>
            )
          })}
        </Fragment>
      ))}
    </AdminTable>
  )
}
