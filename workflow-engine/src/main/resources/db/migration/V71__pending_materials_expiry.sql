-- 容缺 at its deadline (issue #11): each matter says what happens when its pending materials are still missing —
-- ESCALATE (容缺逾期 notices to the window and the supervisors; the case goes on) or REFUSE (终止办理: the case is
-- refused and its process ended) — and may set its own number of working days for them (NULL: the platform's
-- tongban.applicant.pending-materials-days).
ALTER TABLE tb_matter ADD COLUMN pending_materials_expiry VARCHAR(16) DEFAULT 'ESCALATE' NOT NULL;
ALTER TABLE tb_matter ADD COLUMN pending_materials_days INT;
