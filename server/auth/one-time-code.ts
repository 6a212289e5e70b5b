/**
 * A sign-in code that works once. `npm run demo` prints a sign-in link carrying such a code rather than
 * the admin token, so a link left in terminal scrollback, shell history or a screen share cannot sign
 * anyone in after its first use. Only a hash is kept, and it is compared in constant time.
 */
import { tokenMatches } from "@/server/auth/token";

export class OneTimeCode {
  private code: string | null;

  constructor(code: string | null) {
    this.code = code;
  }

  /** True exactly once, for the right code; afterwards (and without a code) always false. */
  consume(given: string): boolean {
    if (this.code === null || !tokenMatches(given, this.code)) return false;
    this.code = null;
    return true;
  }
}
