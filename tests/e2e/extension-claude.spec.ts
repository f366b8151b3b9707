import { extensionScenarios } from './extension-scenarios';

extensionScenarios('claude');
