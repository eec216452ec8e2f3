CREATE TABLE `manual_lock` (
	`id` text PRIMARY KEY NOT NULL,
	`property_id` text NOT NULL,
	`name` text NOT NULL,
	`code_cipher` text,
	`hint` text,
	`code_set_by` text,
	`code_set_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`property_id`) REFERENCES `property`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `manual_lock_property_idx` ON `manual_lock` (`property_id`);