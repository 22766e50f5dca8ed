// Template literals with interpolation.
const name = 'world';
print(`hello ${name}`); // expect: hello world
print(`no substitutions`); // expect: no substitutions
print(``.length); // expect: 0
print(`${1 + 2}`); // expect: 3
print(`${'a'}${'b'}${'c'}`); // expect: abc
print(`a${1}b${2}c`); // expect: a1b2c
const n = 7;
print(`${n} squared is ${n * n}`); // expect: 7 squared is 49
print(`${null} ${undefined} ${true}`); // expect: null undefined true
print(`${0.1 + 0.2}`); // expect: 0.30000000000000004
print(`${-0} ${1e21} ${1 / 0}`); // expect: 0 1e+21 Infinity
print(typeof `${n}`); // expect: string
print(`${n}` === '7'); // expect: true
