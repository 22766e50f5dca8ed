// Two modules importing the same module share one instance of its state.
import { items, register } from './_lib/registry.js';
import { position } from './_lib/plugin.js';
print(position, items.length, items[0]); // expect: 1 1 plugin
print(register('main')); // expect: 2
print(items[1]); // expect: main
