-- Listings filter stories by category, kind, place and actor within a window
-- of update times, and page through them, in SQL.
-- kind rides along so a kind filter is checked in the index.
CREATE INDEX stories_category_updated ON stories (category, updated, kind);

-- Each name row carries its story's category, kind and update time, so the
-- stories naming a place in a window are one index range, counted and
-- ordered without reading a story, however long the place's history.
ALTER TABLE story_names ADD COLUMN category TEXT NOT NULL DEFAULT '';
ALTER TABLE story_names ADD COLUMN updated TEXT;
ALTER TABLE story_names ADD COLUMN story_kind TEXT NOT NULL DEFAULT '' COLLATE NOCASE;
UPDATE story_names SET (category, updated, story_kind) =
	(SELECT category, updated, kind FROM stories WHERE stories.id = story_names.story_id);
CREATE INDEX story_names_list ON story_names (kind, name, category, updated, story_id, story_kind);

-- Countries a story involves (its own and its participants'), kind 'country',
-- so "who" filters find stories by country too.
INSERT OR IGNORE INTO story_names (kind, name, story_id, category, updated, story_kind)
SELECT 'country', trim(c.value), s.id, s.category, s.updated, s.kind
FROM stories s, json_each(s.data, '$.countries') c
WHERE trim(c.value) <> ''
UNION
SELECT 'country', trim(json_extract(p.value, '$.country')), s.id, s.category, s.updated, s.kind
FROM stories s, json_each(s.data, '$.participants') p
WHERE trim(coalesce(json_extract(p.value, '$.country'), '')) <> '';
