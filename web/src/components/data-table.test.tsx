import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { DataTable } from './data-table';

const cities = ['Pune', 'Mumbai', 'Chennai', 'Delhi', 'Kolkata'];
const records = Array.from({ length: 25 }, (_, index) => ({
  id: `loc-${index + 1}`,
  name: `Warehouse ${String(index + 1).padStart(2, '0')}`,
  city: cities[index % cities.length] ?? 'Pune',
}));

function rowNames(): string[] {
  const table = screen.getByRole('table', { name: 'Locations' });
  return within(table)
    .getAllByRole('row')
    .map((row) => within(row).queryAllByRole('cell')[0]?.textContent)
    .filter((name): name is string => name !== undefined);
}

describe('DataTable', () => {
  const columns = [
    { accessor: 'name' as const, title: 'Name', sortable: true },
    { accessor: 'city' as const, title: 'City', sortable: true },
  ];

  it('pages the rows, 20 to a page', async () => {
    renderWithProviders(
      <DataTable
        ariaLabel="Locations"
        records={records}
        columns={columns}
        filterFields={['name', 'city']}
      />,
    );
    expect(rowNames()).toHaveLength(20);
    expect(screen.getByText('1–20 of 25')).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: '2' }));
    expect(rowNames()).toEqual([
      'Warehouse 21',
      'Warehouse 22',
      'Warehouse 23',
      'Warehouse 24',
      'Warehouse 25',
    ]);
  });

  it('sorts by a column and reverses on a second click', async () => {
    const user = userEvent.setup();
    renderWithProviders(<DataTable ariaLabel="Locations" records={records} columns={columns} />);
    expect(rowNames()[0]).toBe('Warehouse 01');
    await user.click(screen.getByText('Name'));
    expect(rowNames()[0]).toBe('Warehouse 25');
  });

  it('filters on the given fields and says when nothing matches', async () => {
    const user = userEvent.setup();
    renderWithProviders(
      <DataTable
        ariaLabel="Locations"
        records={records}
        columns={columns}
        filterFields={['city']}
      />,
    );
    await user.type(screen.getByLabelText('Filter'), 'chennai');
    expect(rowNames()).toEqual([
      'Warehouse 03',
      'Warehouse 08',
      'Warehouse 13',
      'Warehouse 18',
      'Warehouse 23',
    ]);
    await user.clear(screen.getByLabelText('Filter'));
    await user.type(screen.getByLabelText('Filter'), 'Jaipur');
    expect(screen.getByText('Nothing matches the filter')).toBeInTheDocument();
  });

  it('labels every cell with its column title for the phone card layout', () => {
    renderWithProviders(
      <DataTable
        ariaLabel="Locations"
        records={records.slice(0, 2)}
        columns={[
          ...columns,
          { accessor: 'id', title: 'Code', render: (record) => <b>{record.id}</b> },
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Locations' });
    const firstRow = within(table).getAllByRole('row')[1];
    if (!firstRow) throw new Error('no data row');
    expect(
      within(firstRow)
        .getAllByRole('cell')
        .map((cell) => [cell.getAttribute('data-label'), cell.textContent]),
    ).toEqual([
      ['Name', 'Warehouse 01'],
      ['City', 'Pune'],
      ['Code', 'loc-1'],
    ]);
    // Cards on a phone (data-table.css); `phoneLayout="table"` opts out.
    expect(table.closest('.app-data-table-cards')).not.toBeNull();
  });

  it('keeps the table on a phone when asked', () => {
    renderWithProviders(
      <DataTable ariaLabel="Locations" records={records} columns={columns} phoneLayout="table" />,
    );
    const table = screen.getByRole('table', { name: 'Locations' });
    expect(table.closest('.app-data-table-cards')).toBeNull();
    expect(table.closest('.app-data-table')).not.toBeNull();
  });
});
