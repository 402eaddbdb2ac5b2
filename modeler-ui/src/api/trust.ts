/**
 * The operator's plugin trust (docs/security.md, "Plugin trust"; every call needs `platform.plugins`):
 * the certificates trusted to sign plugins (`/api/v1/platform/signing-keys`) and the plugins whose
 * code is trusted although the bytecode verifier finds forbidden calls in it
 * (`/api/v1/platform/trusted-plugins`). Also reads an upload's refusal for forbidden calls. Every
 * error is an `ApiError` with the server's problem.
 */
import { ApiError, request } from './client';
import type { SigningKey, TrustedPlugin, TrustFinding } from './types';

const enc = encodeURIComponent;

/** The server's limit on a certificate's PEM text (`Certificates.MAX_PEM_CHARS`): larger is refused with 413. */
export const MAX_PEM_CHARS = 64 * 1024;

export const trustApi = {
  /** The trusted certificates, oldest first. */
  listSigningKeys(): Promise<SigningKey[]> {
    return request<SigningKey[]>('/api/v1/platform/signing-keys');
  },

  /**
   * Trusts a certificate (PEM) to sign plugins. `name` is what the list calls it (the certificate's
   * common name when blank). 400: not a certificate, or a bad `name` (the problem names the parameter);
   * 409: trusted already.
   */
  addSigningKey(pem: string, name: string): Promise<SigningKey> {
    const path = name.trim() ? `/api/v1/platform/signing-keys?name=${enc(name.trim())}` : '/api/v1/platform/signing-keys';
    return request<SigningKey>(path, {
      method: 'POST',
      file: { body: new Blob([pem], { type: 'application/x-pem-file' }), type: 'application/x-pem-file' },
    });
  },

  /** New uploads signed with the key are refused from now on; installed plugins keep running. */
  removeSigningKey(keyId: string): Promise<void> {
    return request<void>(`/api/v1/platform/signing-keys/${enc(keyId)}`, { method: 'DELETE' });
  },

  /** The plugins whose code the operator trusts, by id. */
  listTrustedPlugins(): Promise<TrustedPlugin[]> {
    return request<TrustedPlugin[]>('/api/v1/platform/trusted-plugins');
  },

  /** Lets the plugin's uploads in although they make calls the verifier forbids; 400 for a malformed id. */
  trustPluginCode(pluginId: string): Promise<TrustedPlugin> {
    return request<TrustedPlugin>(`/api/v1/platform/trusted-plugins/${enc(pluginId)}`, { method: 'PUT' });
  },

  /** The next upload of the plugin is checked again; installed versions keep running. 404: not trusted. */
  withdrawPluginCodeTrust(pluginId: string): Promise<void> {
    return request<void>(`/api/v1/platform/trusted-plugins/${enc(pluginId)}`, { method: 'DELETE' });
  },
};

/** An upload refused because the verifier found forbidden calls: which plugin, and the calls as the problem lists them. */
export interface ForbiddenCallsRefusal {
  pluginId: string;
  /** The findings the problem's `errors[]` lists (`RULE call in location`); an entry in another shape keeps its text as `call`. */
  findings: TrustFinding[];
}

// PluginTrust.forbiddenCalls: "Not a trusted plugin: <id> makes <n> forbidden call(s) …", errors[] one per finding
const REFUSAL = /^Not a trusted plugin: ([A-Za-z0-9_.-]+) makes \d+ forbidden calls?\b/;
const FINDING = /^([A-Z_]+) (\S+) in (.+)$/;

/** The refusal of an upload for forbidden calls, or null for any other error. */
export function forbiddenCallsRefusal(error: unknown): ForbiddenCallsRefusal | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  const refusal = REFUSAL.exec(error.problem.detail ?? '');
  if (!refusal) return null;
  const findings = error.errors.map(({ detail }): TrustFinding => {
    const finding = FINDING.exec(detail);
    return finding ? { rule: finding[1], call: finding[2], location: finding[3] } : { rule: '', call: detail, location: '' };
  });
  return { pluginId: refusal[1], findings };
}
