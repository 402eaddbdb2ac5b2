-- The certificates whose signatures the operator trusts on plugin artifacts (see docs/security.md,
-- "Plugin trust"). Platform-wide like plugin_artifact: no tenant owns a row, so there is no row-level
-- security; only the operator reaches the table, through /api/v1/platform/signing-keys.
CREATE TABLE plugin_signing_key (
    id           uuid PRIMARY KEY,
    name         text NOT NULL,
    certificate  text NOT NULL,
    sha256       text NOT NULL,
    added_by     uuid REFERENCES app_user (id),
    added_at     timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX plugin_signing_key_sha256_idx ON plugin_signing_key (sha256);

-- The plugins whose code the operator trusts explicitly: their artifacts are let in although the
-- bytecode verifier finds calls the platform forbids (the findings are kept and shown all the same).
CREATE TABLE plugin_code_trust (
    plugin_id   text PRIMARY KEY,
    trusted_by  uuid REFERENCES app_user (id),
    trusted_at  timestamptz NOT NULL DEFAULT now()
);

-- What the trust checks concluded about each stored artifact, shown with the plugin.
ALTER TABLE plugin_artifact ADD COLUMN trust_verdict jsonb;
