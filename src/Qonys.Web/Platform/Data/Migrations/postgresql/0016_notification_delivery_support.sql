-- 0016: notifications that always arrive (the provider that sent each message, the event it was written for, a person's
-- channels and language) and online support (a conversation per case, its messages and attachments).
ALTER TABLE platform_notifications ADD COLUMN event_type character varying(64);
ALTER TABLE platform_notifications ADD COLUMN provider character varying(64);
CREATE INDEX ix_platform_notifications_user_id_created_at ON platform_notifications (user_id, created_at);

CREATE TABLE platform_notification_preferences (
    user_id uuid NOT NULL,
    email_enabled boolean NOT NULL,
    sms_enabled boolean NOT NULL,
    phone character varying(16),
    language character varying(8),
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_platform_notification_preferences PRIMARY KEY (user_id)
);

CREATE TABLE support_conversations (
    id uuid NOT NULL,
    case_kind character varying(32) NOT NULL,
    case_id character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    last_message_at timestamp with time zone NOT NULL,
    reply_due_at timestamp with time zone,
    CONSTRAINT pk_support_conversations PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ix_support_conversations_case_kind_case_id ON support_conversations (case_kind, case_id);

CREATE TABLE support_messages (
    id uuid NOT NULL,
    conversation_id uuid NOT NULL,
    author_user_id uuid NOT NULL,
    author_name character varying(200) NOT NULL,
    side character varying(16) NOT NULL,
    body text NOT NULL,
    sent_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_support_messages PRIMARY KEY (id),
    CONSTRAINT fk_support_messages_support_conversations_conversation_id FOREIGN KEY (conversation_id) REFERENCES support_conversations (id) ON DELETE CASCADE
);
CREATE INDEX ix_support_messages_conversation_id_sent_at ON support_messages (conversation_id, sent_at);

CREATE TABLE support_attachments (
    id uuid NOT NULL,
    message_id uuid NOT NULL,
    file_name character varying(200) NOT NULL,
    content_type character varying(64) NOT NULL,
    size_bytes bigint NOT NULL,
    content bytea NOT NULL,
    CONSTRAINT pk_support_attachments PRIMARY KEY (id),
    CONSTRAINT fk_support_attachments_support_messages_message_id FOREIGN KEY (message_id) REFERENCES support_messages (id) ON DELETE CASCADE
);
CREATE INDEX ix_support_attachments_message_id ON support_attachments (message_id);
