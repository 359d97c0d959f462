// Monaco from this bundle (never a CDN: the CSP allows only 'self'), with the editor core, the
// contributions the app uses and the JSON language only; every other language stays out.
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/codeEditor/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/format/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/smartSelect/register';
import 'monaco-editor/features/suggest/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/readOnlyMessage/register';
import 'monaco-editor/features/gotoLine/register';
import 'monaco-editor/language/json/monaco.contribution';
// Scripts: JavaScript highlighting only (the Monarch grammar, no TypeScript worker).
import 'monaco-editor/languages/definitions/javascript/register';
// The JSON language's worker client imports this module, which registers every editor
// contribution. Loaded lazily (after the first editor exists) those contributions find their
// services missing ("depends on UNKNOWN service ICodeLensCache"), so load it up front.
import 'monaco-editor/internal/common/workers';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import { loader } from '@monaco-editor/react';

declare global {
  interface Window {
    MonacoEnvironment?: { getWorker: (workerId: string, label: string) => Worker };
  }
}

// Workers are separate files from 'self' (worker-src 'self'), built by Vite's ?worker imports.
window.MonacoEnvironment = {
  getWorker: (_workerId, label) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};

// Colours follow the app's own palette so the editor blends into the panels.
monaco.editor.defineTheme('explorer-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#ffffff', 'editorGutter.background': '#ffffff' },
});
monaco.editor.defineTheme('explorer-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#15171c', 'editorGutter.background': '#15171c' },
});

loader.config({ monaco });

export { monaco };
