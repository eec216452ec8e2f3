ALTER TABLE `property` ADD `country` text DEFAULT 'GB' NOT NULL;--> statement-breakpoint
ALTER TABLE `reservation` ADD `expected_guest_name` text;--> statement-breakpoint
ALTER TABLE `reservation` ADD `expected_guest_surname` text;--> statement-breakpoint
ALTER TABLE `reservation` ADD `expected_guest_email` text;--> statement-breakpoint
ALTER TABLE `reservation` ADD `expected_guest_phone` text;--> statement-breakpoint
ALTER TABLE `reservation` ADD `checkin_link_hash` text;--> statement-breakpoint
ALTER TABLE `reservation` ADD `source` text DEFAULT 'desk' NOT NULL;--> statement-breakpoint
ALTER TABLE `reservation` ADD `created_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `reservation` ADD `updated_at` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `reservation_property_arrival_ref_idx` ON `reservation` (`property_id`,`check_in_date`,`booking_ref`);--> statement-breakpoint
CREATE INDEX `reservation_property_surname_idx` ON `reservation` (`property_id`,`expected_guest_surname`);--> statement-breakpoint
CREATE UNIQUE INDEX `reservation_checkin_link_uq` ON `reservation` (`checkin_link_hash`);--> statement-breakpoint
ALTER TABLE `room` ADD `retired_at` integer;