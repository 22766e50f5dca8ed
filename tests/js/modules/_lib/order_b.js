// Helper module: depends on order_a.
import { fromA } from './order_a.js';
import { record } from './order_log.js';
record('b(sees ' + fromA + ')');
export const fromB = 'B';
