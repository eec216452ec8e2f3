ALTER TABLE `reservation` ADD `anonymised_at` integer;--> statement-breakpoint
CREATE INDEX `reservation_retention_idx` ON `reservation` (`property_id`,`check_out_date`) WHERE anonymised_at is null;