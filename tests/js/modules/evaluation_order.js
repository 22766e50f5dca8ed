// Each module body runs once, dependencies first, before the importing module's body.
import { fromB } from './_lib/order_b.js';
import { fromA } from './_lib/order_a.js';
import { log } from './_lib/order_log.js';
// expect: evaluating a
// expect: evaluating b(sees A)
print('main body runs last'); // expect: main body runs last
print(fromA, fromB); // expect: A B
print(log); // expect: a;b(sees A);
