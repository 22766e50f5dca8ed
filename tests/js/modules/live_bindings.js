// An imported binding is live: the importer sees assignments made inside the exporting module.
import { count, increment, reset, label, relabel } from './_lib/counter.js';
print(count); // expect: 0
increment();
increment();
print(count); // expect: 2
print(increment(), count); // expect: 3 3
reset();
print(count); // expect: 0
print(label); // expect: initial
relabel('changed');
print(label); // expect: changed
function readLater() { return count; }
increment();
print(readLater()); // expect: 1
