import type { User } from '../ports'
import { communityCode, DEMO_DISTRICT, DEMO_STREET, gridCode } from './demoOrg'

const at = '2026-01-01T00:00:00.000Z'

function user(id: string, name: string, phone: string | null, grants: User['grants']): User {
  return { id, name, phone, openid: null, grants, createdAt: at }
}

/**
 * The phones the demo residents set in 我的, so a demo mediation invitation naming them opens
 * (an invitation opens only for the phone the applicant gave): 陈小梅 applies with hers and names
 * 黄伟明 with his in the demo flow and the tests.
 */
export const DEMO_RESIDENT_PHONES: Record<string, string> = {
  'demo-resident': '13800138000',
  'demo-resident-2': '13912345678',
}

/** One demo user per role (two residents and two grid workers, for the "not mine" cases). */
export function demoUsers(): User[] {
  return [
    user('demo-resident', '陈小梅', null, [{ role: 'resident', unitCode: DEMO_DISTRICT }]),
    user('demo-resident-2', '黄伟明', null, [{ role: 'resident', unitCode: DEMO_DISTRICT }]),
    user('demo-tenant', '刘洋', null, [{ role: 'tenant', unitCode: DEMO_DISTRICT }]),
    user('demo-building-manager', '王建国', '13800000003', [{ role: 'building_manager', unitCode: gridCode(0, 1) }]),
    user('demo-grid-worker', '李明', '020-87701001', [{ role: 'grid_worker', unitCode: gridCode(0, 1) }]),
    user('demo-grid-worker-2', '张丽', '020-87701002', [{ role: 'grid_worker', unitCode: gridCode(0, 2) }]),
    user('demo-mediator', '周敏', '020-87700010', [{ role: 'mediator', unitCode: DEMO_STREET, committee: 'family' }]),
    user('demo-mediator-people', '钱进', '020-87700011', [{ role: 'mediator', unitCode: DEMO_STREET, committee: 'people' }]),
    user('demo-mediator-traffic', '孙悦', '020-87700012', [{ role: 'mediator', unitCode: DEMO_STREET, committee: 'traffic' }]),
    user('demo-mediator-commerce', '冯涛', '020-87700013', [{ role: 'mediator', unitCode: DEMO_STREET, committee: 'commerce' }]),
    // 小事不出村: the 人民调解委员会 of the first community (云景社区); it passes up to 钱进's street committee.
    user('demo-mediator-community', '何芳', '020-87701000', [{ role: 'mediator', unitCode: communityCode(0), committee: 'people' }]),
    user('demo-dispatcher', '赵强', '020-87700000', [{ role: 'dispatcher', unitCode: DEMO_STREET }]),
    user('demo-department', '孙磊', '020-87700020', [{ role: 'department', unitCode: DEMO_STREET, department: 'chengguan' }]),
    user('demo-police', '吴刚', '020-87700110', [{ role: 'police', unitCode: DEMO_STREET }]),
    user('demo-admin', '郑华', '020-36660001', [{ role: 'admin', unitCode: DEMO_DISTRICT }]),
    // The community's legal adviser (驻村法律顾问): invited into mediation cases, on duty for 一键求助.
    user('demo-helper', '林志远', '13800000021', [{ role: 'helper', unitCode: communityCode(0), helperKind: 'legal_adviser' }]),
    // The village's designated 代办员 (an older resident's neighbour who files for those without a phone).
    user('demo-proxy-agent', '郭秀兰', '13800000022', [{ role: 'proxy_agent', unitCode: communityCode(0) }]),
  ]
}
