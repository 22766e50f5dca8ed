// Object features together across a snapshot: methods with computed names, getters,
// spread copies and destructured values made at build time are used after resume.
const name = 'count';
const store = {
  items: [],
  [name]: 0,
  add(item) { this.items.push(item); this[name]++; return this; },
  get size() { return this.items.length; },
};
store.add('a').add('b');
const { items: [firstItem], ...restOfStore } = store;
const copy = { ...store, extra: true };
print(firstItem, store.size, store.count, typeof restOfStore.add); // expect: a 2 2 function

export function afterResume() {
  store.add('c');
  print(store.size, store.count, copy.count, copy.size, copy.extra); // expect: 3 3 2 2 true
  print(Object.keys(restOfStore).join(',')); // expect: count,add,size
}
