import { describe, expect, it } from 'vitest';
import { actorTable, actorsIn, distinctActors, joinActors } from '../../src/analyze/actors.js';

describe('actors', () => {
  const table = actorTable();
  it('normalises aliases, longest first, and ignores the pronoun "us"', () => {
    expect(distinctActors('Islamabad and Washington, then the Biden administration and New Delhi', table)).toEqual(['Pakistan', 'United States', 'India']);
    expect(distinctActors('let us consider the U.S. position', table)).toEqual(['United States']);
  });
  it('reads "Pakistan-US relations" as both actors but not "US-made weapons"', () => {
    expect(distinctActors('Pakistan-US relations can improve', table)).toEqual(['Pakistan', 'United States']);
    expect(actorsIn('US-made weapons', table)).toEqual([]);
  });
  it('lets user aliases override built-in ones', () => {
    expect(distinctActors('Kabul decided', actorTable({ kabul: 'Taliban government' }))).toEqual(['Taliban government']);
  });
  it('joins actors for display', () => {
    expect(joinActors([])).toBeNull();
    expect(joinActors(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
