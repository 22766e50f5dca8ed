// console.log with primitive arguments behaves exactly like print.
console.log('hello from console.log'); // expect: hello from console.log
console.log(1, 2, 3); // expect: 1 2 3
console.log('sum:', 1 + 2); // expect: sum: 3
console.log(null, undefined, true); // expect: null undefined true
console.log(); // expect:
const log = console.log;
log('detached', 'log'); // expect: detached log
print(typeof console.log); // expect: function
