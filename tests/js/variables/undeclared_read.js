// Reading a variable that is declared nowhere throws a ReferenceError.
try {
  print(notDeclaredAnywhere);
} catch (e) {
  print(e instanceof ReferenceError); // expect: true
  print(e.message); // expect: notDeclaredAnywhere is not defined
  print('' + e); // expect: ReferenceError: notDeclaredAnywhere is not defined
}
print(typeof notDeclaredAnywhere); // expect: undefined
function use() { return alsoMissing + 1; }
try {
  use();
} catch (e) {
  print(e.name, e.message); // expect: ReferenceError alsoMissing is not defined
}
print(missingAtTheEnd); // expect runtime error: ReferenceError: missingAtTheEnd is not defined
