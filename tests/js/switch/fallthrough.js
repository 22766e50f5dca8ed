// Without break, execution falls through into the following cases.
function run(n) {
  let out = '';
  switch (n) {
    case 1:
      out += 'one ';
    case 2:
      out += 'two ';
    case 3:
      out += 'three';
      break;
    case 4:
      out += 'four';
  }
  return out;
}
print(run(1)); // expect: one two three
print(run(2)); // expect: two three
print(run(3)); // expect: three
print(run(4)); // expect: four
print(run(5) === ''); // expect: true
function vowel(c) {
  switch (c) {
    case 'a':
    case 'e':
    case 'i':
    case 'o':
    case 'u':
      return true;
    default:
      return false;
  }
}
print(vowel('e'), vowel('z'), vowel('u')); // expect: true false true
