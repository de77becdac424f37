import type { InspectionView } from '../../../src/contracts/rental'
import type { FireInspection } from '../../ports'
import type { Deps } from '../../deps'
import { photoViews } from '../shared/photoViews'
import type { Names } from './reads'

export async function inspectionView(d: Deps, i: FireInspection, names: Names): Promise<InspectionView> {
  const labels = new Map(d.config.rental.fireChecklist.map((x) => [x.code, x.label]))
  const photos: InspectionView['photos'] = await photoViews(d, i.photos)
  return {
    id: i.id,
    buildingId: i.buildingId,
    inspectorName: await names.of(i.inspectorId),
    at: i.at,
    items: i.items.map((x) => ({ code: x.code, label: labels.get(x.code) ?? x.code, passed: x.passed, note: x.note })),
    photos,
    failed: i.items.filter((x) => !x.passed).length,
    caseIds: i.caseIds,
    caseNumbers: await Promise.all(i.caseIds.map(async (id) => (await d.store.getCase(id))?.number ?? null)),
  }
}
