CREATE TABLE `backup_code` (
	`id` text PRIMARY KEY NOT NULL,
	`property_id` text NOT NULL,
	`lock_id` text NOT NULL,
	`code_cipher` text NOT NULL,
	`hint` text NOT NULL,
	`created_at` integer NOT NULL,
	`assigned_session_id` text,
	`assigned_at` integer,
	FOREIGN KEY (`property_id`) REFERENCES `property`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `backup_code_pool_idx` ON `backup_code` (`property_id`,`lock_id`,`assigned_session_id`);--> statement-breakpoint
CREATE TABLE `door_trouble` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`property_id` text NOT NULL,
	`session_id` text NOT NULL,
	`booking_ref` text NOT NULL,
	`kind` text NOT NULL,
	`lock_id` text,
	`actor` text NOT NULL,
	`staff_id` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`property_id`) REFERENCES `property`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `door_trouble_property_at_idx` ON `door_trouble` (`property_id`,`at`);