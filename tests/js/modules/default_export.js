// Default exports: a function declaration and an expression, imported under any name.
import greet, { punctuation } from './_lib/default_function.js';
import settings from './_lib/default_value.js';
import otherName from './_lib/default_function.js';
print(greet('modules') + punctuation); // expect: hello modules!
print(settings.mode, settings.level); // expect: fast 3
print(otherName === greet); // expect: true
settings.level++;
print(settings.level); // expect: 4
