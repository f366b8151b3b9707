/** The eight MT-Bench intent categories; the order is the model's class order. */
export const CATEGORIES = [
  'writing',
  'roleplay',
  'reasoning',
  'math',
  'coding',
  'extraction',
  'stem',
  'humanities',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** Style-oriented categories: where the research says a persona helps. */
export const STYLE_CATEGORIES: readonly Category[] = ['writing', 'roleplay'];

/** auto: insert when auto-persona is on (suggest otherwise); suggest: only ever suggest; never. */
export type PolicyAction = 'auto' | 'suggest' | 'never';
export type RoutingPolicy = Record<Category, PolicyAction>;

export type PersonaLength = 'minimum' | 'short' | 'long';
export const PERSONA_LENGTHS: readonly PersonaLength[] = ['minimum', 'short', 'long'];

/** User edits to persona texts, by persona id and length; absent entries use the library default. */
export type PersonaOverrides = Record<string, Partial<Record<PersonaLength, string>>>;

export interface RouterSettings {
  policy: RoutingPolicy;
  /** Below this confidence the route is neutral. */
  threshold: number;
  personaLength: PersonaLength;
  personaOverrides: PersonaOverrides;
}

export interface Persona {
  id: string;
  name: string;
  /** The preamble exactly as it is inserted before the user's prompt (already separated from it). */
  text: string;
}

export type Route = 'persona' | 'neutral';

export interface Decision {
  category: Category | null;
  confidence: number;
  scores: Record<Category, number>;
  route: Route;
  /** The policy action that applied to the category; null for empty input. */
  action: PolicyAction | null;
  reason: string;
  persona?: Persona;
}
