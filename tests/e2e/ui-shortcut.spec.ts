import { expect, extensionPage, test } from './support/extension';
import { POPUP, expectStored } from './ui-support';

/**
 * Playwright cannot press browser-level shortcuts: they never reach Chromium's accelerator handling from
 * CDP, and unpacked extensions loaded from the command line get no key bound in headless Chromium. So the
 * test dispatches the commands API event itself (`chrome.commands.onCommand.dispatch`, part of Chromium's
 * extension event bindings) inside the worker: every listener the extension registered runs exactly as it
 * would after Alt+Shift+P, and nothing in the extension exists only for the test.
 */

test('the toggle-auto-persona command turns auto-persona on and off, with feedback', async ({ context, extensionId, worker }) => {
  const manifestCommand = await worker.evaluate(async () =>
    (await chrome.commands.getAll()).find((c) => c.name === 'toggle-auto-persona')?.description,
  );
  expect(manifestCommand).toBe('Turn auto-persona on or off');

  const popup = await extensionPage(context, extensionId, POPUP);
  const auto = popup.getByRole('switch', { name: 'Auto-persona' });
  await expect(auto).not.toBeChecked();

  const dispatch = () =>
    worker.evaluate(() =>
      (chrome.commands.onCommand as unknown as { dispatch(command: string): void }).dispatch('toggle-auto-persona'),
    );
  const badge = () => worker.evaluate(() => chrome.action.getBadgeText({}));
  const title = () => worker.evaluate(() => chrome.action.getTitle({}));

  await dispatch();
  await expectStored(worker, (s) => s.mode, 'auto');
  await expect.poll(badge).toBe('AUTO');
  await expect.poll(title).toBe('Persona Router: Auto');
  // An open popup follows the change.
  await expect(auto).toBeChecked();

  await dispatch();
  await expectStored(worker, (s) => s.mode, 'suggest');
  await expect.poll(badge).toBe('OFF');
  await expect.poll(title).toBe('Persona Router: Suggest');
  await expect(auto).not.toBeChecked();
  // The badge is feedback, not state: it clears itself.
  await expect.poll(badge, { timeout: 6_000 }).toBe('');

  // Other commands are not ours.
  await worker.evaluate(() =>
    (chrome.commands.onCommand as unknown as { dispatch(command: string): void }).dispatch('something-else'),
  );
  await expectStored(worker, (s) => s.mode, 'suggest');
});
