// Templates can span lines; escapes work as in strings; \` and \${ are literal.
const t = `line one
line two`;
print(t); // expect: line one
// expect: line two
print(t.length); // expect: 17
print(`tab\there`); // expect: tab	here
print(`a\nb`); // expect: a
// expect: b
print(`back\`tick`); // expect: back`tick
print(`dollar \${not} sub`); // expect: dollar ${not} sub
print(`$ alone and { braces }`); // expect: $ alone and { braces }
print(`\u0041\x42`); // expect: AB
print(`quotes ' and "`); // expect: quotes ' and "
