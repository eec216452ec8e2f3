CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`staff_id` text NOT NULL,
	`action` text NOT NULL,
	`booking_ref` text,
	`session_id` text,
	`detail` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `checkin_analytics` (
	`session_id` text PRIMARY KEY NOT NULL,
	`booking_ref` text NOT NULL,
	`property_id` text NOT NULL,
	`step_reached` integer NOT NULL,
	`completed` integer DEFAULT false NOT NULL,
	`device_type` text NOT NULL,
	`started_at` integer NOT NULL,
	`completed_at` integer
);
--> statement-breakpoint
CREATE INDEX `checkin_analytics_started_idx` ON `checkin_analytics` (`started_at`,`step_reached`,`completed`,`device_type`);--> statement-breakpoint
CREATE INDEX `checkin_analytics_property_started_idx` ON `checkin_analytics` (`property_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `guest` (
	`id` text PRIMARY KEY NOT NULL,
	`full_name` text NOT NULL,
	`phone_e164` text NOT NULL,
	`email` text,
	`reservation_id` text NOT NULL,
	`booking_ref` text NOT NULL,
	`check_in_date` text NOT NULL,
	`check_out_date` text NOT NULL,
	`room_id` text NOT NULL,
	`car_registration` text,
	`early_check_in_time` text,
	`late_checkout_time` text,
	`front_door_pin` text,
	`front_door_pin_id` text,
	`room_pin_id` text,
	`secure_token` text NOT NULL,
	`checkin_session_id` text,
	`archived` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`reservation_id`) REFERENCES `reservation`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`room_id`) REFERENCES `room`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `guest_secure_token_uq` ON `guest` (`secure_token`);--> statement-breakpoint
CREATE UNIQUE INDEX `guest_live_reservation_uq` ON `guest` (`reservation_id`) WHERE archived = 0;--> statement-breakpoint
CREATE TABLE `property` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`time_zone` text NOT NULL,
	`phone` text NOT NULL,
	`standard_check_in_time` text DEFAULT '15:00' NOT NULL,
	`standard_checkout_time` text DEFAULT '11:00' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `reservation` (
	`id` text PRIMARY KEY NOT NULL,
	`booking_ref` text NOT NULL,
	`property_id` text NOT NULL,
	`room_id` text NOT NULL,
	`status` text NOT NULL,
	`check_in_date` text NOT NULL,
	`check_out_date` text NOT NULL,
	`early_check_in_time` text,
	`late_checkout_time` text,
	`guest_id` text,
	FOREIGN KEY (`property_id`) REFERENCES `property`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`room_id`) REFERENCES `room`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reservation_booking_ref_uq` ON `reservation` (`booking_ref`);--> statement-breakpoint
CREATE INDEX `reservation_property_arrival_idx` ON `reservation` (`property_id`,`check_in_date`);--> statement-breakpoint
CREATE TABLE `room` (
	`id` text PRIMARY KEY NOT NULL,
	`property_id` text NOT NULL,
	`name` text NOT NULL,
	`front_door_lock_id` text NOT NULL,
	`room_lock_id` text NOT NULL,
	FOREIGN KEY (`property_id`) REFERENCES `property`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `staff` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`property_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`property_id`) REFERENCES `property`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_email_uq` ON `staff` (`email`);