import { expect, test } from '../support/browser-mode';
import { readingFlow } from '../support/reading-flow';

test('a new user finds, reads, bookmarks, annotates, deletes and restores an article', async ({ page, quire, consoleErrors }) => {
  await page.goto(quire.url);
  await readingFlow(page);
  expect(consoleErrors).toEqual([]);
});

test('browser mode refuses a request without its token', async ({ request, quire }) => {
  // The page itself holds no data and loads for anyone; everything with data needs the token.
  const api = await request.post(`${quire.origin}/api/listArticles`, { data: [] });
  expect(api.status()).toBe(403);
  const events = await request.get(`${quire.origin}/api/events`);
  expect(events.status()).toBe(403);
});
