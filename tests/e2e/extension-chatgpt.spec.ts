import { extensionScenarios } from './extension-scenarios';

extensionScenarios('chatgpt');
