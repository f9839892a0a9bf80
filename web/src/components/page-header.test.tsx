import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { documentTitleOf } from '../app/page-title';
import { PageHeader } from './page-header';

describe('PageHeader', () => {
  it('names the browser tab after the page: "Stock · SpareFlow"', () => {
    document.title = 'SpareFlow';
    renderWithProviders(<PageHeader title="Stock" />);
    expect(screen.getByRole('heading', { level: 1, name: 'Stock' })).toBeInTheDocument();
    expect(document.title).toBe('Stock · SpareFlow');
  });

  it('uses documentTitle when the heading is a greeting', () => {
    renderWithProviders(<PageHeader title="Welcome, Asha" documentTitle="Dashboard" />);
    expect(document.title).toBe('Dashboard · SpareFlow');
  });

  it('falls back to the product name', () => {
    expect(documentTitleOf('  ')).toBe('SpareFlow');
    expect(documentTitleOf(undefined)).toBe('SpareFlow');
  });
});
