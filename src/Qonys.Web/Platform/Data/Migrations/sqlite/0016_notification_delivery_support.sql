-- 0016: notifications that always arrive (the provider that sent each message, the event it was written for, a person's
-- channels and language) and online support (a conversation per case, its messages and attachments).
ALTER TABLE "platform_notifications" ADD COLUMN "event_type" TEXT NULL;
ALTER TABLE "platform_notifications" ADD COLUMN "provider" TEXT NULL;
CREATE INDEX "ix_platform_notifications_user_id_created_at" ON "platform_notifications" ("user_id", "created_at");

CREATE TABLE "platform_notification_preferences" (
    "user_id" TEXT NOT NULL CONSTRAINT "pk_platform_notification_preferences" PRIMARY KEY,
    "email_enabled" INTEGER NOT NULL,
    "sms_enabled" INTEGER NOT NULL,
    "phone" TEXT NULL,
    "language" TEXT NULL,
    "updated_at" TEXT NOT NULL
);

CREATE TABLE "support_conversations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_support_conversations" PRIMARY KEY,
    "case_kind" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "last_message_at" TEXT NOT NULL,
    "reply_due_at" TEXT NULL
);
CREATE UNIQUE INDEX "ix_support_conversations_case_kind_case_id" ON "support_conversations" ("case_kind", "case_id");

CREATE TABLE "support_messages" (
    "id" TEXT NOT NULL CONSTRAINT "pk_support_messages" PRIMARY KEY,
    "conversation_id" TEXT NOT NULL,
    "author_user_id" TEXT NOT NULL,
    "author_name" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sent_at" TEXT NOT NULL,
    CONSTRAINT "fk_support_messages_support_conversations_conversation_id" FOREIGN KEY ("conversation_id") REFERENCES "support_conversations" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_support_messages_conversation_id_sent_at" ON "support_messages" ("conversation_id", "sent_at");

CREATE TABLE "support_attachments" (
    "id" TEXT NOT NULL CONSTRAINT "pk_support_attachments" PRIMARY KEY,
    "message_id" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "content" BLOB NOT NULL,
    CONSTRAINT "fk_support_attachments_support_messages_message_id" FOREIGN KEY ("message_id") REFERENCES "support_messages" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_support_attachments_message_id" ON "support_attachments" ("message_id");
