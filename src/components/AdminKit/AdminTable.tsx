import type { ReactNode } from 'react'

/** A desk table of the admin pages (H5 only): the column titles when given, then the rows. */
export default function AdminTable({ id, head, children }: { id?: string; head?: string[]; children: ReactNode }) {
  return (
    // A focus stop: on a phone the table scrolls sideways, and the keyboard must be able to scroll it too.
    <table className='jf-ak-table' id={id} tabIndex={0}>
      {head && (
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
      )}
      <tbody>{children}</tbody>
    </table>
  )
}
