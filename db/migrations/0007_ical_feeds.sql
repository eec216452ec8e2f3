CREATE TABLE `ical_feed` (
	`id` text PRIMARY KEY NOT NULL,
	`property_id` text NOT NULL,
	`room_id` text NOT NULL,
	`url` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_attempt_at` integer,
	`last_success_at` integer,
	`last_error` text,
	`last_note` text,
	`sync_requested_at` integer,
	FOREIGN KEY (`property_id`) REFERENCES `property`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`room_id`) REFERENCES `room`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ical_feed_property_idx` ON `ical_feed` (`property_id`,`room_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `ical_feed_room_url_uq` ON `ical_feed` (`room_id`,`url`);--> statement-breakpoint
ALTER TABLE `reservation` ADD `ical_feed_id` text;--> statement-breakpoint
CREATE INDEX `reservation_ical_feed_idx` ON `reservation` (`ical_feed_id`,`status`);