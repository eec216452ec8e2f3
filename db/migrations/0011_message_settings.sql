CREATE TABLE `message_settings` (
	`property_id` text PRIMARY KEY NOT NULL,
	`invitation` integer DEFAULT true NOT NULL,
	`reminder` integer DEFAULT true NOT NULL,
	`door_code` integer DEFAULT true NOT NULL,
	`code_confirmed` integer DEFAULT true NOT NULL,
	`codes_in_messages` integer DEFAULT false NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`property_id`) REFERENCES `property`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `guest` ADD `codes_confirmed_at` integer;