// Helper module: logs when its body runs (it is imported by several modules).
import { record } from './order_log.js';
record('a');
export const fromA = 'A';
