-- Kindred store, schema version 5: how the writer of a held message appeared when it was held
-- (nickname and role), so that an approved message goes out under that nickname on whichever node
-- approves it, even once the writer has left the room. Kept only until a moderator decides, like
-- the text.

ALTER TABLE held_message ADD COLUMN writer_nick TEXT;
ALTER TABLE held_message ADD COLUMN writer_role TEXT;
