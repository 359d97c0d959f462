// The server's own variable grammar and dynamic variables, imported file by file: the package
// index would also pull zod into the first screen's bundle (see core-constants.ts).
export { findVariableTokens, type VariableToken } from '../../../../packages/core/src/interpolation/tokens.ts';
export { DYNAMIC_VARIABLES, isDynamicVariable } from '../../../../packages/core/src/interpolation/dynamic-variables.ts';
