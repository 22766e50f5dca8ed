/*---
description: >
  console.log and print write one line per call, in order, including empty lines and
  strings with special characters.
runExportedFunction: 0
expectedPrintout: |
  first
  
  tab	inside
  quote ' and " and \ backslash
  console.log line
  last
---*/
vmExport(0, () => {
  print('first');
  print('');
  print('tab\tinside');
  print('quote \' and " and \\ backslash');
  console.log('console.log line');
  console.log('last');
});
