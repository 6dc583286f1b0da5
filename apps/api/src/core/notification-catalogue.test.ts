import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  NOTIFICATION_MESSAGES,
  placeholdersOf,
  renderNotification,
  type NotificationEntry,
} from '@civicgrid/shared/notifications';

const SRC = join(import.meta.dirname, '..');
// The only places that insert notification rows; every other writer goes through them with notification(kind, params).
const WRITERS = ['modules/cases/notify.ts', 'core/records/notify.ts', 'modules/places/sweeps.ts'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}
const files = sources(SRC).map((p) => ({ path: relative(SRC, p), text: readFileSync(p, 'utf8') }));
const entries = Object.entries(NOTIFICATION_MESSAGES) as [string, NotificationEntry][];

describe('the notification catalogue', () => {
  it('words every kind in zh and en, with the same placeholders in both', () => {
    for (const [kind, entry] of entries)
      for (const [part, text] of Object.entries(entry)) {
        expect(text.zh.trim(), `${kind}.${part}.zh`).not.toBe('');
        expect(text.en.trim(), `${kind}.${part}.en`).not.toBe('');
        expect(placeholdersOf(text.en).sort(), `${kind}.${part}`).toEqual(placeholdersOf(text.zh).sort());
        // Chinese text in the en template would mean a copy left untranslated.
        expect(text.en, `${kind}.${part}.en`).not.toMatch(/[\u4e00-\u9fff]/);
      }
  });

  it('has an entry for every kind a writer uses, and no entry nobody writes', () => {
    const used = new Set<string>();
    const dynamic: string[] = [];
    for (const f of files.filter((x) => x.text.includes("from '@civicgrid/shared/notifications'"))) {
      for (const m of f.text.matchAll(/\bnotification\(\s*(['"`])?([^,)]*)/g)) {
        if (m[1] === "'" || m[1] === '"') used.add(m[2]!.slice(0, -1));
        else dynamic.push(`${f.path}: notification(${m[2]}`);
      }
    }
    // A kind computed at run time cannot be checked here: writers name their kinds literally.
    expect(dynamic).toEqual([]);
    const known = new Set(entries.map(([k]) => k));
    expect([...used].filter((k) => !known.has(k))).toEqual([]);
    expect([...known].filter((k) => !used.has(k))).toEqual([]);
    expect(used).toContain('case.dispatch');
    expect(used).toContain('referral.expired');
  });

  it('is the only way notifications are written: rows are inserted by the writer helpers alone', () => {
    const inserting = files
      .filter((f) => /insertInto\(\s*'notifications'/.test(f.text))
      .map((f) => f.path)
      .sort();
    expect(inserting).toEqual([...WRITERS].sort());
    // No writer hands over a finished title of its own.
    for (const f of files.filter((x) => WRITERS.includes(x.path)))
      expect(f.text, f.path).not.toMatch(/title:\s*`/);
  });

  it('renders by language and gives up (null) on a kind it lacks or a missing parameter', () => {
    expect(renderNotification('case.dispatch', { title: '垃圾' }, 'zh')).toBe('新派遣任务：垃圾');
    expect(renderNotification('case.dispatch', { title: '垃圾' }, 'en')).toBe('New dispatched task: 垃圾');
    expect(renderNotification('case.dispatch', {}, 'en')).toBeNull();
    expect(renderNotification('case.unknown', { title: 'x' }, 'en')).toBeNull();
    expect(renderNotification('case.overdue', { number: '2026', title: 'x' }, 'zh', 'sms')).toBe(
      '【CivicGrid】事件2026已超时：x',
    );
  });
});
