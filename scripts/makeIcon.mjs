// Draws the prodgap icon — a training distribution (filled) and a shifted production distribution (outlined) on a
// baseline — from one set of shapes into two files:
//   media/icon.svg  monochrome (currentColor), for the activity bar, which uses it as a mask;
//   media/icon.png  128×128 on a coloured tile, for the Marketplace (rasterised here with 4×4 supersampling and a
//                   minimal PNG encoder, so no browser or image library is needed).
// Run: node scripts/makeIcon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

// Shapes in a 24×24 box.
const BASE_Y = 19.5;
const gauss = (cx, sigma, height) => (x) => BASE_Y - height * Math.exp(-((x - cx) ** 2) / (2 * sigma * sigma));
const train = gauss(9, 2.4, 13);
const prod = gauss(15.5, 2.6, 10);
const X0 = 2;
const X1 = 22;
const STROKE = 1.6;

const samples = (f, step = 0.25) => {
  const pts = [];
  for (let x = X0; x <= X1 + 1e-9; x += step) pts.push([x, f(x)]);
  return pts;
};
const r2 = (v) => Math.round(v * 100) / 100;
const pathOf = (pts) => pts.map(([x, y], i) => `${i ? 'L' : 'M'}${r2(x)} ${r2(y)}`).join(' ');

// ---- SVG ----
const trainPts = samples(train);
const prodPts = samples(prod);
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" fill="none">
  <path d="${pathOf(trainPts)} L${X1} ${BASE_Y} L${X0} ${BASE_Y} Z" fill="currentColor" fill-opacity="0.55"/>
  <path d="${pathOf(prodPts)}" stroke="currentColor" stroke-width="${STROKE}" stroke-linejoin="round" stroke-linecap="round"/>
  <path d="M${X0} ${BASE_Y + 0.8} H${X1}" stroke="currentColor" stroke-width="${STROKE}" stroke-linecap="round"/>
</svg>
`;
writeFileSync('media/icon.svg', svg);

// ---- PNG ----
const SIZE = 128;
const SS = 4;
const TILE = [0x1f, 0x4e, 0x79]; // deep blue tile
const FG = [0xff, 0xff, 0xff];
const RADIUS = 22; // tile corner radius in px
// Glyph occupies the tile with a margin: map 24 units onto 96 px, offset 16 px.
const scale = 96 / 24;
const off = 16;

function distToPolyline(px, py, pts) {
  let best = Infinity;
  for (let i = 1; i < pts.length; i++) {
    const [ax, ay] = pts[i - 1];
    const [bx, by] = pts[i];
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
    const d = Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
    if (d < best) best = d;
  }
  return best;
}

function insideTile(x, y) {
  const cx = Math.min(Math.max(x, RADIUS), SIZE - RADIUS);
  const cy = Math.min(Math.max(y, RADIUS), SIZE - RADIUS);
  return Math.hypot(x - cx, y - cy) <= RADIUS;
}

/** Glyph coverage 0..1 at a point in glyph units (the training area is drawn at 55% like the SVG). */
function glyph(u, v) {
  const half = STROKE / 2;
  if (u >= X0 - half && u <= X1 + half && Math.abs(v - (BASE_Y + 0.8)) <= half) return 1;
  if (u >= X0 && u <= X1 && distToPolyline(u, v, prodPts) <= half) return 1;
  if (u >= X0 && u <= X1 && v >= train(u) && v <= BASE_Y) return 0.55;
  return 0;
}

const rgba = new Uint8Array(SIZE * SIZE * 4);
for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    let tile = 0;
    let fg = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const px = x + (sx + 0.5) / SS;
        const py = y + (sy + 0.5) / SS;
        if (!insideTile(px, py)) continue;
        tile++;
        fg += glyph((px - off) / scale, (py - off) / scale);
      }
    }
    const n = SS * SS;
    const a = tile / n;
    const f = tile ? fg / tile : 0;
    const i = (y * SIZE + x) * 4;
    for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(TILE[c] * (1 - f) + FG[c] * f);
    rgba[i + 3] = Math.round(a * 255);
  }
}

const CRC_TABLE = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(buf) {
  let c = -1;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  Buffer.from(rgba.buffer, y * SIZE * 4, SIZE * 4).copy(raw, y * (SIZE * 4 + 1) + 1);
}
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync('media/icon.png', png);
console.log(`media/icon.svg (${svg.length} bytes), media/icon.png (${png.length} bytes, ${SIZE}×${SIZE})`);
