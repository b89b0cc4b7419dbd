#!/usr/bin/env node
console.error('fact-digest: editor commands are not implemented yet');
process.exit(2);
