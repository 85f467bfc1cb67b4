-- When the client ticked the privacy-notice consent on the form's consent step; cleared if they untick it.
-- Copied to intake.consented_at when the form is sent (intakes sent before this column: the sending time).
alter table intake_draft add column privacy_consent_at timestamptz;

-- Consent comes before the form that carries it.
alter table intake add constraint intake_consented_before_submit_ck check (consented_at <= submitted_at);

comment on column intake.consented_at is 'when the client accepted privacy_notice_version (ticked the consent box)';
