// Helper module: registers itself in the shared registry when evaluated.
import { register } from './registry.js';
export const position = register('plugin');
