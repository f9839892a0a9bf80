import { describe, expect, it } from 'vitest';
import { indianStates } from '../../platform/geo/indian-states.js';
import { gstStateCodeOf, stateLabel } from './gst-states.js';
import { invoiceSupplierFrom, sandboxSupplier } from './invoice-supplier.js';

const configured = {
  name: 'SpareFlow Logistics Private Limited',
  gstin: ' 29aabct3518q1zs ',
  state: 'karnataka',
  address: '1 MG Road, Bengaluru 560001',
};

describe('invoice supplier from configuration', () => {
  it('is the sandbox supplier when nothing is configured, with a checksum-valid GSTIN', () => {
    expect(invoiceSupplierFrom(undefined)).toBe(sandboxSupplier);
    expect(invoiceSupplierFrom({ ...configured, gstin: sandboxSupplier.gstin })).toMatchObject({
      sandbox: false,
    });
  });

  it('normalises the GSTIN and takes the state code from the state name', () => {
    expect(invoiceSupplierFrom(configured)).toEqual({
      name: 'SpareFlow Logistics Private Limited',
      gstin: '29AABCT3518Q1ZS',
      stateCode: '29',
      address: '1 MG Road, Bengaluru 560001',
      sandbox: false,
    });
  });

  it('refuses a GSTIN failing its checksum, an unknown state, and a state that is not the GSTIN’s', () => {
    expect(() => invoiceSupplierFrom({ ...configured, gstin: '29AABCT3518Q1ZT' })).toThrow(
      'INVOICE_SUPPLIER_GSTIN: GSTIN checksum does not match',
    );
    expect(() => invoiceSupplierFrom({ ...configured, state: 'Bombay' })).toThrow(
      /INVOICE_SUPPLIER_STATE: "Bombay" is not an Indian state/,
    );
    expect(() => invoiceSupplierFrom({ ...configured, state: 'Maharashtra' })).toThrow(
      'INVOICE_SUPPLIER_STATE: Maharashtra is GST state 27, but the GSTIN is registered in state 29',
    );
  });
});

describe('GST state codes', () => {
  it('maps the states addresses name to today’s codes', () => {
    expect(gstStateCodeOf('Andhra Pradesh')).toBe('37');
    expect(gstStateCodeOf('Dadra and Nagar Haveli and Daman and Diu')).toBe('26');
    expect(gstStateCodeOf(' ladakh ')).toBe('38');
    expect(gstStateCodeOf('Bombay')).toBeUndefined();
    expect(stateLabel('07')).toBe('07 – Delhi');
  });

  it('has a code for every state and union territory a location can be in', () => {
    expect(indianStates.filter((state) => gstStateCodeOf(state) === undefined)).toEqual([]);
  });
});
