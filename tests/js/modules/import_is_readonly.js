// An imported binding cannot be assigned by the importer (TypeError at run time); the
// exporting module's own functions still can change it.
import { count, increment } from './_lib/counter.js';
increment();
try {
  count = 100;
  print('assignment went through');
} catch (e) {
  print(e instanceof TypeError, e.message); // expect: true Assignment to constant variable.
}
print(count); // expect: 1
increment();
print(count); // expect: 2
