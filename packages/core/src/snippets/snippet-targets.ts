/**
 * The languages Kinde's API docs show code for, each mapped to an httpsnippet target/client, plus
 * the editor language used to highlight it.
 */
export const SNIPPET_TARGETS = [
  { id: 'curl', label: 'cURL', httpsnippetTarget: 'shell', client: 'curl', language: 'shell' },
  { id: 'csharp', label: 'C#', httpsnippetTarget: 'csharp', client: 'httpclient', language: 'csharp' },
  { id: 'go', label: 'Go', httpsnippetTarget: 'go', client: 'native', language: 'go' },
  { id: 'java', label: 'Java', httpsnippetTarget: 'java', client: 'okhttp', language: 'java' },
  { id: 'node', label: 'Node.js', httpsnippetTarget: 'node', client: 'fetch', language: 'javascript' },
  { id: 'objc', label: 'Obj-C', httpsnippetTarget: 'objc', client: 'nsurlsession', language: 'objective-c' },
  { id: 'php', label: 'PHP', httpsnippetTarget: 'php', client: 'curl', language: 'php' },
  { id: 'python', label: 'Python', httpsnippetTarget: 'python', client: 'requests', language: 'python' },
  { id: 'ruby', label: 'Ruby', httpsnippetTarget: 'ruby', client: 'native', language: 'ruby' },
  { id: 'swift', label: 'Swift', httpsnippetTarget: 'swift', client: 'nsurlsession', language: 'swift' },
] as const;

export type SnippetTargetInfo = (typeof SNIPPET_TARGETS)[number];
export type SnippetTarget = SnippetTargetInfo['id'];

export function snippetTarget(id: string): SnippetTargetInfo | undefined {
  return SNIPPET_TARGETS.find((t) => t.id === id);
}
