import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

/** Where a JSON body stops being JSON, for the "check before sending" notice. */
export interface JsonSyntaxProblem {
  /** 1-based, as editors count. */
  line: number;
  column: number;
  message: string;
}

// jsonc-parser's codes in words; its scanner reports one code per kind of mistake.
const MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Unexpected character',
  InvalidNumberFormat: 'This number is not valid JSON',
  PropertyNameExpected: 'A property name in double quotes is expected',
  ValueExpected: 'A value is expected',
  ColonExpected: 'A colon (:) is expected after the property name',
  CommaExpected: 'A comma is expected between items',
  CloseBraceExpected: 'A closing } is missing',
  CloseBracketExpected: 'A closing ] is missing',
  EndOfFileExpected: 'Nothing may follow the JSON value',
  InvalidCommentToken: 'JSON has no comments',
  UnexpectedEndOfComment: 'JSON has no comments',
  UnexpectedEndOfString: 'A string is not closed with "',
  UnexpectedEndOfNumber: 'A number is cut short',
  InvalidUnicode: 'An invalid \\u escape',
  InvalidEscapeCharacter: 'An invalid escape after \\',
  InvalidCharacter: 'A control character inside a string',
};

// `{{name}}` is replaced by `0` plus spaces of the same length: valid wherever the variable stands
// (inside a string or as a bare value), and every later character keeps its line and column.
const VARIABLE = /\{\{[^{}]*\}\}/g;
const blankVariables = (text: string) => text.replace(VARIABLE, (m) => '0'.padEnd(m.length, ' '));

/**
 * The first syntax error of a JSON body, or null when it parses (an empty body is fine: nothing is
 * sent). `{{variables}}` count as values, since the server fills them in before sending.
 */
export function findJsonSyntaxProblem(text: string): JsonSyntaxProblem | null {
  if (text.trim() === '') return null;
  const errors: ParseError[] = [];
  parse(blankVariables(text), errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return null;
  const code = printParseErrorCode(first.error);
  return { ...lineAndColumn(text, first.offset), message: MESSAGES[code] ?? code };
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - lastBreak };
}
