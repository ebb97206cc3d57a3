/**
 * What the export tests export: the demo month (scripts/seed-data.mjs) administered by the test admin,
 * plus two reports on the first channel's first post, one of them handled. The Realtime Database's
 * export → import test and the Cloud Firestore export test load the same tree, so the Firestore export
 * can be compared with the Realtime Database's node for node.
 */
import { buildSeed } from '../../scripts/seed-data.mjs';
import { USERS } from '../rules/helpers.js';

/** The moment the seed is built for. */
export const NOW = Date.UTC(2026, 10, 27, 12);

export interface ExportSeed {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tree is walked freely
  data: Record<string, any>;
  firstChannel: string;
  firstPost: string;
}

/** A fresh copy of the tree each call, so a test that changes it changes only its own. */
export function exportSeed(): ExportSeed {
  const { data } = buildSeed(NOW) as Pick<ExportSeed, 'data'>;
  data.admins = { [USERS.admin.uid]: true };
  data.adminCount = { count: 1, cause: USERS.admin.uid };
  const [firstChannel] = Object.keys(data.posts) as [string];
  const [firstPost] = Object.keys(data.posts[firstChannel]) as [string];
  data.reports = {
    'report-open': { channel: firstChannel, post: firstPost, by: USERS.alice.uid, reason: 'Outdated', createdAt: NOW - 3600_000 },
    'report-done': {
      channel: firstChannel,
      post: firstPost,
      by: USERS.bob.uid,
      reason: 'Duplicate',
      createdAt: NOW - 7200_000,
      resolvedBy: USERS.admin.uid,
      resolvedAt: NOW - 3000_000,
      resolution: 'dismissed',
    },
  };
  return { data, firstChannel, firstPost };
}
