// The preview's pixel check, run inside a rendered page (Chromium): what a person would call a broken
// screen, found from the real layout instead of by eye.
//   clipped  — text cut off by a box that hides overflow (a placeholder "Enter your passwor", an ellipsis)
//   overflow — text sticking out of its own box ("ccept and continu" in a too-narrow button) or the screen
//   covered  — an interactive element (button, input, link, tab, checkbox) whose tap lands on something
//              else; behind an open modal is fine, except for WeChat's own sheets, which are always on top
//   wide     — the page scrolls sideways (it does not reflow to the phone width)
// Returns a list of readable problems (empty = clean).

/* eslint-disable no-restricted-syntax */
function layoutProblems() {
  const TOL = 1; // px: sub-pixel rounding
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  const problems = [];
  const label = (e) => {
    const id = e.id || e.getAttribute('data-wx-id');
    const cls = [...e.classList].map((c) => c.replace(/^.*--/, '')).filter((c) => !/^wxp-/.test(c)).slice(0, 2).join('.');
    const named = id ? null : e.parentElement && e.parentElement.closest('[id], [data-wx-id]');
    const within = named && named.id !== 'wxp-app' ? ` in #${named.id || named.getAttribute('data-wx-id')}` : '';
    return `${e.tagName.toLowerCase()}${id ? `#${id}` : ''}${cls ? `.${cls}` : ''}${within}`;
  };
  const shown = (e) => {
    for (let n = e; n && n.nodeType === 1; n = n.parentElement) {
      const s = getComputedStyle(n);
      if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) < 0.05) return false;
    }
    return true;
  };
  const blockOf = (e) => {
    let n = e;
    while (n && getComputedStyle(n).display.startsWith('inline') && n.parentElement) n = n.parentElement;
    return n;
  };
  const clips = (s) => s.overflowX !== 'visible' || s.overflowY !== 'visible';
  const outside = (r, b) => r.left < b.left - TOL || r.right > b.right + TOL || r.top < b.top - TOL || r.bottom > b.bottom + TOL;

  // ---- text: clipped by an ancestor, sticking out of its box, or off the screen
  const roots = [document.getElementById('wxp-app'), ...document.querySelectorAll('.wxp-mask, .wxp-toast-wrap')].filter(Boolean);
  const seen = new Set();
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const text = t.data.trim();
      const owner = t.parentElement;
      if (!text || !owner || seen.has(owner) || !shown(owner)) continue;
      if (owner.closest('input, textarea, .wxp-navbar, #wxp-errors')) continue;
      const range = document.createRange();
      range.selectNodeContents(t);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0.5 && r.height > 0.5);
      if (!rects.length) continue;
      const box = blockOf(owner);
      const where = `${label(box)} "${text.slice(0, 40)}"`;
      const boxRect = box.getBoundingClientRect();
      // Vertically only the em box carries ink: fonts report a taller content area (Noto CJK ≈ 1.45 em)
      // than a tight line-height gives, which is not clipping.
      const em = parseFloat(getComputedStyle(owner).fontSize) || 16;
      let problem = null;
      for (const full of rects) {
        const mid = (full.top + full.bottom) / 2;
        const r = { left: full.left, right: full.right, top: Math.max(full.top, mid - em / 2), bottom: Math.min(full.bottom, mid + em / 2) };
        if (r.left < -TOL || r.right > vw + TOL) { problem = `off screen: ${where}`; break; }
        if (outside(r, boxRect)) { problem = `overflow: ${where} sticks out of its box`; break; }
        for (let a = box; a && a !== document.body; a = a.parentElement) {
          const s = getComputedStyle(a);
          if (!clips(s)) continue;
          const c = a.getBoundingClientRect();
          // clip at the padding box: the border does not show text
          const inner = {
            left: c.left + a.clientLeft, top: c.top + a.clientTop,
            right: c.left + a.clientLeft + a.clientWidth, bottom: c.top + a.clientTop + a.clientHeight,
          };
          const scrolls = (v) => v === 'auto' || v === 'scroll';
          const hidX = !scrolls(s.overflowX) && s.overflowX !== 'visible' && (r.left < inner.left - TOL || r.right > inner.right + TOL);
          const hidY = !scrolls(s.overflowY) && s.overflowY !== 'visible' && (r.top < inner.top - TOL || r.bottom > inner.bottom + TOL);
          if (hidX || hidY) { problem = `clipped: ${where} cut off by ${label(a)}`; break; }
        }
        if (problem) break;
      }
      if (problem) { seen.add(owner); problems.push(problem); }
    }
  }

  // ---- interactive elements: a tap must land on them
  const INTERACTIVE = 'wx-button, input.wxp-field, textarea.wxp-field, wx-navigator, wx-picker, [aria-role="button"], [aria-role="link"], [aria-role="tab"], [aria-role="checkbox"], .wxp-modal-btn, .wxp-sheet-item, [class*="t-tabs__item"], [class*="t-checkbox__icon"]';
  const isFixed = (e) => {
    for (let n = e; n && n !== document.body; n = n.parentElement) if (getComputedStyle(n).position === 'fixed') return true;
    return false;
  };
  // an open modal: a full-screen fixed layer that takes taps (t-dialog's overlay, wx.showModal's mask)
  const modalOpen = [...document.querySelectorAll('#wxp-app *, body > *')].some((n) => {
    const s = getComputedStyle(n);
    const r = n.getBoundingClientRect();
    return s.position === 'fixed' && s.pointerEvents !== 'none' && r.width >= vw - 2 && r.height >= vh * 0.9 && shown(n);
  });
  const pageScroller = document.scrollingElement;
  for (const e of document.querySelectorAll(INTERACTIVE)) {
    if (!shown(e) || e.closest('#wxp-errors')) continue;
    let r = e.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) continue;
    if (r.top < 44 || r.bottom > vh) { // bring it on screen below the navigation bar (fixed layers stay put)
      if (!isFixed(e)) { pageScroller.scrollTop += r.top - vh / 2; r = e.getBoundingClientRect(); }
      if (r.bottom <= 0 || r.top >= vh) continue;
    }
    const points = [[0.5, 0.5], [0.2, 0.5], [0.8, 0.5]].map(([fx, fy]) => [r.left + r.width * fx, r.top + r.height * fy]);
    for (const [x, y] of points) {
      if (x < 0 || x >= vw || y < 0 || y >= vh) continue;
      const hit = document.elementFromPoint(x, y);
      if (!hit || hit === e || e.contains(hit)) continue;
      // a label/placeholder drawn over an input but letting taps through is fine; so is the element's own wrapper
      if (hit.contains(e) && getComputedStyle(e).pointerEvents === 'none') continue;
      // WeChat's own UI (.wxp-mask: modal, action sheet, phone sheet) is always the top layer; below it,
      // anything behind a full-screen modal layer waits for that modal
      if (!e.closest('.wxp-mask') && modalOpen && isFixed(hit)) continue;
      problems.push(`covered: ${label(e)} "${(e.innerText || e.placeholder || '').trim().slice(0, 30)}" is under ${label(hit)}`);
      break;
    }
  }
  pageScroller.scrollTop = 0;

  // ---- the page reflows to the phone width: no visible box (border or background) beyond the screen's edges
  for (const e of document.querySelectorAll('#wxp-app *')) {
    const s = getComputedStyle(e);
    const painted = parseFloat(s.borderRightWidth) > 0 || parseFloat(s.borderLeftWidth) > 0 || (s.backgroundColor !== 'rgba(0, 0, 0, 0)' && s.backgroundColor !== 'transparent');
    if (!painted) continue;
    const r = e.getBoundingClientRect();
    if (r.width < 2 || r.height < 2 || (r.left >= -TOL && r.right <= vw + TOL) || !shown(e)) continue;
    let hidden = false; // clipped away by a scrolling / hiding ancestor inside the screen (a tab track)
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
      const c = a.getBoundingClientRect();
      if (clips(getComputedStyle(a)) && c.left >= -TOL && c.right <= vw + TOL) { hidden = true; break; }
    }
    if (!hidden) problems.push(`wide: ${label(e)} spans ${Math.round(r.left)}…${Math.round(r.right)} px on a ${vw} px screen`);
  }
  const wide = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
  if (wide > vw + TOL) problems.push(`wide: the page is ${wide} px wide on a ${vw} px screen`);
  return problems;
}

/** Runs the check in a playwright page; resolves to the list of problems. */
function checkLayout(page) {
  return page.evaluate(layoutProblems);
}

module.exports = { checkLayout, layoutProblems };
