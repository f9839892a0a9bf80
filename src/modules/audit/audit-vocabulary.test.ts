import { describe, expect, it } from 'vitest';
import { uuidIds } from './audit-names.js';
import {
  auditActionCatalog,
  auditActionLabel,
  auditActions,
  auditEntityTypeLabel,
  auditEntityTypeLabels,
} from './audit-vocabulary.js';

describe('audit vocabulary', () => {
  it('labels every action, once, against a labelled entity type', () => {
    const labels = auditActions.map((action) => auditActionLabel(action));
    expect(new Set(labels).size).toBe(labels.length);
    for (const action of auditActions) {
      const { entityType } = auditActionCatalog[action];
      if (entityType !== null) expect(auditEntityTypeLabels).toHaveProperty(entityType);
    }
  });

  it('reads an unlabelled code as words rather than failing (entries older than their label)', () => {
    expect(auditActionLabel('stock.adjusted')).toBe('Stock adjusted');
    expect(auditActionLabel('legacy.thing_changed')).toBe('Legacy thing changed');
    expect(auditEntityTypeLabel('stock_level')).toBe('Stock line');
    expect(auditEntityTypeLabel('erp_order')).toBe('Erp order');
  });

  it('only uuid-shaped ids reach a uuid column', () => {
    const id = '0b9f4a6e-1111-4000-8000-000000000001';
    expect(uuidIds([id, `${id}/${id}`, 'SR-1', id.toUpperCase()])).toEqual([id, id.toUpperCase()]);
  });
});
