/**
 * The admin actions that plan and apply the org tree from a GeoJSON of grids: their geometry
 * (turf, polyclip, bignumber, rbush: most of the admin bundle's bytes) is needed by these two
 * calls alone, so the build puts this file into cloudfunctions/admin/org.js beside index.js
 * (scripts/build-functions.mjs) and admin.ts requires it on the first such call, not at a cold start.
 */
export { planOrg } from '../usecases/admin/planOrg'
export { applyOrg } from '../usecases/admin/applyOrg'
