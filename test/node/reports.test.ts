// A report as the domain core plans and decodes it, on its own: the reported text it holds (as it was when
// reported), and reports made before reports held a text, which must still decode.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildPersonExport, decodeReport, planReport, type PostRecord } from '../../src/data/core/index.js';

const post: PostRecord = { author: 'alice', text: 'Something unkind', category: 'news', createdAt: 1, month: '2026-11', likeCount: 0, commentCount: 1 };
const old = { channel: 'general', post: 'p1', by: 'bob', reason: 'Unkind', createdAt: 1_700_000_000_000 };

describe('a report holds the reported text', () => {
  it("plans a post's report with the post's text, a comment's report with the comment's text", () => {
    const ofPost = planReport('bob', 'general', 'p1', post, 'Unkind', 'r1').writes['reports/r1'] as Record<string, unknown>;
    assert.equal(ofPost.text, 'Something unkind');
    const ofComment = planReport('bob', 'general', 'p1', post, 'Rude', 'r2', 'c1', 'An unkind remark').writes['reports/r2'] as Record<string, unknown>;
    assert.equal(ofComment.text, 'An unkind remark');
    assert.equal(ofComment.comment, 'c1');
  });

  it('refuses a report of a comment the store did not find', () => {
    assert.throws(() => planReport('bob', 'general', 'p1', post, 'Rude', 'r3', 'c1', null), /not-found|Comment c1/);
  });

  it('decodes the text when there is one', () => {
    assert.equal(decodeReport('r1', { ...old, text: 'Something unkind' })?.text, 'Something unkind');
  });

  it('decodes a report made before reports held their text, without one', () => {
    const r = decodeReport('r0', old);
    assert.ok(r);
    assert.equal(r.reason, 'Unkind');
    assert.equal('text' in r, false);
  });

  it('leaves out a text that is not a string', () => {
    assert.equal('text' in decodeReport('r4', { ...old, text: { html: '<img src=x onerror=alert(1)>' } })!, false);
    assert.equal('text' in decodeReport('r5', { ...old, text: 42 })!, false);
  });
});

describe("a person's export", () => {
  it('keeps the reports they filed without the reported text, which is someone else', async () => {
    const tree: Record<string, unknown> = {
      channels: {},
      likes: {},
      reports: { r1: { ...old, text: 'Something unkind' }, r2: { ...old, by: 'carol', text: 'Other' } },
    };
    const read = (path: string) => Promise.resolve(path.split('/').reduce<unknown>((n, k) => (n as Record<string, unknown> | undefined)?.[k], tree) ?? null);
    const { export: file } = await buildPersonExport(read, { admin: true, person: 'bob' });
    assert.deepEqual(file.data.reports, { r1: old });
  });
});
