-- What a delivery will post, fixed before its first message: a resumed
-- delivery sends the rest of these parts rather than a briefing composed
-- anew, whose parts may hold other stories. NULL until planned; then a JSON
-- array with one opaque message per part.
ALTER TABLE deliveries ADD COLUMN parts TEXT;
