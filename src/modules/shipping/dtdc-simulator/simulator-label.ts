/**
 * A small valid one-page PDF naming the AWB ([SYNTHETIC]: DTDC's real label layout is not
 * reproduced). Offsets in the xref table are computed, so PDF readers open it without repair.
 */
export function labelPdf(awb: string, size: '4x6' | 'A4'): Buffer {
  const [width, height] = size === 'A4' ? [595, 842] : [288, 432];
  const safe = awb.replace(/[^A-Za-z0-9-]/g, '');
  const content = `BT /F1 18 Tf 24 ${height - 48} Td (DTDC SANDBOX ${safe}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(pdf.length);
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
