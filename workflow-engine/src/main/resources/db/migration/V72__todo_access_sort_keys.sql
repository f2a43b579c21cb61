-- The todo list from tb_work_access alone (issue 10, benchmark 2): every access row carries its task's sort keys
-- (created_at, due_at) and whether the stand-in rule lets it show, so a person's first page is an ordered index
-- read of 20 rows per principal and the counts never join tb_work_item. The listeners keep them in step with the
-- item in the engine's transaction (WorkItemListener). created_at is set on every row; it stays nullable because
-- H2 and MariaDB spell "make an existing column NOT NULL" differently.
ALTER TABLE tb_work_access ADD COLUMN created_at DATETIME(3);
ALTER TABLE tb_work_access ADD COLUMN due_at DATETIME(3);
-- FALSE only for a stand-in's row while the task is held by someone other than the absent person and the stand-in
ALTER TABLE tb_work_access ADD COLUMN shown BOOLEAN NOT NULL DEFAULT TRUE;

-- rows of tasks that are no longer open were never shown (the lists joined the item)
DELETE FROM tb_work_access WHERE NOT EXISTS (SELECT 1 FROM tb_work_item w WHERE w.task_id = tb_work_access.task_id);
UPDATE tb_work_access
SET created_at = (SELECT w.created_at FROM tb_work_item w WHERE w.task_id = tb_work_access.task_id),
    due_at     = (SELECT w.due_at FROM tb_work_item w WHERE w.task_id = tb_work_access.task_id);
UPDATE tb_work_access SET shown = FALSE
WHERE via = 'PROXY'
  AND EXISTS (SELECT 1 FROM tb_work_item w
              WHERE w.task_id = tb_work_access.task_id AND w.assignee IS NOT NULL
                AND w.assignee <> tb_work_access.on_behalf_of AND CONCAT('u:', w.assignee) <> tb_work_access.principal);

-- A stand-in's rows get a principal of their own ('p:<stand-in>'), so each principal reaches a task through one row
-- at most and a principal's rows in index order are its tasks in list order, without duplicates.
UPDATE tb_work_access SET principal = CONCAT('p:', SUBSTRING(principal, 3)) WHERE via = 'PROXY';

DROP INDEX ix_work_access_principal ON tb_work_access;
CREATE INDEX ix_work_access_todo ON tb_work_access (principal, created_at, task_id, due_at, expires_on, shown);
