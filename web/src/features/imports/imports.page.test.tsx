import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, meOf } from '../../../test/fake-server';
import { jsonResponse, renderWithProviders } from '../../../test/render';
import { saveBlob } from './authorised-http';
import type * as AuthorisedHttp from './authorised-http';
import { ImportsPage } from './imports.page';

vi.mock('../../session/session-context', () => ({ useMe: () => meOf('brand', 'manager') }));
// The template download is checked by what it saves, not by a browser's download.
vi.mock('./authorised-http', async (original) => ({
  ...(await original<typeof AuthorisedHttp>()),
  saveBlob: vi.fn(),
}));

const slow = { timeout: 10_000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

const jobId = '5f1c7b3e-1d2a-4c5b-9e8f-0a1b2c3d4e5f';
const job = {
  id: jobId,
  kind: 'parts',
  options: { allOrNothing: true },
  createdAt: '2026-11-26T03:00:00.000Z',
  startedAt: '2026-11-26T03:00:01.000Z',
};
const running = {
  ...job,
  status: 'running',
  progress: { processed: 50, total: 200 },
  summary: { succeeded: 48, failed: 2, created: 0, updated: 0, unchanged: 0 },
  errors: [],
  finishedAt: null,
};
const finished = {
  ...job,
  status: 'succeeded',
  progress: { processed: 200, total: 200 },
  summary: { succeeded: 198, failed: 2, created: 150, updated: 40, unchanged: 8 },
  errors: [
    { row: 7, column: 'hsn_code', message: 'must be a 4, 6 or 8 digit HSN code' },
    { row: 12, message: 'part_number appears twice in the file' },
  ],
  finishedAt: '2026-11-26T03:00:04.000Z',
};

// Polling runs on a one-second clock: generous timeouts, the assertions stay exact.
describe('ImportsPage', { timeout: 30_000 }, () => {
  it('uploads the CSV, shows progress, then the counts and the errors table', async () => {
    let polls = 0;
    const server = fakeServer((request) => {
      if (request.path === `/api/v1/jobs/${jobId}`) {
        polls += 1;
        return jsonResponse(200, polls === 1 ? running : finished);
      }
      return undefined;
    });
    const uploads = withCsvUploads(server, () => jsonResponse(202, { jobId }));
    const user = userEvent.setup();
    const { container } = renderWithProviders(<ImportsPage />);

    await user.click(screen.getByLabelText(/All or nothing/));
    const input = container.ownerDocument.querySelector<HTMLInputElement>('input[type="file"]');
    await user.upload(
      input!,
      new File(['part_number,name\nCMP-15,Compressor\n'], 'parts.csv', { type: 'text/csv' }),
    );
    expect(screen.getByText('parts.csv')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start import' }));

    const progress = await screen.findByRole('progressbar', { name: 'Import progress' }, slow);
    expect(progress).toHaveAttribute('aria-valuenow', '25');
    expect(screen.getByText('50 of 200 rows')).toBeInTheDocument();

    const errors = await screen.findByRole('table', { name: 'Import errors' }, slow);
    expect(screen.getByText('Import finished')).toBeInTheDocument();
    expect(screen.getByText('198')).toBeInTheDocument();
    expect(screen.getByText('Parts created:')).toHaveTextContent('Parts created: 150');
    expect(screen.getByText('Parts updated:')).toHaveTextContent('Parts updated: 40');
    expect(screen.getByText('Unchanged:')).toHaveTextContent('Unchanged: 8');
    const rows = within(errors).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['7', 'hsn_code', 'must be a 4, 6 or 8 digit HSN code'],
      ['12', '—', 'part_number appears twice in the file'],
    ]);
    expect(screen.getByRole('button', { name: 'Download error report' })).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();

    const [upload] = uploads;
    expect(uploads).toHaveLength(1);
    expect(upload?.url).toBe(`${location.origin}/api/v1/parts/import?allOrNothing=true`);
    expect(upload?.headers.get('content-type')).toBe('text/csv');
    // (jsdom's File cannot be read back from a Request; browsers stream the file as the body.)
  });

  it('downloads templates with a header and an example row: rupees, GST 18%', async () => {
    fakeServer(() => undefined);
    const saved = vi.mocked(saveBlob);
    saved.mockClear();
    const user = userEvent.setup();
    renderWithProviders(<ImportsPage />);
    const download = async () => {
      await user.click(screen.getByRole('button', { name: 'Download template' }));
      const [blob, fileName] = saved.mock.calls.at(-1) ?? [];
      return { fileName, lines: (await blobText(blob)).split('\r\n') };
    };

    expect(await download()).toEqual({
      fileName: 'parts-template.csv',
      lines: [
        'part_number,name,description,category,hsn_code,gst_rate_percent,unit_price,mrp,weight_grams,length_cm,width_cm,height_cm,compatible_models,status',
        'WM-DP-450,"Drain pump 40 W, front-load washer",Fits 6 to 8 kg front loaders; 230 V AC,Pumps,84509000,18%,"1,250.00","1,499.00",450,12,10,8,FL-6KG|FL-7KG|FL-8KG,active',
        '',
      ],
    });
    await user.click(screen.getByRole('radio', { name: 'Stock' }));
    expect(await download()).toEqual({
      fileName: 'stock-template.csv',
      lines: [
        'location_name,part_number,quantity,unit_cost,reason',
        'Pune warehouse,WM-DP-450,25,980.00,receipt',
        '',
      ],
    });
  });

  it('sends a stock file with its mode', async () => {
    const uploads = withCsvUploads(
      fakeServer(() => undefined),
      () => jsonResponse(415, { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', detail: 'text/csv' }),
    );
    const user = userEvent.setup();
    const { container } = renderWithProviders(<ImportsPage />);
    await user.click(screen.getByRole('radio', { name: 'Stock' }));
    await user.click(screen.getByRole('radio', { name: 'Adjust by (+/−)' }));
    const input = container.ownerDocument.querySelector<HTMLInputElement>('input[type="file"]');
    await user.upload(input!, new File(['x'], 'stock.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: 'Start import' }));
    expect(
      await screen.findByText('Choose a CSV file (text/csv).', undefined, slow),
    ).toBeInTheDocument();
    expect(uploads[0]?.url).toBe(
      `${location.origin}/api/v1/inventory/import?allOrNothing=false&mode=adjust`,
    );
  });
});

/**
 * fakeServer reads every body as JSON, so CSV uploads are answered here (and kept, headers and
 * raw body included); everything else goes to the fake server.
 */
function withCsvUploads(server: ReturnType<typeof fakeServer>, answer: () => Response) {
  const uploads: Request[] = [];
  vi.stubGlobal('fetch', async (input: Request) => {
    if (input.method === 'POST' && input.headers.get('content-type') === 'text/csv') {
      uploads.push(input);
      return answer();
    }
    return server.fetch(input);
  });
  return uploads;
}

/** The text of a saved blob (jsdom's Blob has no `text()`; FileReader reads it). */
function blobText(blob: Blob | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!blob) return reject(new Error('nothing was saved'));
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}
