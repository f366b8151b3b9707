import type { Decision } from '../router/types';
import type { Request, Responses } from '../shared/messages';
import type { Settings, SiteId } from '../shared/settings';
import type { HistoryStore } from './history-store';
import type { SettingsStore } from './settings-store';
import type { TabStatusStore } from './tab-status';

/** What the handlers need; index.ts wires the browser, unit tests wire fakes. */
export interface WorkerDeps {
  settings: SettingsStore;
  history: HistoryStore;
  tabStatus: TabStatusStore;
  classify(text: string, settings: Settings): Decision;
  /** The supported site open in a tab, or null (also when the tab is gone). */
  siteOfTab(tabId: number): Promise<SiteId | null>;
}

export interface Origin {
  tabId?: number;
}

type Answer<R extends Request> = Responses[R['type']];

/** Answers one already-validated request. */
export async function handleMessage<R extends Request>(message: R, origin: Origin, deps: WorkerDeps): Promise<Answer<R>> {
  const m = message as Request;
  const answer = async (): Promise<Responses[keyof Responses]> => {
    switch (m.type) {
      case 'CStoBG:classify':
      case 'UItoBG:classify':
        return deps.classify(m.text, await deps.settings.read());
      case 'CStoBG:record':
        await deps.history.append({ ...m.entry, tabId: origin.tabId }, async () => (await deps.settings.read()).history);
        return { ok: true };
      case 'CStoBG:badges':
        return deps.history.forConversation(m.site, m.conversationId);
      case 'CStoBG:status':
        if (origin.tabId !== undefined) await deps.tabStatus.report(origin.tabId, m.site, m.composerFound);
        return { ok: true };
      case 'CStoBG:rekey':
        if (origin.tabId !== undefined) await deps.history.rekey(m.site, origin.tabId, m.from, m.to, m.textHashes);
        return { ok: true };
      case 'CStoBG:getSettings':
      case 'UItoBG:getSettings':
        return deps.settings.read();
      case 'UItoBG:setSettings':
        return deps.settings.write(m.settings);
      case 'UItoBG:resetSettings':
        return deps.settings.reset();
      case 'UItoBG:history':
        return deps.history.list({ site: m.site, tabId: m.tabId, limit: m.limit });
      case 'UItoBG:clearHistory':
        await deps.history.clear();
        return { ok: true };
      case 'UItoBG:tabStatus':
        return deps.tabStatus.read(m.tabId, await deps.siteOfTab(m.tabId));
    }
  };
  return (await answer()) as Answer<R>;
}
