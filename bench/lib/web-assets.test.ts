import { describe, expect, it } from 'vitest';
import { entryAssets, staticImports } from './web-assets.ts';

describe('entryAssets', () => {
  it('finds the entry script, stylesheet and modulepreloads whatever the attribute order', () => {
    const html = `<head>
      <link rel="icon" href="data:," />
      <script src="/theme-init.js"></script>
      <script type="module" crossorigin src="/assets/index-A.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/vendor-B.js">
      <link crossorigin href="/assets/index-C.css" rel="stylesheet">
    </head>`;
    expect(entryAssets(html)).toEqual({
      scripts: ['/theme-init.js', '/assets/index-A.js'],
      styles: ['/assets/index-C.css'],
      preloads: ['/assets/vendor-B.js'],
    });
  });
});

describe('staticImports', () => {
  it('follows static imports of a minified chunk but not lazy ones', () => {
    const code = 'import{a as b,c}from"./react-D.js";import"./side-E.js";const x=()=>import("./code-editor-F.js");';
    expect(staticImports(code)).toEqual(['./react-D.js', './side-E.js']);
  });
});
