// differs-from-node: host functions and promises hold no properties here; setting one throws a TypeError rather than losing the value (Node stores it)
function attempt(label, f) {
  try {
    f();
    print(label, 'no error');
  } catch (e) {
    print(label, e instanceof TypeError, e.message);
  }
}
attempt('host', () => { print.tag = 't'; }); // expect: host true Cannot create property 'tag' on a host function or promise
attempt('promise', () => { Promise.resolve(1).then = null; }); // expect: promise true Cannot create property 'then' on a host function or promise
print(typeof print.tag, typeof print); // expect: undefined function
