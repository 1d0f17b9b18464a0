import type { PropertyStatus } from '@stayhub/db';
import { describe, expect, it } from 'vitest';
import {
  decideStatusChange,
  type StatusChange,
} from '../../../src/domain/properties/property-status.rules.ts';

const statuses: PropertyStatus[] = ['draft', 'listed', 'unlisted', 'suspended', 'archived'];

const change = (overrides: Partial<StatusChange> & Pick<StatusChange, 'from' | 'to'>): StatusChange => ({
  actor: 'host',
  missing: [],
  everListed: false,
  ...overrides,
});

/** Every (from, to) pair and what it gives, for a complete listing. */
function table(actor: 'host' | 'admin') {
  return Object.fromEntries(
    statuses.flatMap((from) =>
      statuses.map((to) => {
        const decision = decideStatusChange(change({ from, to, actor }));
        return [`${from} → ${to}`, decision.ok ? 'ok' : decision.error];
      }),
    ),
  );
}

describe('decideStatusChange', () => {
  it('lets a host move draft → listed|archived, listed ↔ unlisted, anything live → archived, and nothing else', () => {
    expect(table('host')).toEqual({
      'draft → draft': 'INVALID_TRANSITION',
      'draft → listed': 'ok',
      'draft → unlisted': 'INVALID_TRANSITION',
      'draft → suspended': 'ADMIN_ONLY',
      'draft → archived': 'ok',
      'listed → draft': 'INVALID_TRANSITION',
      'listed → listed': 'INVALID_TRANSITION',
      'listed → unlisted': 'ok',
      'listed → suspended': 'ADMIN_ONLY',
      'listed → archived': 'ok',
      'unlisted → draft': 'INVALID_TRANSITION',
      'unlisted → listed': 'ok',
      'unlisted → unlisted': 'INVALID_TRANSITION',
      'unlisted → suspended': 'ADMIN_ONLY',
      'unlisted → archived': 'ok',
      'suspended → draft': 'PROPERTY_SUSPENDED',
      'suspended → listed': 'PROPERTY_SUSPENDED',
      'suspended → unlisted': 'PROPERTY_SUSPENDED',
      'suspended → suspended': 'PROPERTY_SUSPENDED',
      'suspended → archived': 'PROPERTY_SUSPENDED',
      'archived → draft': 'INVALID_TRANSITION',
      'archived → listed': 'INVALID_TRANSITION',
      'archived → unlisted': 'INVALID_TRANSITION',
      'archived → suspended': 'INVALID_TRANSITION',
      'archived → archived': 'INVALID_TRANSITION',
    });
  });

  it('lets an admin also suspend any live listing and lift a suspension, but never revive an archived one', () => {
    expect(table('admin')).toEqual({
      'draft → draft': 'INVALID_TRANSITION',
      'draft → listed': 'ok',
      'draft → unlisted': 'INVALID_TRANSITION',
      'draft → suspended': 'ok',
      'draft → archived': 'ok',
      'listed → draft': 'INVALID_TRANSITION',
      'listed → listed': 'INVALID_TRANSITION',
      'listed → unlisted': 'ok',
      'listed → suspended': 'ok',
      'listed → archived': 'ok',
      'unlisted → draft': 'INVALID_TRANSITION',
      'unlisted → listed': 'ok',
      'unlisted → unlisted': 'INVALID_TRANSITION',
      'unlisted → suspended': 'ok',
      'unlisted → archived': 'ok',
      'suspended → draft': 'INVALID_TRANSITION',
      'suspended → listed': 'ok',
      'suspended → unlisted': 'ok',
      'suspended → suspended': 'INVALID_TRANSITION',
      'suspended → archived': 'ok',
      'archived → draft': 'INVALID_TRANSITION',
      'archived → listed': 'INVALID_TRANSITION',
      'archived → unlisted': 'INVALID_TRANSITION',
      'archived → suspended': 'INVALID_TRANSITION',
      'archived → archived': 'INVALID_TRANSITION',
    });
  });

  it('refuses listing an incomplete listing, saying what is missing', () => {
    expect(
      decideStatusChange(change({ from: 'draft', to: 'listed', missing: ['address', 'photos'] })),
    ).toEqual({
      ok: false,
      error: 'LISTING_INCOMPLETE',
      missing: ['address', 'photos'],
    });
  });

  it('ignores what is missing for moves that do not list', () => {
    expect(decideStatusChange(change({ from: 'draft', to: 'archived', missing: ['photos'] })).ok).toBe(true);
  });

  it('reports an invalid move before an incomplete listing', () => {
    expect(decideStatusChange(change({ from: 'archived', to: 'listed', missing: ['photos'] }))).toEqual({
      ok: false,
      error: 'INVALID_TRANSITION',
    });
  });

  it('marks only the first listing as such (listed_at is set once)', () => {
    expect(decideStatusChange(change({ from: 'draft', to: 'listed' }))).toEqual({
      ok: true,
      firstListing: true,
    });
    expect(decideStatusChange(change({ from: 'unlisted', to: 'listed', everListed: true }))).toEqual({
      ok: true,
      firstListing: false,
    });
    expect(decideStatusChange(change({ from: 'listed', to: 'unlisted' }))).toEqual({
      ok: true,
      firstListing: false,
    });
  });
});
