-- Stories keep their casualty ranges under the keys briefings print them by:
-- civilians becomes civilians_killed, children children_killed, women
-- women_killed and fighters fighters_killed.
UPDATE stories
SET data = json_remove(json_set(data, '$.civilians_killed', json(json_extract(data, '$.civilians'))), '$.civilians')
WHERE json_type(data, '$.civilians') = 'object';
UPDATE stories
SET data = json_remove(json_set(data, '$.children_killed', json(json_extract(data, '$.children'))), '$.children')
WHERE json_type(data, '$.children') = 'object';
UPDATE stories
SET data = json_remove(json_set(data, '$.women_killed', json(json_extract(data, '$.women'))), '$.women')
WHERE json_type(data, '$.women') = 'object';
UPDATE stories
SET data = json_remove(json_set(data, '$.fighters_killed', json(json_extract(data, '$.fighters'))), '$.fighters')
WHERE json_type(data, '$.fighters') = 'object';
