// The slow phone every browser benchmark here measures on: Chromium, 390 ×
// 844, 400 kbps down and up, 400 ms round trips, the CPU slowed 4×
// (Chromium's own throttling, through the DevTools protocol).

/** A fresh context (empty cache) and page on the slow phone. */
export async function slowPhone(browser, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, ...contextOptions });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return { context, page };
}

/** The median of `xs` (the mean of the middle two of an even count). */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
