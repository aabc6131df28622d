import { describe, expect, it } from 'vitest';
import { fixtureBrief } from '../render/fixture.js';
import { toViewModel } from '../../src/render/view-model.js';

describe('citation labels', () => {
  it('cite a paginated source by page, `[n, p. 12]`, and others by section', () => {
    const brief = fixtureBrief();
    const f = brief.findings[0]!;
    brief.findings[0] = { ...f, citations: [{ ...f.citations[0]!, page: 12, section: '3.1' }] };
    const vm = toViewModel(brief);
    const paged = vm.findings.find((x) => x.id === f.id)!;
    expect(paged.citations[0]!.label).toBe(`${paged.citations[0]!.n},\u00a0p.\u00a012`);
    expect(paged.citations[0]!.page).toBe(12);
    expect(paged.cite).toBe(`[${paged.citations[0]!.n},\u00a0p.\u00a012]`);
    const other = vm.findings.find((x) => x.id !== f.id && x.citations.every((c) => c.page === null))!;
    expect(other.cite).not.toMatch(/p\.\u00a0/);
  });
});
