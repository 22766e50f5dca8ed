// Generator methods in object literals stay outside the subset.
const o = {
  *items() { // expect compile error: not supported
    yield 1;
  },
};
print(typeof o.items);
