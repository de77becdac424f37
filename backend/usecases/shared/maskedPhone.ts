/**
 * 138****8000 as a party, a proxy's resident or a contact is shown to those who may not read the
 * whole number. Its own module so the store's sealing migrations and the report area use it
 * without loading the mediation area's views.
 */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****'
}
