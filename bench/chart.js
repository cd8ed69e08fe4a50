// A small SVG bar chart of what a consumer app ships (bench/results/weight.svg): one stacked bar per
// app, split by owner, with the 350 KB goal as a line.
const SEGMENTS = [
  ['kit', 'kit (core + components)', '#0052d9'],
  ['kit crypto', 'kit crypto bundles', '#7b61ff'],
  ['crypto packages', 'crypto packages', '#b5a8ff'],
  ['tdesign other', 'tdesign', '#2ba471'],
  ['tdesign t-icon', 'tdesign t-icon', '#e37318'],
  ['app', 'the app itself', '#999999'],
];
const KIB = 1024;

/** The "before" breakdown of four components + RSA (same tools, main on 2026-11-30). */
const BEFORE_BAR = {
  label: 'before: four components + RSA',
  byOwner: { kit: (166 + 94) * KIB, 'crypto packages': (60 + 52 + 43) * KIB, 'tdesign other': (293 - 111) * KIB, 'tdesign t-icon': 111 * KIB },
};
BEFORE_BAR.byOwner.app = 726443 - Object.values(BEFORE_BAR.byOwner).reduce((a, v) => a + v, 0); // the total

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** @param {{label: string, byOwner: Record<string, number>}[]} bars  @param {number} goal bytes */
function weightSvg(bars, goal) {
  const width = 760; const left = 250; const barH = 22; const gap = 14; const top = 30;
  const max = Math.max(goal, ...bars.map((b) => Object.values(b.byOwner).reduce((a, v) => a + v, 0)));
  const scale = (width - left - 70) / max;
  const legendY = top + bars.length * (barH + gap) + 10;
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${legendY + 30}" font-family="sans-serif" font-size="12">`,
    `<text x="8" y="18" font-weight="bold">What a mini-program ships (WeChat's analyser, reachable bytes)</text>`];
  bars.forEach((b, i) => {
    const y = top + i * (barH + gap);
    let x = left;
    out.push(`<text x="8" y="${y + 15}">${esc(b.label)}</text>`);
    for (const [key, name, color] of SEGMENTS) {
      const v = b.byOwner[key] || 0;
      if (!v) continue;
      out.push(`<rect x="${x.toFixed(1)}" y="${y}" width="${(v * scale).toFixed(1)}" height="${barH}" fill="${color}"><title>${esc(name)}: ${v.toLocaleString('en-US')} B</title></rect>`);
      x += v * scale;
    }
    const total = Object.values(b.byOwner).reduce((a, v) => a + v, 0);
    out.push(`<text x="${(x + 4).toFixed(1)}" y="${y + 15}">${Math.round(total / 1000)} KB</text>`);
  });
  const gx = left + goal * scale;
  out.push(`<line x1="${gx.toFixed(1)}" y1="${top - 6}" x2="${gx.toFixed(1)}" y2="${legendY - 12}" stroke="#d54941" stroke-dasharray="4 3"/>`,
    `<text x="${(gx + 3).toFixed(1)}" y="${top - 8}" fill="#d54941">goal ${Math.round(goal / 1000)} KB</text>`);
  let lx = 8;
  for (const [, name, color] of SEGMENTS) {
    out.push(`<rect x="${lx}" y="${legendY}" width="10" height="10" fill="${color}"/><text x="${lx + 14}" y="${legendY + 9}">${esc(name)}</text>`);
    lx += 24 + name.length * 6.2;
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

module.exports = { weightSvg, BEFORE_BAR };
