import type { TrustRule } from '../../api/types';

/** What each rule of the bytecode verifier keeps plugin code from, as docs/security.md says it. */
export const RULE_TEXT: Record<TrustRule, string> = {
  EXIT: 'stops the JVM, and with it the platform',
  PROCESS: 'starts or controls operating-system processes',
  FILES: 'reads or writes files directly',
  HOST_REFLECTION: "reaches into the host's classes or the JDK's internals",
};

/** The rule's words, or the rule itself when the server names one the console does not know. */
export function ruleText(rule: string): string {
  return (RULE_TEXT as Record<string, string | undefined>)[rule] ?? rule;
}

/** `count` things in words: "1 forbidden call", "3 forbidden calls". */
export function forbiddenCalls(count: number): string {
  return `${count} forbidden ${count === 1 ? 'call' : 'calls'}`;
}
