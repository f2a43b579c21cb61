package org.tongban.engine.supervision.internal;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.tongban.engine.notification.NotificationType;
import org.tongban.engine.notification.NotificationService;
import org.tongban.engine.platform.EngineClock;
import org.tongban.engine.supervision.SubItemStatus;
import org.tongban.engine.supervision.SupervisionItemStatus;
import org.tongban.engine.supervision.persistence.ItemRow;
import org.tongban.engine.supervision.persistence.SubItemRow;
import org.tongban.engine.supervision.persistence.SupervisionMapper;

/** 交办: hands the item's new sub-items to their units (subItems) and tells each unit's handlers. */
@Component("assignSubItemsDelegate")
class AssignSubItemsDelegate implements JavaDelegate {

    private final SupervisionMapper mapper;
    private final NotificationService notifications;
    private final SupervisionLog log;
    private final EngineClock clock;

    AssignSubItemsDelegate(SupervisionMapper mapper, NotificationService notifications, SupervisionLog log,
                           EngineClock clock) {
        this.mapper = mapper;
        this.notifications = notifications;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long itemId = ((Number) execution.getVariable(SupervisionVariables.ITEM_ID)).longValue();
        ItemRow item = mapper.findItem(itemId);
        List<SubItemRow> fresh = mapper.findSubItems(itemId).stream()
                .filter(s -> SubItemStatus.NEW.name().equals(s.status)).toList();
        if (fresh.isEmpty()) {
            throw new IllegalStateException("Supervision item " + itemId + " has no sub-item to assign");
        }
        mapper.assignNew(itemId, clock.now());
        mapper.setStatus(itemId, SupervisionItemStatus.IN_PROGRESS.name());
        for (SubItemRow sub : fresh) {
            notifications.toGroup(sub.unitDepartment + ":handler", NotificationType.ASSIGNED,
                    "交办：" + item.itemNumber + " " + item.title, sub.requirement, "SUPERVISION_ITEM", itemId);
            log.system(itemId, sub.id, "ASSIGNED", sub.requirement);
        }
        execution.setVariable(SupervisionVariables.SUB_ITEMS, new ArrayList<>(fresh.stream().map(s -> s.id).toList()));
    }
}
