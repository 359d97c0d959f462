import { useEffect, useMemo, useRef } from 'react';
import Editor, { type OnMount } from '@monaco-editor/react';
import { monaco } from './monaco-setup.ts';
import { useResolvedTheme } from '../theme.ts';

export interface CodeEditorProps {
  value: string;
  onChange?: (value: string) => void;
  language: 'json' | 'plaintext' | 'javascript';
  readOnly?: boolean;
  /** Accessible name of the editor's text area. */
  ariaLabel: string;
  /** Model URI path, so each tab keeps its own undo history and view state. */
  path?: string;
  /** Ctrl/Cmd+Enter inside the editor (the page-level shortcut cannot see keys Monaco handles). */
  onSubmit?: () => void;
  /** Called once the editor exists, e.g. to open the find widget from a button. */
  onReady?: (editor: monaco.editor.IStandaloneCodeEditor) => void;
}

/**
 * Monaco, loaded lazily (see lazy-code-editor.tsx); default export for React.lazy.
 * Bodies too big for it (indexing a 20 MB model takes seconds of main thread) go to the
 * response viewer's LargeBodyViewer instead.
 */
export default function CodeEditor({ value, onChange, language, readOnly, ariaLabel, path, onSubmit, onReady }: CodeEditorProps) {
  const theme = useResolvedTheme();
  const submitRef = useRef(onSubmit);
  submitRef.current = onSubmit;
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);

  const handleMount: OnMount = (editor) => {
    editorRef.current = editor;
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => submitRef.current?.());
    onReady?.(editor);
  };

  useEffect(() => {
    editorRef.current?.updateOptions({ ariaLabel });
  }, [ariaLabel]);

  const options = useMemo<monaco.editor.IStandaloneEditorConstructionOptions>(
    () => ({
      readOnly,
      ariaLabel,
      domReadOnly: readOnly,
      minimap: { enabled: false },
      fontSize: 13,
      lineNumbersMinChars: 4,
      scrollBeyondLastLine: false,
      automaticLayout: true,
      folding: true,
      showFoldingControls: 'always',
      wordWrap: 'off',
      tabSize: 2,
      renderLineHighlight: readOnly ? 'none' : 'line',
      fixedOverflowWidgets: true,
      // Tab moves focus out of a read-only editor, so the page stays usable from the keyboard.
      tabFocusMode: readOnly,
      scrollbar: { alwaysConsumeMouseWheel: false },
    }),
    // ariaLabel changes are applied above without rebuilding the options.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [readOnly],
  );

  return (
    <Editor
      value={value}
      language={language}
      path={path}
      theme={theme === 'dark' ? 'explorer-dark' : 'explorer-light'}
      onChange={onChange ? (v) => onChange(v ?? '') : undefined}
      onMount={handleMount}
      loading={<div className="editor-loading">Loading editor…</div>}
      options={options}
    />
  );
}
