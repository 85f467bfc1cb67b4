-- Free-text clinical content is encrypted by the application (AES-256-GCM, see ADR 5). The stored form,
-- enc:v1:<key id>:<base64url>, is longer than the text, so these columns become text; the plain-text
-- limits stay in the entities and forms. New values must be encrypted (NOT VALID: rows from before this
-- migration are re-encrypted by the application's start-up pass, which the constraint then also covers).
alter table case_note alter column body type text;
alter table case_note add constraint case_note_body_encrypted_ck check (body like 'enc:v1:%') not valid;

alter table referral alter column reason type text;
alter table referral alter column partner_fear_decision type text;
alter table referral add constraint referral_reason_encrypted_ck check (reason like 'enc:v1:%') not valid;
alter table referral add constraint referral_partner_fear_encrypted_ck
    check (partner_fear_decision like 'enc:v1:%') not valid;

alter table review_case alter column risk_acknowledgement_note type text;
alter table review_case add constraint review_case_ack_note_encrypted_ck
    check (risk_acknowledgement_note like 'enc:v1:%') not valid;

alter table intake_amendment alter column reason type text;
alter table intake_amendment add constraint intake_amendment_reason_encrypted_ck
    check (reason like 'enc:v1:%') not valid;

alter table appointment alter column cancel_reason type text;
alter table appointment add constraint appointment_cancel_reason_encrypted_ck
    check (cancel_reason like 'enc:v1:%') not valid;

alter table appointment_request alter column message type text;
alter table appointment_request add constraint appointment_request_message_encrypted_ck
    check (message like 'enc:v1:%') not valid;

-- Each completed re-encryption pass and the key it brought everything under: a start with the same
-- active key as the latest pass has nothing to do.
create table encryption_pass (
    id                  bigint generated always as identity primary key,
    key_id              varchar(16) not null,
    values_reencrypted  integer     not null,
    completed_at        timestamptz not null
);
