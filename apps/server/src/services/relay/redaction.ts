import { createRedactor, type Redactor, type RequestTemplate } from '@kinde-explorer/core';

/**
 * One send's secrets (the environment's, then the token once it joins) and their redactor,
 * compiled on first use so a send that never needs it compiles nothing.
 */
export class Redaction {
  readonly secrets: string[];
  #scrub: Redactor | undefined;

  constructor(secrets: Iterable<string>) {
    this.secrets = [...secrets];
  }

  /** Adds a secret (the access token) to redact from here on. */
  add(secret: string): void {
    if (this.secrets.includes(secret)) return;
    this.secrets.push(secret);
    this.#scrub = undefined;
  }

  readonly scrub: Redactor = (text) => {
    this.#scrub ??= createRedactor(this.secrets);
    return this.#scrub(text);
  };

  /** The template as history may keep it: any secret typed literally into it redacted. */
  template(template: RequestTemplate): RequestTemplate {
    return JSON.parse(this.scrub(JSON.stringify(template))) as RequestTemplate;
  }
}
