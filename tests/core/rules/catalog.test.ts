import { describe, expect, it } from 'vitest';
import { RULE_CATALOG } from '../../../src/core/rules/catalog.ts';
import { RULES } from '../../../src/core/rules/registry.ts';

describe('RULE_CATALOG', () => {
  it('lists every rule of the registry by id and title, in its order', () => {
    expect(RULE_CATALOG).toEqual(RULES.map((r) => ({ id: r.id, title: r.title })));
  });
});
