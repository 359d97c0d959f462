import { lazy, Suspense } from 'react';
import type { CodeEditorProps } from './code-editor.tsx';

// Monaco is ~1 MB: it loads on first use so the first screen never waits for it.
const CodeEditor = lazy(() => import('./code-editor.tsx'));

/** Starts downloading Monaco early (e.g. when the app is idle) without rendering it. */
export function preloadCodeEditor(): void {
  void import('./code-editor.tsx');
}

export function LazyCodeEditor(props: CodeEditorProps) {
  return (
    <Suspense fallback={<div className="editor-loading" role="status">Loading editor…</div>}>
      <CodeEditor {...props} />
    </Suspense>
  );
}
