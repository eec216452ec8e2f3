CREATE TABLE `message` (
	`id` text PRIMARY KEY NOT NULL,
	`property_id` text NOT NULL,
	`reservation_id` text,
	`kind` text NOT NULL,
	`channel` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`recipient` text,
	`language` text NOT NULL,
	`subject` text,
	`body_text` text,
	`body_html` text,
	`status` text NOT NULL,
	`send_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`provider` text,
	`provider_message_id` text,
	`status_detail` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`property_id`) REFERENCES `property`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reservation_id`) REFERENCES `reservation`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `message_idempotency_uq` ON `message` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `message_property_created_idx` ON `message` (`property_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `message_due_idx` ON `message` (`property_id`,`status`,`send_at`);--> statement-breakpoint
CREATE INDEX `message_provider_id_idx` ON `message` (`provider`,`provider_message_id`);--> statement-breakpoint
CREATE INDEX `message_reservation_idx` ON `message` (`reservation_id`);--> statement-breakpoint
CREATE TABLE `message_opt_out` (
	`property_id` text NOT NULL,
	`channel` text NOT NULL,
	`address` text NOT NULL,
	`source` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`property_id`) REFERENCES `property`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `message_opt_out_uq` ON `message_opt_out` (`property_id`,`channel`,`address`);