// Non-TypeScript files the build must carry next to the compiled code (none yet; the web app adds its bundle).
console.log('assets: nothing to copy');
