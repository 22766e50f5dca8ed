// Conversions and number methods after a resume.
const conv = [Number, String, Boolean, parseInt];
print(conv.map(f => f("12")).join()); // expect: 12,12,true,12
export function afterResume() {
  print(conv.map(f => f("7.5")).join()); // expect: 7.5,7.5,true,7
  print((3.14159).toFixed(3), (255).toString(16), parseFloat("2.5e1"), Number.isInteger(4)); // expect: 3.142 ff 25 true
}
