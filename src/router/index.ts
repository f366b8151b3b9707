/** The router's public API: pure TypeScript, usable in the extension worker and in Node alike. */
export { route, classify, loadModel, type Classification } from './route';
export { keywordBaseline } from './keyword-baseline';
export { CATEGORIES, STYLE_CATEGORIES } from './types';
export type { Category, Decision, Persona, PolicyAction, Route, RouterSettings, RoutingPolicy } from './types';
export { DEFAULT_ROUTER_SETTINGS, DEFAULT_POLICY, DEFAULT_THRESHOLD } from './defaults';
