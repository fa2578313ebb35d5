// QR code modules for a URL (drawn later as vector squares, never as an image).
import QRCode from 'qrcode';

export function qrModules(text: string): boolean[][] {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const rows: boolean[][] = [];
  for (let r = 0; r < n; r++) {
    const row: boolean[] = [];
    for (let c = 0; c < n; c++) row.push(!!qr.modules.get(r, c));
    rows.push(row);
  }
  return rows;
}
