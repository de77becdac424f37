import type { DutyRoster } from '../ports'
import { communityCode } from './demoOrg'

const ALWAYS = [{ days: [1, 2, 3, 4, 5, 6, 7], from: '00:00', to: '24:00' }]

/** 云景社区's 一键求助 duty: its grid worker, the people's mediator and its legal adviser, around the clock (demo). */
export function demoRoster(at: string): DutyRoster {
  return {
    communityCode: communityCode(0),
    entries: ['demo-grid-worker', 'demo-mediator-people', 'demo-helper'].map((userId) => ({ userId, shifts: ALWAYS })),
    updatedAt: at,
    updatedBy: 'demo-admin',
  }
}
