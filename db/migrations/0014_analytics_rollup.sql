-- WITHOUT ROWID (added by hand; drizzle-kit cannot say it): a report reads a range of the key, and the
-- counts sit beside the key in the same b-tree instead of one row lookup each.
CREATE TABLE `checkin_analytics_daily` (
	`property_id` text NOT NULL,
	`day_ms` integer NOT NULL,
	`device_type` text NOT NULL,
	`language` text NOT NULL,
	`started` integer NOT NULL,
	`step2` integer NOT NULL,
	`step3` integer NOT NULL,
	`step4` integer NOT NULL,
	`completed` integer NOT NULL,
	PRIMARY KEY(`property_id`, `day_ms`, `device_type`, `language`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `checkin_analytics_hourly` (
	`property_id` text NOT NULL,
	`hour_ms` integer NOT NULL,
	`device_type` text NOT NULL,
	`language` text NOT NULL,
	`started` integer NOT NULL,
	`step2` integer NOT NULL,
	`step3` integer NOT NULL,
	`step4` integer NOT NULL,
	`completed` integer NOT NULL,
	PRIMARY KEY(`property_id`, `hour_ms`, `device_type`, `language`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `checkin_duration_daily` (
	`property_id` text NOT NULL,
	`day_ms` integer NOT NULL,
	`bin` integer NOT NULL,
	`completions` integer NOT NULL,
	PRIMARY KEY(`property_id`, `day_ms`, `bin`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Backfill: the rows already there, rolled up the way the triggers below keep them.
INSERT INTO `checkin_analytics_hourly` (`property_id`, `hour_ms`, `device_type`, `language`, `started`, `step2`, `step3`, `step4`, `completed`)
  SELECT property_id, (started_at / 3600000) * 3600000, device_type, coalesce(language, ''), count(*),
    sum(step_reached >= 2), sum(step_reached >= 3), sum(step_reached >= 4), sum(completed)
  FROM `checkin_analytics` GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
-- Backfill: the rows already there, rolled up the way the triggers below keep them.
INSERT INTO `checkin_analytics_daily` (`property_id`, `day_ms`, `device_type`, `language`, `started`, `step2`, `step3`, `step4`, `completed`)
  SELECT property_id, (started_at / 86400000) * 86400000, device_type, coalesce(language, ''), count(*),
    sum(step_reached >= 2), sum(step_reached >= 3), sum(step_reached >= 4), sum(completed)
  FROM `checkin_analytics` GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
-- Backfill: the completions already there, by bin.
INSERT INTO `checkin_duration_daily` (`property_id`, `day_ms`, `bin`, `completions`)
  SELECT property_id, (started_at / 86400000) * 86400000, CASE WHEN completed_at IS NULL THEN -1 ELSE min(max((completed_at - started_at) / 10000, 0), 360) END, count(*)
  FROM `checkin_analytics` WHERE completed = 1 GROUP BY 1, 2, 3;
--> statement-breakpoint
-- The rollups move in the same statement as the funnel row, so they cannot disagree with it. An
-- update takes the row's old contribution away and adds the new one; an upsert that changed
-- nothing (a replayed forward-only write) does not fire at all. domain/analytics-rollup.ts is the
-- reference for this arithmetic.
CREATE TRIGGER `checkin_analytics_rollup_insert` AFTER INSERT ON `checkin_analytics` BEGIN
  INSERT INTO `checkin_analytics_hourly` (`property_id`, `hour_ms`, `device_type`, `language`, `started`, `step2`, `step3`, `step4`, `completed`)
    VALUES (new.property_id, (new.started_at / 3600000) * 3600000, new.device_type, coalesce(new.language, ''), 1,
      new.step_reached >= 2, new.step_reached >= 3, new.step_reached >= 4, new.completed)
    ON CONFLICT (`property_id`, `hour_ms`, `device_type`, `language`) DO UPDATE SET
      started = started + excluded.started, step2 = step2 + excluded.step2, step3 = step3 + excluded.step3,
      step4 = step4 + excluded.step4, completed = completed + excluded.completed;
  INSERT INTO `checkin_analytics_daily` (`property_id`, `day_ms`, `device_type`, `language`, `started`, `step2`, `step3`, `step4`, `completed`)
    VALUES (new.property_id, (new.started_at / 86400000) * 86400000, new.device_type, coalesce(new.language, ''), 1,
      new.step_reached >= 2, new.step_reached >= 3, new.step_reached >= 4, new.completed)
    ON CONFLICT (`property_id`, `day_ms`, `device_type`, `language`) DO UPDATE SET
      started = started + excluded.started, step2 = step2 + excluded.step2, step3 = step3 + excluded.step3,
      step4 = step4 + excluded.step4, completed = completed + excluded.completed;
  INSERT INTO `checkin_duration_daily` (`property_id`, `day_ms`, `bin`, `completions`)
    SELECT new.property_id, (new.started_at / 86400000) * 86400000, CASE WHEN new.completed_at IS NULL THEN -1 ELSE min(max((new.completed_at - new.started_at) / 10000, 0), 360) END, 1 WHERE new.completed = 1
    ON CONFLICT (`property_id`, `day_ms`, `bin`) DO UPDATE SET completions = completions + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `checkin_analytics_rollup_update` AFTER UPDATE ON `checkin_analytics`
  WHEN old.property_id IS NOT new.property_id
    OR old.device_type IS NOT new.device_type
    OR old.started_at IS NOT new.started_at
    OR old.step_reached IS NOT new.step_reached
    OR old.completed IS NOT new.completed
    OR old.completed_at IS NOT new.completed_at
    OR old.language IS NOT new.language
BEGIN
  UPDATE `checkin_analytics_hourly` SET started = started - 1, step2 = step2 - (old.step_reached >= 2),
      step3 = step3 - (old.step_reached >= 3), step4 = step4 - (old.step_reached >= 4), completed = completed - old.completed
    WHERE property_id = old.property_id AND hour_ms = (old.started_at / 3600000) * 3600000 AND device_type = old.device_type
      AND language = coalesce(old.language, '');
  DELETE FROM `checkin_analytics_hourly` WHERE property_id = old.property_id AND hour_ms = (old.started_at / 3600000) * 3600000 AND device_type = old.device_type
      AND language = coalesce(old.language, '') AND started = 0;
  UPDATE `checkin_analytics_daily` SET started = started - 1, step2 = step2 - (old.step_reached >= 2),
      step3 = step3 - (old.step_reached >= 3), step4 = step4 - (old.step_reached >= 4), completed = completed - old.completed
    WHERE property_id = old.property_id AND day_ms = (old.started_at / 86400000) * 86400000 AND device_type = old.device_type
      AND language = coalesce(old.language, '');
  DELETE FROM `checkin_analytics_daily` WHERE property_id = old.property_id AND day_ms = (old.started_at / 86400000) * 86400000 AND device_type = old.device_type
      AND language = coalesce(old.language, '') AND started = 0;
  UPDATE `checkin_duration_daily` SET completions = completions - 1 WHERE old.completed = 1 AND property_id = old.property_id AND day_ms = (old.started_at / 86400000) * 86400000
      AND bin = CASE WHEN old.completed_at IS NULL THEN -1 ELSE min(max((old.completed_at - old.started_at) / 10000, 0), 360) END;
  DELETE FROM `checkin_duration_daily` WHERE old.completed = 1 AND property_id = old.property_id AND day_ms = (old.started_at / 86400000) * 86400000
      AND bin = CASE WHEN old.completed_at IS NULL THEN -1 ELSE min(max((old.completed_at - old.started_at) / 10000, 0), 360) END AND completions = 0;
  INSERT INTO `checkin_analytics_hourly` (`property_id`, `hour_ms`, `device_type`, `language`, `started`, `step2`, `step3`, `step4`, `completed`)
    VALUES (new.property_id, (new.started_at / 3600000) * 3600000, new.device_type, coalesce(new.language, ''), 1,
      new.step_reached >= 2, new.step_reached >= 3, new.step_reached >= 4, new.completed)
    ON CONFLICT (`property_id`, `hour_ms`, `device_type`, `language`) DO UPDATE SET
      started = started + excluded.started, step2 = step2 + excluded.step2, step3 = step3 + excluded.step3,
      step4 = step4 + excluded.step4, completed = completed + excluded.completed;
  INSERT INTO `checkin_analytics_daily` (`property_id`, `day_ms`, `device_type`, `language`, `started`, `step2`, `step3`, `step4`, `completed`)
    VALUES (new.property_id, (new.started_at / 86400000) * 86400000, new.device_type, coalesce(new.language, ''), 1,
      new.step_reached >= 2, new.step_reached >= 3, new.step_reached >= 4, new.completed)
    ON CONFLICT (`property_id`, `day_ms`, `device_type`, `language`) DO UPDATE SET
      started = started + excluded.started, step2 = step2 + excluded.step2, step3 = step3 + excluded.step3,
      step4 = step4 + excluded.step4, completed = completed + excluded.completed;
  INSERT INTO `checkin_duration_daily` (`property_id`, `day_ms`, `bin`, `completions`)
    SELECT new.property_id, (new.started_at / 86400000) * 86400000, CASE WHEN new.completed_at IS NULL THEN -1 ELSE min(max((new.completed_at - new.started_at) / 10000, 0), 360) END, 1 WHERE new.completed = 1
    ON CONFLICT (`property_id`, `day_ms`, `bin`) DO UPDATE SET completions = completions + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `checkin_analytics_rollup_delete` AFTER DELETE ON `checkin_analytics` BEGIN
  UPDATE `checkin_analytics_hourly` SET started = started - 1, step2 = step2 - (old.step_reached >= 2),
      step3 = step3 - (old.step_reached >= 3), step4 = step4 - (old.step_reached >= 4), completed = completed - old.completed
    WHERE property_id = old.property_id AND hour_ms = (old.started_at / 3600000) * 3600000 AND device_type = old.device_type
      AND language = coalesce(old.language, '');
  DELETE FROM `checkin_analytics_hourly` WHERE property_id = old.property_id AND hour_ms = (old.started_at / 3600000) * 3600000 AND device_type = old.device_type
      AND language = coalesce(old.language, '') AND started = 0;
  UPDATE `checkin_analytics_daily` SET started = started - 1, step2 = step2 - (old.step_reached >= 2),
      step3 = step3 - (old.step_reached >= 3), step4 = step4 - (old.step_reached >= 4), completed = completed - old.completed
    WHERE property_id = old.property_id AND day_ms = (old.started_at / 86400000) * 86400000 AND device_type = old.device_type
      AND language = coalesce(old.language, '');
  DELETE FROM `checkin_analytics_daily` WHERE property_id = old.property_id AND day_ms = (old.started_at / 86400000) * 86400000 AND device_type = old.device_type
      AND language = coalesce(old.language, '') AND started = 0;
  UPDATE `checkin_duration_daily` SET completions = completions - 1 WHERE old.completed = 1 AND property_id = old.property_id AND day_ms = (old.started_at / 86400000) * 86400000
      AND bin = CASE WHEN old.completed_at IS NULL THEN -1 ELSE min(max((old.completed_at - old.started_at) / 10000, 0), 360) END;
  DELETE FROM `checkin_duration_daily` WHERE old.completed = 1 AND property_id = old.property_id AND day_ms = (old.started_at / 86400000) * 86400000
      AND bin = CASE WHEN old.completed_at IS NULL THEN -1 ELSE min(max((old.completed_at - old.started_at) / 10000, 0), 360) END AND completions = 0;
END;
