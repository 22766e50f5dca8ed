// A frozen object and array stay frozen in the image; Object functions after a resume.
const frozen = Object.freeze({ id: 7, tags: Object.freeze(["a", "b"]) });
print(Object.isFrozen(frozen)); // expect: true
export function afterResume() {
  print(Object.isFrozen(frozen), Object.isFrozen(frozen.tags), Object.keys(frozen).join()); // expect: true true id,tags
  try {
    frozen.id = 8;
  } catch (e) {
    print(e instanceof TypeError, frozen.id); // expect: true 7
  }
  try {
    frozen.tags.push("c");
  } catch (e) {
    print(e instanceof TypeError, frozen.tags.length); // expect: true 2
  }
  print(Object.entries(Object.assign({}, frozen, { id: 9 })).map(([k, v]) => k + ":" + v).join()); // expect: id:9,tags:a,b
}
