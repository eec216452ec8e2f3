ALTER TABLE `reservation` ADD `live_session_id` text;--> statement-breakpoint
ALTER TABLE `reservation` ADD `proof_failures` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `reservation` ADD `proof_failed_at` integer;