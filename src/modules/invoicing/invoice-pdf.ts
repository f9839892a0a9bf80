import PDFDocument from 'pdfkit';
import { formatRupees } from './amount-in-words.js';
import { indianDate } from './financial-year.js';
import { stateLabel } from './gst-states.js';
import type { InvoiceView } from './invoice.presenter.js';

/**
 * The PDF of an invoice, rendered from its stored row on every request (the row is the record;
 * the PDF is a view of it, so it can never disagree with the API). Built-in Helvetica: text in
 * scripts it lacks (Devanagari…) prints as `?`, which the fonts' WinAnsi encoding cannot avoid.
 */

const titles = { tax_invoice: 'TAX INVOICE', receipt_voucher: 'RECEIPT VOUCHER' } as const;

/** Helvetica (WinAnsi) cannot draw other characters; `?` keeps the text length honest. */
function printable(text: string): string {
  return text.replace(
    /[^\u0020-\u007e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u20ac]/gu,
    '?',
  );
}

const left = 50;
const width = 495;

export function renderInvoicePdf(invoice: InvoiceView): Promise<Buffer> {
  const issuedAt = new Date(invoice.issuedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: {
      Title: `${titles[invoice.kind]} ${invoice.number}`,
      Author: printable(invoice.supplier.name),
      Subject: printable(invoice.description),
      CreationDate: issuedAt,
      ModDate: issuedAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  if (invoice.supplier.sandbox) {
    doc
      .rect(left, 40, width, 22)
      .fill('#c92a2a')
      .fillColor('#ffffff')
      .font('Helvetica-Bold')
      .fontSize(10)
      .text('SANDBOX - NOT A VALID TAX DOCUMENT (sample supplier details)', left, 47, {
        width,
        align: 'center',
      })
      .fillColor('#000000');
    doc.y = 75;
  }

  doc
    .font('Helvetica-Bold')
    .fontSize(16)
    .text(titles[invoice.kind], left, doc.y, { width, align: 'center' });
  if (invoice.kind === 'tax_invoice')
    doc.font('Helvetica').fontSize(8).text('Original for recipient', { width, align: 'center' });
  doc.moveDown(0.8);

  const top = doc.y;
  doc.font('Helvetica-Bold').fontSize(10).text('Supplier', left, top);
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(printable(invoice.supplier.name), { width: 240 })
    .text(printable(invoice.supplier.address), { width: 240 })
    .text(`GSTIN: ${invoice.supplier.gstin}`)
    .text(`State: ${stateLabel(invoice.supplier.stateCode)}`);
  const supplierBottom = doc.y;

  doc.font('Helvetica-Bold').fontSize(10).text(`No.: ${invoice.number}`, 320, top, { width: 225 });
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(`Date: ${indianDate(issuedAt)}`, { width: 225 })
    .text(`Financial year: ${invoice.financialYear}`, { width: 225 })
    .text(`Place of supply: ${stateLabel(invoice.placeOfSupply.stateCode)}`, { width: 225 });
  if (invoice.kind === 'tax_invoice') doc.text('Tax payable on reverse charge: No', { width: 225 });
  if (invoice.paymentReference)
    doc.text(`Payment reference: ${printable(invoice.paymentReference)}`, { width: 225 });

  doc.y = Math.max(supplierBottom, doc.y) + 12;
  doc
    .font('Helvetica-Bold')
    .fontSize(10)
    .text(invoice.kind === 'tax_invoice' ? 'Recipient' : 'Received from', left);
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(printable(invoice.recipient.name), { width })
    .text(printable(invoice.recipient.address ?? 'Address not on record'), { width })
    .text(`GSTIN: ${invoice.recipient.gstin ?? 'Unregistered'}`)
    .text(`State: ${stateLabel(invoice.recipient.stateCode)}`);
  doc.moveDown(1);

  const row = (label: string, amount: string, bold = false) => {
    const y = doc.y;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    doc.text(label, left, y, { width: 380 });
    const labelBottom = doc.y;
    doc.text(amount, 430, y, { width: 115, align: 'right' });
    doc.y = Math.max(labelBottom, doc.y) + 3;
  };
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .stroke();
  doc.y += 5;
  row('Description', 'Amount (Rs.)', true);
  if (invoice.kind === 'tax_invoice') {
    row(
      `${printable(invoice.description)} (SAC ${invoice.sac})`,
      formatRupees(invoice.taxablePaise),
    );
    row('Taxable value', formatRupees(invoice.taxablePaise), true);
    if (invoice.igstPaise > 0 || invoice.cgstPaise + invoice.sgstPaise === 0) {
      row('IGST @ 18%', formatRupees(invoice.igstPaise));
    } else {
      row('CGST @ 9%', formatRupees(invoice.cgstPaise));
      row('SGST @ 9%', formatRupees(invoice.sgstPaise));
    }
  } else {
    row(`${printable(invoice.description)} (SAC ${invoice.sac})`, formatRupees(invoice.totalPaise));
  }
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .stroke();
  doc.y += 5;
  row(
    invoice.kind === 'tax_invoice' ? 'Total invoice value' : 'Amount received',
    formatRupees(invoice.totalPaise),
    true,
  );
  doc.moveDown(0.5);
  doc
    .font('Helvetica-Bold')
    .fontSize(9)
    .text('Amount in words: ', left, doc.y, { continued: true, width });
  doc.font('Helvetica').text(invoice.amountInWords);
  doc.moveDown(1);
  if (invoice.kind === 'receipt_voucher')
    doc
      .fontSize(8)
      .text(
        'Advance received into the SpareFlow wallet. No GST is charged on this receipt: GST is charged on the tax invoice of each shipment the advance pays for.',
        { width },
      );
  doc
    .fontSize(8)
    .text(`For ${printable(invoice.supplier.name)}`, { width, align: 'right' })
    .text('Computer-generated document, issued electronically.', { width, align: 'right' });

  doc.end();
  return done;
}
